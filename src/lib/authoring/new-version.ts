/**
 * `npm run new-version`: the next version of a document, starting as a byte-identical copy of the
 * latest published version's body, announced today and, for a material change, taking effect after the
 * document's notice period. Anything that would fail validation is refused before a file is written.
 */
import type { ContentTree } from '../content/files.ts';
import { addDays, daysBetween, isIsoDate } from '../content/dates.ts';
import type { ChangeKind } from '../content/types.ts';
import { validateContent } from '../content/validation.ts';
import { type AuthoringPlan, issuesIntroduced, nextStepsAfterWriting, refuse, refuseIssues, summaryError } from './plan.ts';
import { versionFileText } from './version-file.ts';

/** The summary a new version starts with: a placeholder, so `npm run check` fails until the author writes it. */
export const SUMMARY_TO_WRITE = 'TODO: say in a sentence what changed and why.';

/** What the author asked for. */
export interface NewVersionRequest {
  document: string;
  material: boolean;
  minor: boolean;
  effective?: string | undefined;
  /** The date the command runs, YYYY-MM-DD: the new version's `published`. */
  today: string;
  summary?: string | undefined;
  /** Configured placeholder patterns. */
  placeholders: readonly string[];
  hasLockScript: boolean;
}

/** Plans the next version of a document, or says why it cannot be created as asked. */
export function planNewVersion(request: NewVersionRequest, tree: ContentTree): AuthoringPlan {
  const { today } = request;
  if (request.material && request.minor) return refuse('choose one of --material and --minor, not both');
  if (!isIsoDate(today)) return refuse(`today's date "${today}" is not a date: write it as YYYY-MM-DD`);
  const source = tree.documents.find((document) => document.slug === request.document);
  if (!source) {
    const known = tree.documents.map((document) => document.slug).join(', ') || 'none yet';
    return refuse(`there is no document "${request.document}" (documents: ${known}); create one with npm run new-document -- ${request.document} --title "..."`);
  }
  const validation = validateContent(tree, { placeholders: request.placeholders, excludeDrafts: false });
  const document = validation.documents.find((candidate) => candidate.slug === request.document);
  if (!document) return refuse(`${source.metaPath} is missing or invalid: run npm run check and fix it first`);
  const published = document.versions.filter((version) => !version.draft);
  const latest = published[published.length - 1];
  const latestSource = latest && source.versions.find((version) => version.id === latest.id);
  if (!latest || !latestSource) {
    return refuse(`"${request.document}" has no published version to start from: finish its draft (remove "draft: true") or fix what npm run check reports`);
  }

  const change: ChangeKind = request.minor ? 'minor' : 'material';
  const earliestMaterial = addDays(today, document.noticeDays);
  const effective = request.effective ?? (change === 'material' ? earliestMaterial : today);
  const errors: string[] = [];
  if (!isIsoDate(effective)) return refuse(`--effective "${effective}" is not a date: write it as YYYY-MM-DD`);
  if (effective < today) {
    errors.push(`--effective ${effective} is before today (${today}): a version is announced on or before the day it takes effect`);
  } else if (change === 'material' && effective < earliestMaterial) {
    errors.push(
      `a material change announced today must take effect on or after ${earliestMaterial}: ${source.metaPath} promises ${document.noticeDays} days' notice, and ${effective} gives ${daysBetween(today, effective)}. Choose a later --effective date, or --minor if the change truly is minor`,
    );
  }
  const taken = document.versions.find((version) => version.effective === effective || version.id === effective);
  if (taken) {
    errors.push(`a version already takes effect on ${effective} (${taken.sourcePath}): edit that version, or choose another --effective date`);
  } else if (effective <= latest.effective) {
    errors.push(
      `the latest version (${latest.sourcePath}) takes effect on ${latest.effective}; a new version must take effect after it, so choose --effective ${addDays(latest.effective, 1)} or later`,
    );
  }
  const summaryProblem = summaryError(request.summary);
  if (summaryProblem) errors.push(summaryProblem);
  if (errors.length > 0) return refuse(...errors);

  const path = `${request.document}/${effective}.mdx`;
  const summary = request.summary?.trim() ?? SUMMARY_TO_WRITE;
  const files = [{ path, text: versionFileText({ effective, published: today, change, summary }, latestSource.body) }];
  const introduced = issuesIntroduced(tree, files, request.placeholders, validation.issues);
  if (introduced.length > 0) return refuseIssues(introduced);

  const drafts = document.versions.filter((version) => version.draft).map((version) => version.sourcePath);
  const notes = [
    `copied the text of ${latest.sourcePath} (the latest published version)`,
    change === 'material'
      ? `a material change${request.material ? '' : ' (the default; pass --minor for a correction that changes no one\'s rights or obligations)'}: announced ${today}, in force from ${effective}, ${daysBetween(today, effective)} days' notice (${document.noticeDays} required)`
      : `a minor change: announced ${today}, in force from ${effective}`,
    ...drafts.map((draft) => `${draft} is a draft: make sure the two versions do not overlap`),
  ];
  const nextSteps = nextStepsAfterWriting(
    `${tree.contentDir}/${path}`,
    [
      `Edit ${tree.contentDir}/${path}: make the change in the text, and nothing else, so the redline shows exactly what changed.`,
      request.summary === undefined
        ? `Replace the "TODO" summary in its frontmatter with what changed and why, in a sentence or two: readers see it in the history and the feeds.`
        : 'Check that the summary still describes the change once the text is final.',
    ],
    request.hasLockScript,
  );
  return { ok: true, files, notes, nextSteps };
}
