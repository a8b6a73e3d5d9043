import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type ContentTree, LOCK_FILE, readContentTree, type VersionSource } from './files.ts';
import { readGitWitness } from './git-witness.ts';
import { announcedOnly, historyIssues } from './history-rules.ts';
import { contentDirectory } from './location.ts';
import { lockIssues, parseLock, type VersionLock } from './lock.ts';
import type { ContentIssue, LegalDocument } from './types.ts';
import { validateContent } from './validation.ts';

/** Everything `npm run check` and the build know about the content. */
export interface ContentCheck {
  /** What the site publishes: in production, versions announced after `today` are left out. */
  documents: LegalDocument[];
  /** Every valid document with all its versions (drafts only outside production), scheduled ones included: what the lock records. */
  allDocuments: LegalDocument[];
  issues: ContentIssue[];
  /** What is left out of the site without failing it (a document with only drafts, an unavailable witness). */
  warnings: ContentIssue[];
  contentDir: string;
  lockPath: string;
  lock: VersionLock | undefined;
}

/** Options of a content check. */
export interface ContentCheckOptions {
  projectRoot: string;
  /** REDLINE_CONTENT_DIR, when set. */
  contentDirOverride: string | undefined;
  placeholders: readonly string[];
  /** Exact texts the placeholder patterns match that the site means literally. */
  placeholderAllow?: readonly string[] | undefined;
  /** Production: drafts are left out and the lock file and the history rules are enforced. */
  production: boolean;
  /** The date the check is for (the build date): versions announced after it are left out of the documents. */
  today: string;
  /** Read git history as a witness of when each version file first appeared (default true). */
  git?: boolean;
}

/** Reads and validates the content folder and its lock file: one pass shared by the build and the scripts. */
export function checkContent(options: ContentCheckOptions): ContentCheck {
  const contentDir = contentDirectory(options.projectRoot, options.contentDirOverride);
  const tree = readContentTree(contentDir, options.projectRoot);
  const { documents: validated, issues, warnings } = validateContent(tree, { placeholders: options.placeholders, placeholderAllow: options.placeholderAllow, excludeDrafts: options.production });
  const lockAbsolute = join(contentDir, LOCK_FILE);
  const lockPath = relative(options.projectRoot, lockAbsolute);
  let lock: VersionLock | undefined;
  let unreadable = false;
  if (existsSync(lockAbsolute)) {
    const parsed = parseLock(readFileSync(lockAbsolute, 'utf8'));
    if (parsed.ok) lock = parsed.lock;
    else {
      unreadable = true;
      issues.push({ file: lockPath, field: 'lock file', message: `cannot be read: ${parsed.message}`, fix: 'restore it from git, then run `npm run lock`' });
    }
  }
  // Drafts under `astro dev` are not published, so only production enforces the lock.
  if (options.production && !unreadable) {
    issues.push(...withoutEchoes(lockIssues(validated, lock, lockPath, relative(options.projectRoot, contentDir)), issues, tree, options.projectRoot));
    if (lock) {
      const sources = new Map<string, VersionSource>();
      for (const document of tree.documents) for (const version of document.versions) sources.set(`${document.slug}/${version.id}`, version);
      const git = options.git === false ? ({ available: false, reason: 'not read' } as const) : readGitWitness(options.projectRoot, contentDir);
      issues.push(...historyIssues({ documents: validated, sources, lock, today: options.today, git, lockPath }));
      if (!git.available && options.git !== false) {
        warnings.push({ file: lockPath, field: 'git history', message: `dates are witnessed by the lock only: ${git.reason}`, fix: 'build from a full clone of the repository (see docs/decisions/0005-witnessed-history.md)' });
      }
    }
  }
  // A version announced after the build date appears on its day, through the daily rebuild; the lock and the
  // history rules above still see it, so it cannot be changed in the meantime.
  const documents = options.production ? announcedOnly(validated, options.today) : validated;
  return { documents, allDocuments: validated, issues, warnings, contentDir, lockPath, lock };
}

/**
 * Lock issues that only echo a problem already reported: a version whose file is still there but could not be
 * validated (a bad document.yaml drops the whole document) would otherwise also be "gone", once per version.
 * A version that truly disappeared, or became a draft, has no other issue and is still reported.
 */
function withoutEchoes(lockProblems: ContentIssue[], issues: readonly ContentIssue[], tree: ContentTree, projectRoot: string): ContentIssue[] {
  const named = new Set(issues.map((issue) => issue.file));
  return lockProblems.filter((problem) => {
    if (problem.field !== 'file' || !existsSync(join(projectRoot, problem.file))) return true;
    const document = tree.documents.find((candidate) => problem.file.startsWith(`${candidate.dir}/`));
    return !(named.has(problem.file) || (document && (named.has(document.metaPath) || named.has(document.dir))));
  });
}
