/**
 * `npm run import -- <folder> --history` and `--git`: a document's whole history as versions, in one pass
 * and one process. Each version is written `imported: true` (its dates are the history's, not witnessed by
 * this site) and recorded in the lock with the lock's own functions, so the history is as fixed as any
 * published version from the first commit.
 */
import { byDate } from '../content/dates.ts';
import { type ContentTree, splitFrontmatter } from '../content/files.ts';
import { DOCUMENT_META_FILE } from '../content/schema.ts';
import { type ConvertOptions, convertPolicy } from '../import/convert.ts';
import { type ChangeGuess, guessChange, type HistorySource, historySummary } from '../import/history.ts';
import { findPlaceholders, type PlaceholderHit } from '../import/placeholders.ts';
import type { ImportGuess } from '../import/report.ts';
import { documentEntries, emptyLock, serializeLock, updateLock, type VersionLock } from '../content/lock.ts';
import type { ChangeKind } from '../content/types.ts';
import { validateContent } from '../content/validation.ts';
import { siteLinkContext } from './import-version.ts';
import { DEFAULT_NOTICE_DAYS, nextOrder, slugProblem } from './new-document.ts';
import { type AuthoringPlan, issuesIntroduced, type PlannedFile, refuseIssues, treeWithFiles } from './plan.ts';
import { documentFileText, versionFileText } from './version-file.ts';

/** What a history import is asked to do. */
export interface HistoryRequest {
  document: string;
  /** --title; otherwise the title the latest version states. */
  title?: string | undefined;
  /** --change-of YYYY-MM-DD=material|minor: the author's word on a version's kind of change, over the guess. */
  changes: ReadonlyMap<string, ChangeKind>;
  noticeDays?: number | undefined;
  company: string;
  siteContact: string;
  placeholders: readonly string[];
  convert: ConvertOptions;
  /** The lock as it is (undefined when the site has none yet). */
  lock: VersionLock | undefined;
  /** Today: the lock records it as the day each imported version was first recorded. */
  today: string;
}

/** One version the history import writes, and what the author should know about it. */
export interface HistoryVersion {
  id: string;
  origin: string;
  path: string;
  change: ChangeKind;
  /** The guess, when the kind of change was guessed (not given with --change-of). */
  guess?: ChangeGuess;
  summary: string;
  draft: boolean;
  warnings: string[];
  guesses: ImportGuess[];
  /** Leftovers and placeholders, with their lines in the written file. */
  leftovers: ImportGuess[];
  placeholders: PlaceholderHit[];
}

/** A history import's plan: the files (versions, document.yaml), the lock text, each version and each text skipped. */
export type HistoryPlan =
  | (Extract<AuthoringPlan, { ok: true }> & { versions: HistoryVersion[]; skipped: { origin: string; reason: string }[]; lockText: string; title: string })
  | Extract<AuthoringPlan, { ok: false }>;

const refuse = (...errors: string[]): HistoryPlan => ({ ok: false, errors });
const refused = (plan: AuthoringPlan): HistoryPlan => (plan.ok ? refuse('internal: refusal expected') : plan);

/** Plans the import of a document's history (sources in any order); refuses, writing nothing, what would break the content. */
export async function planHistoryImport(sources: readonly HistorySource[], request: HistoryRequest, tree: ContentTree): Promise<HistoryPlan> {
  const existing = tree.documents.find((document) => document.slug === request.document);
  if (existing && existing.versions.length > 0) {
    return refuse(
      `"${request.document}" already has versions: a history is imported into a new document, before this site publishes it (import each later version with npm run import -- <file> --document ${request.document} --change ...)`,
    );
  }
  if (!existing) {
    const problem = slugProblem(request.document, tree);
    if (problem) return refuse(problem);
  }
  if (sources.length === 0) return refuse('there is no version to import: name the files YYYY-MM-DD.md (or .html, .txt, .docx)');
  for (const date of request.changes.keys()) {
    if (!sources.some((source) => source.date === date)) return refuse(`--change-of ${date}: there is no version of that date in the history`);
  }

  const skipped: { origin: string; reason: string }[] = [];
  // One version per day: the last text of a day is the one that was in force at its end.
  const ordered = byDate(sources);
  const byDay: HistorySource[] = [];
  for (const source of ordered) {
    const last = byDay[byDay.length - 1];
    if (last?.date === source.date) {
      skipped.push({ origin: last.origin, reason: `replaced the same day by ${source.origin}` });
      byDay[byDay.length - 1] = source;
    } else byDay.push(source);
  }

  const site = siteLinkContext(tree, request.document, request.title);
  const converted: { source: HistorySource; result: Awaited<ReturnType<typeof convertPolicy>> }[] = [];
  let previous: { source: HistorySource; body: string } | undefined;
  for (const source of byDay) {
    if (previous && Buffer.compare(Buffer.from(previous.source.bytes), Buffer.from(source.bytes)) === 0) {
      skipped.push({ origin: source.origin, reason: `byte-identical to ${previous.source.origin}` });
      continue;
    }
    let result: Awaited<ReturnType<typeof convertPolicy>>;
    try {
      result = await convertPolicy(source.bytes, source.format, { ...request.convert, ...site });
    } catch (error) {
      return refuse(`${source.origin}: could not be read as ${source.format}: ${(error as Error).message}`);
    }
    if (previous && previous.body === result.body) {
      skipped.push({ origin: source.origin, reason: `the same text as ${previous.source.origin} once converted` });
      continue;
    }
    converted.push({ source, result });
    previous = { source, body: result.body };
  }

  const title = request.title?.trim() || [...converted].reverse().find((entry) => entry.result.title)?.result.title || request.document;
  const versions: HistoryVersion[] = [];
  const files: PlannedFile[] = [];
  if (!existing) {
    files.push({
      path: `${request.document}/${DOCUMENT_META_FILE}`,
      text: documentFileText({
        title,
        description: `The ${title} of ${request.company}.`,
        order: nextOrder(tree),
        noticeDays: request.noticeDays ?? DEFAULT_NOTICE_DAYS,
        contact: request.siteContact,
      }),
    });
  }
  converted.forEach(({ source, result }, index) => {
    const before = converted[index - 1];
    const guess = before ? guessChange(before.result.body, result.body) : undefined;
    const change: ChangeKind = index === 0 ? 'initial' : (request.changes.get(source.date) ?? guess?.change ?? 'material');
    let summary = historySummary(guess, title, source.subject);
    if (findPlaceholders(summary, request.placeholders).length > 0) summary = historySummary(guess, title, undefined);
    const placeholdersInBody = findPlaceholders(result.body, request.placeholders).length > 0;
    const fields = { effective: source.date, published: source.date, change, summary, draft: placeholdersInBody, imported: true };
    const text = versionFileText(fields, `\n${result.body}`);
    const bodyLine = splitFrontmatter(text).bodyLine;
    const path = `${request.document}/${source.date}.mdx`;
    files.push({ path, text });
    versions.push({
      id: source.date,
      origin: source.origin,
      path: `${tree.contentDir}/${path}`,
      change,
      ...(guess && !request.changes.has(source.date) && index > 0 ? { guess } : {}),
      summary,
      draft: placeholdersInBody,
      warnings: result.warnings,
      guesses: result.guesses,
      leftovers: result.leftovers.map((leftover) => ({ ...leftover, ...(leftover.line === undefined ? {} : { line: leftover.line + bodyLine }) })),
      placeholders: findPlaceholders(`\n${result.body}`, request.placeholders, bodyLine),
    });
  });
  if (versions.every((version) => version.draft)) {
    return refuse(`every version of the history holds a placeholder, so none could be published: ${versions[0]?.origin ?? ''} first`);
  }

  const introduced = issuesIntroduced(tree, files, request.placeholders);
  if (introduced.length > 0) return refused(refuseIssues(introduced));

  // Record the new versions through the lock's own functions, and only this document's: other pending versions are the author's to lock.
  const validated = validateContent(treeWithFiles(tree, files), { placeholders: request.placeholders, excludeDrafts: true });
  const lock = request.lock ?? emptyLock();
  const updated = updateLock(validated.documents.filter((document) => document.slug === request.document), lock, { today: request.today }).lock;
  const lockText = serializeLock({ ...updated, versions: { ...lock.versions, ...Object.fromEntries(documentEntries(updated, request.document)) } });

  const notes = [
    ...(existing ? [] : [`new document "${title}": description, notice period (${request.noticeDays ?? DEFAULT_NOTICE_DAYS} days) and contact are defaults to review in ${tree.contentDir}/${request.document}/${DOCUMENT_META_FILE}`]),
    'Each version is published on its effective date (the date of its file or commit), as the history records it.',
  ];
  const nextSteps = [
    'Read the versions against the originals where the report lists a guess or something that would publish wrongly; fix those in the files and run `npm run lock` again before you commit.',
    'Run `npm run check`, then `npm run build` and read the history page and a few redlines.',
    `Commit ${tree.contentDir}/${request.document}/ and the lock file together, and open a pull request.`,
  ];
  return { ok: true, files, notes, nextSteps, versions, skipped, lockText, title };
}
