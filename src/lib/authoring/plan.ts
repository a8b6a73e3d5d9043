/** What an authoring command means to write, and the check that it leaves the content valid. */
import { join } from 'node:path';
import { type ContentTree, type DocumentSource, parseYaml, versionSourceOf } from '../content/files.ts';
import { DOCUMENT_META_FILE, versionFrontmatterSchema } from '../content/schema.ts';
import { validateContent } from '../content/validation.ts';
import type { ContentIssue } from '../content/types.ts';

/** A file to write, its path relative to the content folder (`<document>/<file>`). */
export interface PlannedFile {
  path: string;
  text: string;
}

/** A command's decision: the files to write with notes and next steps, or the reasons it refuses. */
export type AuthoringPlan = { ok: true; files: PlannedFile[]; notes: string[]; nextSteps: string[] } | { ok: false; errors: string[] };

/** A refusal with its reasons. */
export function refuse(...errors: string[]): AuthoringPlan {
  return { ok: false, errors };
}

/** A refusal because of what writing the files would break, each issue with its file and fix. */
export function refuseIssues(issues: readonly ContentIssue[]): AuthoringPlan {
  return refuse(...issues.map((issue) => `${issue.file}: ${issue.message} (${issue.fix})`));
}

/** What is wrong with a `--summary` given on the command line, or undefined when it is fine or not given. */
export function summaryError(summary: string | undefined): string | undefined {
  if (summary === undefined) return undefined;
  const parsed = versionFrontmatterSchema.shape.summary.safeParse(summary);
  return parsed.success ? undefined : `--summary ${parsed.error.issues[0]?.message ?? 'is invalid'}`;
}

/** The content tree as it would be with `files` written (a file at an existing path replaces it). */
export function treeWithFiles(tree: ContentTree, files: readonly PlannedFile[]): ContentTree {
  const documents = tree.documents.map((document) => ({ ...document, versions: [...document.versions] }));
  for (const file of files) {
    const [slug = '', name = ''] = file.path.split('/');
    let document = documents.find((candidate) => candidate.slug === slug);
    if (!document) {
      const dir = join(tree.contentDir, slug);
      document = { slug, dir, metaPath: join(dir, DOCUMENT_META_FILE), meta: undefined, versions: [], strayFiles: [] } satisfies DocumentSource;
      documents.push(document);
      documents.sort((a, b) => (a.slug < b.slug ? -1 : 1));
    }
    if (name === DOCUMENT_META_FILE) {
      document.meta = parseYaml(file.text);
    } else {
      const version = versionSourceOf(join(document.dir, name), name, file.text);
      document.versions = [...document.versions.filter((existing) => existing.id !== version.id), version].sort((a, b) => (a.id < b.id ? -1 : 1));
    }
  }
  return { ...tree, documents };
}

const issueKey = (issue: ContentIssue) => `${issue.file}\u0000${issue.field ?? ''}\u0000${issue.message}`;

/**
 * Validation issues that writing `files` would add to the content. Placeholders are left out: the commands
 * list them themselves, and a new version's summary is deliberately left for the author to write.
 */
export function issuesIntroduced(
  tree: ContentTree,
  files: readonly PlannedFile[],
  placeholders: readonly string[],
  /** The issues of `tree` as it is, when the caller has validated it already. */
  issuesBefore: readonly ContentIssue[] = validateContent(tree, { placeholders, excludeDrafts: false }).issues,
): ContentIssue[] {
  const options = { placeholders, excludeDrafts: false };
  const before = new Set(issuesBefore.map(issueKey));
  return validateContent(treeWithFiles(tree, files), options).issues.filter(
    (issue) => !before.has(issueKey(issue)) && !issue.message.includes('placeholder'),
  );
}

/** The steps after writing a version: edit, lock (when the project has `npm run lock`), check and propose. */
export function nextStepsAfterWriting(file: string, first: string[], hasLockScript: boolean): string[] {
  return [
    ...first,
    // The lock records the text's hash, so it comes after the last edit; check then covers the lock too.
    ...(hasLockScript ? ['When the text is final, run `npm run lock` to record the version in the lock file.'] : []),
    'Run `npm run check` and fix what it reports.',
    `Commit ${file} and open a pull request, so that someone else reviews the text before it is published.`,
  ];
}
