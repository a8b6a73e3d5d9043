import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { LOCK_FILE, readContentTree } from '../../src/lib/content/files.ts';
import { emptyLock, serializeLock, updateLock } from '../../src/lib/content/lock.ts';
import { DEFAULT_PLACEHOLDERS } from '../../src/lib/site/config.ts';
import { validateContent } from '../../src/lib/content/validation.ts';

/** A content folder as a map of relative path -> file text. */
export type ContentFiles = Record<string, string>;

/** Frontmatter + body of a version file. */
export function versionFile(frontmatter: Record<string, string | boolean>, body = '## Scope\n\nThis document applies to everyone.\n'): string {
  const lines = Object.entries(frontmatter).map(([key, value]) => `${key}: ${typeof value === 'string' && /[:#]/.test(value) ? JSON.stringify(value) : String(value)}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}`;
}

/** Metadata file of a document. */
export function documentFile(fields: Record<string, string | number>): string {
  return `${Object.entries(fields)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? JSON.stringify(value) : value}`)
    .join('\n')}\n`;
}

/**
 * A small valid content set with known answers: `alpha` has three versions (initial 2024-01-01,
 * minor 2024-06-01, material 2027-02-01 announced 2026-11-20 with 30 days' notice), `beta` has one.
 */
export function validContent(): ContentFiles {
  return {
    'alpha/document.yaml': documentFile({ title: 'Alpha Policy', description: 'The alpha policy.', order: 1, noticeDays: 30, contact: 'alpha@example.com' }),
    'alpha/2024-01-01.mdx': versionFile(
      { effective: '2024-01-01', published: '2023-12-01', change: 'initial', summary: 'First version of the alpha policy.' },
      '## Scope\n\nAlpha applies to all customers.\n\n## Retention\n\nWe keep data for two years.\n\nSee <DocLink doc="beta">the beta terms</DocLink>.\n',
    ),
    'alpha/2024-06-01.mdx': versionFile(
      { effective: '2024-06-01', published: '2024-06-01', change: 'minor', summary: 'Fixed a typo in the scope section.' },
      '## Scope\n\nAlpha applies to every customer.\n\n## Retention\n\nWe keep data for two years.\n\nSee <DocLink doc="beta">the beta terms</DocLink>.\n',
    ),
    'alpha/2027-02-01.mdx': versionFile(
      { effective: '2027-02-01', published: '2026-11-20', change: 'material', summary: 'Shortens retention from two years to one.' },
      '## Scope\n\nAlpha applies to every customer.\n\n## Retention\n\nWe keep data for one year.\n\nSee <DocLink doc="beta">the beta terms</DocLink>.\n',
    ),
    'beta/document.yaml': documentFile({ title: 'Beta Terms', description: 'The beta terms.', order: 2, noticeDays: 14, contact: 'beta@example.com' }),
    'beta/2024-03-01.mdx': versionFile({ effective: '2024-03-01', published: '2024-02-01', change: 'initial', summary: 'First version of the beta terms.' }),
  };
}

/**
 * Writes `files` into a new temporary folder and returns its path. Content that a real build reads must live
 * inside the project (Astro resolves content modules relative to the root), so build tests pass `TEST_BUILDS`.
 */
export function writeContent(files: ContentFiles, parent = tmpdir(), options: { lockFrom?: ContentFiles | false } = {}): string {
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, 'redline-content-'));
  const write = (target: string, entries: ContentFiles) => {
    for (const [path, text] of Object.entries(entries)) {
      mkdirSync(dirname(join(target, path)), { recursive: true });
      writeFileSync(join(target, path), text);
    }
  };
  write(dir, files);
  if (options.lockFrom !== false) {
    // The lock records the published versions of `lockFrom` (default: these files), as `npm run lock` would have.
    const lockDir = options.lockFrom ? mkdtempSync(join(tmpdir(), 'redline-lock-')) : dir;
    if (options.lockFrom) write(lockDir, options.lockFrom);
    const { documents } = validateContent(readContentTree(lockDir, lockDir), { placeholders: DEFAULT_PLACEHOLDERS, excludeDrafts: true });
    writeFileSync(join(dir, LOCK_FILE), serializeLock(updateLock(documents, emptyLock(), { today: '2026-11-23', recordedOn: (version) => version.published }).lock));
    if (lockDir !== dir) rmSync(lockDir, { recursive: true, force: true });
  }
  return dir;
}
