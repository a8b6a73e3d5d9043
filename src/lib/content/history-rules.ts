/**
 * The rules that make published history append-only and its dates witnessed (docs/decisions/0005-witnessed-history.md).
 * Validation checks each file on its own; these rules compare the content with what was already published
 * (the lock), with the day of the check and with git's record of when each file first appeared.
 */
import type { VersionSource } from './files.ts';
import { addDays } from './dates.ts';
import { documentEntries, lockKey, type LockEntry, type VersionLock } from './lock.ts';
import type { ContentIssue, LegalDocument, Version } from './types.ts';
import { sortVersions } from './versions.ts';
import type { GitWitness } from './git-witness.ts';

/** What the history rules compare. */
export interface HistoryInput {
  /** Validated documents with every version, drafts included or not (drafts are skipped). */
  documents: readonly LegalDocument[];
  /** The version files as read, by `<document>/<version>`, for their text. */
  sources: ReadonlyMap<string, VersionSource>;
  lock: VersionLock;
  /** The day of the check (the build date): a version first seen now first appeared today. */
  today: string;
  git: GitWitness;
  lockPath: string;
}

const max = (dates: readonly string[]): string | undefined => dates.reduce<string | undefined>((latest, date) => (latest === undefined || date > latest ? date : latest), undefined);
const earliest = (dates: readonly (string | undefined)[]): string | undefined =>
  dates.reduce<string | undefined>((first, date) => (date !== undefined && (first === undefined || date < first) ? date : first), undefined);

/** The body of a version with whitespace collapsed: two versions with the same words and markup say the same thing. */
function normalizedBody(source: VersionSource | undefined): string | undefined {
  if (!source) return undefined;
  // Each version is compared with the one before and the one after: collapsed once.
  let body = normalizedBodies.get(source);
  if (body === undefined) {
    body = source.body.replace(/\s+/g, ' ').trim();
    normalizedBodies.set(source, body);
  }
  return body;
}
const normalizedBodies = new WeakMap<VersionSource, string>();

/** The dates to suggest for a version announced today: effective no earlier than today plus the notice period. */
function announceToday(version: Version, noticeDays: number, today: string, after: string | undefined): string {
  const notice = version.change === 'material' ? addDays(today, noticeDays) : today;
  const effective = after !== undefined && addDays(after, 1) > notice ? addDays(after, 1) : notice;
  return `announce it today: published: ${today}, effective: ${effective} or later${version.change === 'material' ? ` (${noticeDays} days' notice)` : ''}, and name the file ${effective}.mdx`;
}

/** Every history rule's issues: locked dates, append-only order, imported history, witnesses, identical texts, correction dates. */
export function historyIssues(input: HistoryInput): ContentIssue[] {
  const { lock, today, git } = input;
  const issues: ContentIssue[] = [];
  for (const document of input.documents) {
    const published = sortVersions(document.versions.filter((version) => !version.draft));
    const lockedEntries = documentEntries(lock, document.slug);
    const latestLocked = max(lockedEntries.map(([, entry]) => entry.effective));
    const firstPublishedHere = lockedEntries.find(([, entry]) => !entry.imported);

    published.forEach((version, index) => {
      const file = version.sourcePath;
      const key = lockKey(document.slug, version.id);
      const entry: LockEntry | undefined = lock.versions[key];

      // A published version's announcement date and kind never change, correction or not.
      if (entry && entry.published !== version.published) {
        issues.push({
          file,
          field: 'published',
          message: `${key} was announced on ${entry.published} (${input.lockPath}); its published date is now ${version.published}`,
          fix: `restore "published: ${entry.published}": a published version's announcement date never changes`,
        });
      }
      if (entry && entry.imported !== version.imported) {
        issues.push({
          file,
          field: 'imported',
          message: `${key} was recorded as ${entry.imported ? 'imported history' : 'published on this site'}, and "imported" now says ${String(version.imported)}`,
          fix: `restore "imported: ${String(entry.imported)}"`,
        });
      }

      if (!entry) {
        if (version.imported && firstPublishedHere) {
          issues.push({
            file,
            field: 'imported',
            message: `imported history can only be added before the document's first version published on this site (${firstPublishedHere[0]} is already published)`,
            fix: `remove "imported: true" and publish it as a new version: ${announceToday(version, document.noticeDays, today, latestLocked)}`,
          });
        } else if (!version.imported && latestLocked !== undefined && version.effective <= latestLocked) {
          issues.push({
            file,
            field: 'effective',
            message: `a new version takes effect on ${version.effective}, but a published version of ${document.slug} already takes effect on ${latestLocked}: it would change when published versions were in force`,
            fix: `a new version takes effect after every published version; ${announceToday(version, document.noticeDays, today, latestLocked)}`,
          });
        }
      }

      // Witnesses: a version cannot have been announced before it first appeared. Imported history is exempt;
      // so are versions locked before lockfileVersion 2 recorded dates (never witnessed, see 0005).
      if (!version.imported && (!entry || (entry.recorded !== null && entry.published === version.published))) {
        const addition = git.available ? git.additions.get(file) : undefined;
        const firstSeen = earliest([entry ? (entry.recorded ?? undefined) : today, addition?.date]);
        if (firstSeen !== undefined && version.published < firstSeen) {
          const witness =
            addition?.date === firstSeen
              ? `git commit ${addition.commit.slice(0, 12)} added the file on ${firstSeen}`
              : entry
                ? `${input.lockPath} first recorded it on ${firstSeen}`
                : `it is not in ${input.lockPath} yet, so it first appears today, ${today}`;
          issues.push({
            file,
            field: 'published',
            message: `published says ${version.published}, but this version did not exist before ${firstSeen} (${witness}): readers could not have been told on ${version.published}`,
            fix: entry
              ? 'a published version cannot be re-dated: publish a new version instead'
              : `${announceToday(version, document.noticeDays, today, latestLocked)}${firstPublishedHere ? '' : '; or, if it is the document\'s history from before this site published it, mark it "imported: true"'}`,
          });
        }
      }

      // Something must change. Checked for new versions and versions recorded since dates were witnessed.
      const previous = published[index - 1];
      if (previous && (!entry || entry.recorded !== null)) {
        const body = normalizedBody(input.sources.get(key));
        if (body !== undefined && body === normalizedBody(input.sources.get(lockKey(document.slug, previous.id)))) {
          issues.push({
            file,
            field: 'body',
            message: `the text is the same as the version of ${previous.effective} (${previous.sourcePath}): nothing would change`,
            fix: entry
              ? 'this version changes nothing; it cannot be removed once published, so publish the intended change as a new version'
              : 'make the change in the text, or delete this file; to fix a typo in a published version, record a correction in its `corrections:` instead',
          });
        }
      }

      for (const correction of version.corrections) {
        if (correction.date > today) {
          issues.push({
            file,
            field: 'corrections.date',
            message: `a correction is dated ${correction.date}, after today (${today})`,
            fix: `date the correction on the day the text was corrected (${today} at the latest)`,
          });
        }
      }
    });
  }
  return issues;
}

/**
 * The documents with only the versions announced on or before `today` (a build as of a date shows nothing
 * announced later; the daily rebuild publishes it on its day); documents left with none are dropped.
 */
export function announcedOnly(documents: readonly LegalDocument[], today: string): LegalDocument[] {
  return documents
    .map((document) => ({ ...document, versions: document.versions.filter((version) => version.published <= today) }))
    .filter((document) => document.versions.length > 0);
}
