import { createPatch } from 'diff';
import { byDate } from './dates.ts';
import { sourceSha256 } from './files.ts';
import { correctionIssues } from './corrections.ts';
import type { ContentIssue, LegalDocument, Version, VersionText } from './types.ts';

/** One text a published version has had, as the lock records it. */
export type LockedText = VersionText;

/** What the lock knows about one published version. */
export interface LockEntry {
  sha256: string;
  effective: string;
  published: string;
  /** Corrections recorded in the version's frontmatter when it was locked. */
  corrections: number;
  /**
   * The day `npm run lock` first recorded the version: a witness that it did not exist in the lock before.
   * null for entries recorded before lockfileVersion 2, whose dates were never witnessed (docs/decisions/0005).
   */
  recorded: string | null;
  /** Brought in from the document's history before its first publication here: exempt from notice and witness rules. */
  imported: boolean;
  /** Every text the version has had, oldest first; the last one's sha256 is `sha256`. Empty when not known (v1 locks). */
  texts: LockedText[];
}

/** The lock file's content. Keys are `<document>/<version>`. */
export interface VersionLock {
  lockfileVersion: 2;
  versions: Record<string, LockEntry>;
}

/** An empty lock. */
export function emptyLock(): VersionLock {
  return { lockfileVersion: 2, versions: {} };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

// A version 1 entry ({ sha256, effective, published, corrections }) is read as a version 2 entry that was never
// witnessed (recorded: null) and whose earlier texts are unknown; `npm run lock` rewrites the file as version 2.
function readEntry(key: string, value: unknown): LockEntry | string {
  if (!isRecord(value)) return `${key} is not an object`;
  const { sha256, effective, published, corrections, recorded, imported, texts } = value;
  if (typeof sha256 !== 'string' || typeof effective !== 'string' || typeof published !== 'string') {
    return `${key} lacks sha256, effective or published`;
  }
  const count = typeof corrections === 'number' ? corrections : 0;
  const knownTexts = Array.isArray(texts)
    ? texts.filter((text): text is LockedText => isRecord(text) && typeof text['sha256'] === 'string' && typeof text['date'] === 'string')
    : count === 0
      ? [{ sha256, date: published }]
      : [];
  return {
    sha256,
    effective,
    published,
    corrections: count,
    recorded: typeof recorded === 'string' ? recorded : null,
    imported: imported === true,
    texts: knownTexts,
  };
}

/** Parses a lock file (lockfileVersion 1 or 2); returns the reason when it cannot. */
export function parseLock(text: string): { ok: true; lock: VersionLock } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `it is not valid JSON (${(error as Error).message})` };
  }
  if (!isRecord(value) || (value['lockfileVersion'] !== 1 && value['lockfileVersion'] !== 2) || !isRecord(value['versions'])) {
    return { ok: false, message: 'it is not a Redline lock file (expected lockfileVersion 1 or 2 and a versions object)' };
  }
  const versions: Record<string, LockEntry> = {};
  for (const [key, raw] of Object.entries(value['versions'])) {
    const entry = readEntry(key, raw);
    if (typeof entry === 'string') return { ok: false, message: `entry ${entry}` };
    versions[key] = entry;
  }
  return { ok: true, lock: { lockfileVersion: 2, versions } };
}

/** The lock as written to disk (always lockfileVersion 2): keys sorted, one entry per line group, so diffs in review are small. */
export function serializeLock(lock: VersionLock): string {
  const versions = Object.fromEntries(Object.entries(lock.versions).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify({ lockfileVersion: 2, versions }, null, 2)}\n`;
}

/** A version's key in the lock: `<document>/<version>`. */
export function lockKey(document: string, version: string): string {
  return `${document}/${version}`;
}

/** The lock's entries for the versions of `document`, with their keys. */
export function documentEntries(lock: VersionLock, document: string): [string, LockEntry][] {
  return Object.entries(lock.versions).filter(([key]) => key.startsWith(lockKey(document, '')));
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

/**
 * Every sha256 `version` has had, each with its date (and a correction's reason), oldest first: what the API
 * lists so that a consent record holding an earlier hash still resolves. Without texts recorded by the lock
 * (a version 1 lock), only the current sha256 is known.
 */
export function versionHashes(version: Pick<Version, 'sha256' | 'published' | 'corrections' | 'texts'>): VersionText[] {
  const texts = version.texts ?? [];
  if (texts.length > 0 && texts.at(-1)?.sha256 === version.sha256) return texts.map(({ patch: _patch, ...text }) => text);
  const latest = byDate(version.corrections).at(-1);
  return [{ sha256: version.sha256, date: latest?.date ?? version.published, ...(latest ? { reason: latest.reason } : {}) }];
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

/** Options of `updateLock`. */
export interface LockOptions {
  /** The day of the run, recorded as the day each new version was first recorded (the lock's witness). */
  today: string;
  /**
   * The day to record for a new version instead of `today`: only for tools that rebuild a lock for content
   * whose history is known otherwise (test fixtures, benchmark corpora), never for `npm run lock`.
   */
  recordedOn?: (version: Version) => string;
  /** The version's source file as it is now; needed to record a correction. */
  sourceOf?: (version: Version) => string | undefined;
  /** The source the version had when its text had `sha256` (e.g. read from git); needed to record a correction. */
  previousSourceOf?: (version: Version, sha256: string) => string | undefined;
}

/** What `updateLock` did: the new lock, the comparison it acted on, and the corrections it refused to record. */
export interface LockUpdate {
  lock: VersionLock;
  comparison: LockComparison;
  refused: ContentIssue[];
}

/**
 * The lock with new versions and corrected versions recorded: the function `npm run lock` and the history
 * importer record versions with. New versions get `recorded: today`. A correction is recorded only with the
 * patch from the text before it (so the page can show it as a redline and old sha256s stay verifiable) and
 * only if it changes no number, date, defined term or more than a few words. Silently changed or removed
 * versions are never recorded, so `npm run lock` cannot launder an edit.
 */
export function updateLock(documents: readonly LegalDocument[], lock: VersionLock, options: LockOptions): LockUpdate {
  const comparison = compareWithLock(documents, lock);
  const versions = { ...lock.versions };
  const refused: ContentIssue[] = [];
  const added = new Set(comparison.added);
  const corrected = new Set(comparison.corrected);
  for (const document of documents) {
    for (const version of document.versions) {
      const key = lockKey(document.slug, version.id);
      if (added.has(key)) {
        versions[key] = {
          sha256: version.sha256,
          effective: version.effective,
          published: version.published,
          corrections: version.corrections.length,
          recorded: options.recordedOn?.(version) ?? options.today,
          imported: version.imported,
          texts: [{ sha256: version.sha256, date: version.published }],
        };
      } else if (corrected.has(key)) {
        const entry = versions[key];
        if (!entry) continue;
        const result = recordCorrection(version, entry, options);
        if ('issues' in result) refused.push(...result.issues);
        else versions[key] = result.entry;
      }
    }
  }
  return { lock: { lockfileVersion: 2, versions }, comparison, refused };
}

function recordCorrection(version: Version, entry: LockEntry, options: LockOptions): { entry: LockEntry } | { issues: ContentIssue[] } {
  const after = options.sourceOf?.(version);
  const before = options.previousSourceOf?.(version, entry.sha256);
  if (after === undefined || before === undefined || sourceSha256(before) !== entry.sha256) {
    return {
      issues: [
        {
          file: version.sourcePath,
          field: 'corrections',
          message: `the text ${version.sourcePath} had before this correction (sha256 ${entry.sha256.slice(0, 12)}…) is not in git, so the correction cannot be shown or verified`,
          fix: 'commit the version as it was published before correcting it (git must hold the locked text), then run `npm run lock` again',
        },
      ],
    };
  }
  const issues = correctionIssues(before, after, version.sourcePath);
  if (issues.length > 0) return { issues };
  const corrections = byDate(version.corrections);
  const newest = corrections.at(-1);
  const known: LockedText[] = entry.texts.length > 0 ? entry.texts : [{ sha256: entry.sha256, date: corrections[entry.corrections - 1]?.date ?? entry.published }];
  return {
    entry: {
      ...entry,
      sha256: version.sha256,
      corrections: version.corrections.length,
      texts: [
        ...known,
        {
          sha256: version.sha256,
          date: newest?.date ?? entry.published,
          ...(newest ? { reason: newest.reason } : {}),
          patch: createPatch(version.sourcePath, before, after, '', '', { context: 2 }),
        },
      ],
    },
  };
}
