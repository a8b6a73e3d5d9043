/**
 * `npm run import`: a converted policy as a version file (and a `document.yaml` when the document is new).
 * A version with placeholders left in it is written as a draft, so it cannot be published unfinished.
 */
import { type ContentTree, splitFrontmatter } from '../content/files.ts';
import { parseVersionBody, versionAnchors } from '../content/rules.ts';
import type { ConvertOptions } from '../import/convert.ts';
import { documentEntries, type VersionLock } from '../content/lock.ts';
import { DOCUMENT_META_FILE } from '../content/schema.ts';
import { isIsoDate } from '../content/dates.ts';
import { findPlaceholders, type PlaceholderHit } from '../import/placeholders.ts';
import type { ImportGuess } from '../import/report.ts';
import type { ChangeKind } from '../content/types.ts';
import { DEFAULT_NOTICE_DAYS, nextOrder, slugProblem } from './new-document.ts';
import { type AuthoringPlan, issuesIntroduced, nextStepsAfterWriting, refuse, refuseIssues, summaryError } from './plan.ts';
import { SUMMARY_TO_WRITE } from './new-version.ts';
import { documentFileText, versionFileText } from './version-file.ts';

/**
 * What the converter needs to know of the site to make links work: its documents (with the one being imported,
 * titled `title`) and the anchors of each one's latest published version, for DocLink sections.
 */
export function siteLinkContext(tree: ContentTree, document: string, title: string | undefined): Pick<ConvertOptions, 'documents' | 'documentAnchors' | 'document'> {
  const documents = new Map(tree.documents.map((entry) => [entry.slug, entry.slug] as const));
  documents.set(document, title ?? documents.get(document) ?? document);
  const documentAnchors = new Map<string, Set<string>>();
  for (const entry of tree.documents) {
    const latest = [...entry.versions].reverse().find((version) => !(version.frontmatter.ok && (version.frontmatter.value as { draft?: unknown } | undefined)?.draft === true));
    const parsed = latest ? parseVersionBody(latest.source) : undefined;
    if (parsed?.ok) documentAnchors.set(entry.slug, versionAnchors(parsed.tree));
  }
  return { documents, documentAnchors, document };
}

/** An import request with the converted body. */
export interface ImportRequest {
  document: string;
  /** --effective; when not given, the effective (or else last-updated) date the source states. */
  effective?: string | undefined;
  /** Defaults to `effective`: a policy already in force was announced when it took effect, unless told otherwise. */
  published?: string | undefined;
  change?: ChangeKind | undefined;
  summary?: string | undefined;
  /** Replace an existing version file with the same id. */
  force: boolean;
  /** The title found in the source, or given with --title; needed only for a new document. */
  title?: string | undefined;
  /** The MDX-safe body from the converter. */
  body: string;
  /** Dates the source states, from the converter; the command-line dates win. */
  statedDates?: { effective?: string; published?: string };
  /** What would publish wrongly, with body lines, from the converter. */
  leftovers?: readonly ImportGuess[];
  company: string;
  siteContact: string;
  placeholders: readonly string[];
  hasLockScript: boolean;
  /** Today; with `lock`, decides whether the version is the document's history (`imported: true`). */
  today?: string | undefined;
  lock?: VersionLock | undefined;
}

/** An import plan, with the placeholders found (line 0: in the summary), whether the version was made a draft because of them, and the leftovers with their lines in the written file. */
export type ImportPlan = AuthoringPlan & { placeholders?: PlaceholderHit[]; draft?: boolean; leftovers?: ImportGuess[]; path?: string };

/** Plans the files an import writes, or says why it cannot. */
export function planImport(request: ImportRequest, tree: ContentTree): ImportPlan {
  const errors: string[] = [];
  const existing = tree.documents.find((document) => document.slug === request.document);
  if (!existing) {
    const problem = slugProblem(request.document, tree);
    if (problem) errors.push(problem);
    if (!request.title?.trim()) errors.push('the file has no title heading to name the new document: pass --title "..."');
  }
  const stated = request.statedDates ?? {};
  const effective = request.effective ?? stated.effective ?? stated.published ?? '';
  if (effective === '') errors.push('the file states no effective or "last updated" date: pass --effective YYYY-MM-DD');
  else if (!isIsoDate(effective)) errors.push(`--effective "${effective}" is not a date: write it as YYYY-MM-DD`);
  // A stated "last updated" date is the announcement only when it is not after the version took effect.
  const published = request.published ?? (stated.published !== undefined && stated.published <= effective ? stated.published : effective);
  if (effective !== '' && !isIsoDate(published)) errors.push(`--published "${published}" is not a date: write it as YYYY-MM-DD`);
  else if (effective !== '' && published > effective) errors.push(`--published ${published} is after --effective ${effective}: a version is announced on or before the day it takes effect`);
  const hasVersions = (existing?.versions.length ?? 0) > 0;
  if (hasVersions && !request.change) {
    errors.push(`"${request.document}" already has versions: say what kind of change this one is with --change material or --change minor`);
  }
  const path = `${request.document}/${effective}.mdx`;
  if (existing?.versions.some((version) => version.id === effective) && !request.force) {
    errors.push(`${tree.contentDir}/${path} already exists: choose another --effective date, or pass --force to replace it`);
  }
  const summaryProblem = summaryError(request.summary);
  if (summaryProblem) errors.push(summaryProblem);
  if (errors.length > 0) return refuse(...errors);

  const change = request.change ?? 'initial';
  const title = request.title?.trim() ?? request.document;
  const summary = request.summary?.trim() ?? (change === 'initial' ? `First version of the ${title}.` : SUMMARY_TO_WRITE);
  const draft = findPlaceholders(`${summary}\n${request.body}`, request.placeholders).length > 0;
  // Announced before today, into a document this site has not published yet: the document's history, with its dates
  // as the history gives them (history-rules.ts exempts it from being witnessed); once published here, nothing is back-dated.
  const publishedHere = request.lock !== undefined && documentEntries(request.lock, request.document).some(([, entry]) => !entry.imported);
  const imported = request.today !== undefined && published < request.today && !publishedHere;
  const versionText = versionFileText({ effective, published, change, summary, draft, imported }, `\n${request.body}`);
  const bodyLine = splitFrontmatter(versionText).bodyLine;
  // Body line 1 is the blank line after the frontmatter; the converter counted from the first line of text.
  const leftovers = (request.leftovers ?? []).map((leftover) => ({ ...leftover, ...(leftover.line === undefined ? {} : { line: leftover.line + bodyLine }) }));
  // Lines as in the written file (the draft line included), so they match what npm run check reports.
  const placeholders = [
    ...findPlaceholders(summary, request.placeholders).map((hit) => ({ ...hit, line: 0 })),
    ...findPlaceholders(`\n${request.body}`, request.placeholders, bodyLine),
  ];
  const files = [
    ...(existing
      ? []
      : [
          {
            path: `${request.document}/${DOCUMENT_META_FILE}`,
            text: documentFileText({
              title,
              description: `The ${title} of ${request.company}.`,
              order: nextOrder(tree),
              noticeDays: DEFAULT_NOTICE_DAYS,
              contact: request.siteContact,
            }),
          },
        ]),
    { path, text: versionText },
  ];
  // A draft that is the document's only version leaves it unpublished, which is what a draft is for.
  const introduced = issuesIntroduced(tree, files, request.placeholders).filter((issue) => !(draft && issue.field === 'versions'));
  if (introduced.length > 0) return refuseIssues(introduced);

  const notes = [
    ...(existing ? [] : [`new document "${title}": description, notice period (${DEFAULT_NOTICE_DAYS} days) and contact are defaults to review in ${tree.contentDir}/${request.document}/${DOCUMENT_META_FILE}`]),
    ...(imported ? [`imported: true (announced ${published}, before today and before this site published the document: recorded as its history)`] : []),
    ...(request.effective === undefined ? [`effective: ${effective} (the date the file states; pass --effective to say otherwise)`] : []),
    ...(request.published === undefined
      ? [published === effective ? `published: ${published} (the effective date; pass --published if it was announced earlier)` : `published: ${published} (the "last updated" date the file states; pass --published to say otherwise)`]
      : []),
  ];
  const nextSteps = nextStepsAfterWriting(
    `${tree.contentDir}/${path}`,
    [
      `Read ${tree.contentDir}/${path} against the original: check the headings, lists and tables, and the items listed under "Could not convert".`,
      ...(draft ? [`Replace every placeholder listed above, then delete the line "draft: true".`] : []),
      ...(summary === SUMMARY_TO_WRITE ? ['Write the summary: what changed and why, in a sentence or two.'] : []),
    ],
    request.hasLockScript,
  );
  return { ok: true, files, notes, nextSteps, placeholders, draft, leftovers, path: `${tree.contentDir}/${path}` };
}
