import type { ContentIssue } from './validation.ts';
import type { LegalDocument } from './types.ts';

/**
 * The lock file records every published version with the sha256 of its source, so a published text can never
 * change silently and a published version (and its URL) can never disappear. It lives in the content folder,
 * committed next to the text it protects. See docs/decisions/0002-version-lock.md.
 */
export const LOCK_FILE = 'versions.lock.json';

/** What the lock knows about one published version. */
export interface LockEntry {
  sha256: string;
  effective: string;
  published: string;
  /** Corrections recorded in the version's frontmatter when it was locked. */
  corrections: number;
}

/** The lock file's content. Keys are `<document>/<version>`. */
export interface VersionLock {
  lockfileVersion: 1;
  versions: Record<string, LockEntry>;
}

/** An empty lock. */
export function emptyLock(): VersionLock {
  return { lockfileVersion: 1, versions: {} };
}

/** Parses a lock file; returns the reason when it cannot. */
export function parseLock(text: string): { ok: true; lock: VersionLock } | { ok: false; message: string } {
  try {
    const value = JSON.parse(text) as Partial<VersionLock>;
    if (value.lockfileVersion !== 1 || typeof value.versions !== 'object' || value.versions === null) {
      return { ok: false, message: 'it is not a Redline lock file (expected lockfileVersion 1 and a versions object)' };
    }
    return { ok: true, lock: { lockfileVersion: 1, versions: value.versions } };
  } catch (error) {
    return { ok: false, message: `it is not valid JSON (${(error as Error).message})` };
  }
}

/** The lock as written to disk: keys sorted, one entry per line group, so diffs in review are small. */
export function serializeLock(lock: VersionLock): string {
  const versions = Object.fromEntries(Object.entries(lock.versions).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify({ lockfileVersion: 1, versions }, null, 2)}\n`;
}

function lockKey(document: string, version: string): string {
  return `${document}/${version}`;
}

/** Where each published version stands against the lock. */
export interface LockComparison {
  /** Published versions not in the lock yet. */
  added: string[];
  /** Locked versions whose text changed with a new correction recorded: accepted once locked again. */
  corrected: string[];
  /** Locked versions whose text changed without a new correction. */
  changed: string[];
  /** Locked versions that are no longer published. */
  removed: string[];
}

/** Compares the published versions (drafts excluded) with the lock. */
export function compareWithLock(documents: readonly LegalDocument[], lock: VersionLock): LockComparison {
  const result: LockComparison = { added: [], corrected: [], changed: [], removed: [] };
  const seen = new Set<string>();
  for (const document of documents) {
    for (const version of document.versions) {
      if (version.draft) continue;
      const key = lockKey(document.slug, version.id);
      seen.add(key);
      const entry = lock.versions[key];
      if (!entry) result.added.push(key);
      else if (entry.sha256 !== version.sha256) {
        (version.corrections.length > entry.corrections ? result.corrected : result.changed).push(key);
      }
    }
  }
  result.removed = Object.keys(lock.versions).filter((key) => !seen.has(key));
  return result;
}

/** Lock problems as content issues: what fails the build and `npm run check`. */
export function lockIssues(documents: readonly LegalDocument[], lock: VersionLock | undefined, lockPath: string, contentDir: string): ContentIssue[] {
  if (!lock) {
    return [
      {
        file: lockPath,
        field: 'lock file',
        message: 'there is no lock file recording the published versions',
        fix: 'run `npm run lock` and commit the file it writes',
      },
    ];
  }
  const comparison = compareWithLock(documents, lock);
  const file = (key: string) => `${contentDir}/${key}.mdx`;
  return [
    ...comparison.added.map((key) => ({
      file: file(key),
      field: 'lock file',
      message: `${key} is a new version that is not in ${lockPath} yet`,
      fix: 'run `npm run lock` to record it, and commit the lock file with the version',
    })),
    ...comparison.changed.map((key) => ({
      file: file(key),
      field: 'text',
      message: `${key} was published, and its text has changed since (sha256 differs from ${lockPath})`,
      fix: 'undo the edit and publish a new version instead (npm run new-version); if the published text truly had to be corrected, add an entry to `corrections:` with date and reason, then run `npm run lock`',
    })),
    ...comparison.corrected.map((key) => ({
      file: file(key),
      field: 'corrections',
      message: `${key} records a new correction that is not in ${lockPath} yet`,
      fix: 'run `npm run lock` to record the corrected text',
    })),
    ...comparison.removed.map((key) => ({
      file: file(key),
      field: 'file',
      message: `${key} was published and its file is gone (or it became a draft): its permanent URL would disappear`,
      fix: `restore ${file(key)} from git; a published version is never removed (publish a new version to replace it)`,
    })),
  ];
}

/**
 * The lock with new versions and corrected versions recorded. Silently changed or removed versions are
 * never recorded: they come back as `refused`, so `npm run lock` cannot launder an edit.
 */
export function updateLock(documents: readonly LegalDocument[], lock: VersionLock): { lock: VersionLock; comparison: LockComparison } {
  const comparison = compareWithLock(documents, lock);
  const versions = { ...lock.versions };
  const accept = new Set([...comparison.added, ...comparison.corrected]);
  for (const document of documents) {
    for (const version of document.versions) {
      const key = lockKey(document.slug, version.id);
      if (!accept.has(key)) continue;
      versions[key] = { sha256: version.sha256, effective: version.effective, published: version.published, corrections: version.corrections.length };
    }
  }
  return { lock: { lockfileVersion: 1, versions }, comparison };
}
