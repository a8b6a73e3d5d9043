import { existsSync, rmSync } from 'node:fs';
import { relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyCase, BROKEN_CONTENT_CASES, type BrokenContentCase } from '../support/broken-content.ts';
import { PROJECT_ROOT, runBuild, TEST_BUILDS } from '../support/build-site.ts';
import { validContent, versionFile, writeContent } from '../support/content-fixtures.ts';

/** Cases only a real build (or the lock) can catch, on top of the validation table. */
const BUILD_ONLY_CASES: Array<BrokenContentCase & { lock?: 'none' | 'self' }> = [
  {
    name: 'MDX syntax error',
    change: {
      'alpha/2024-06-01.mdx': versionFile(
        { effective: '2024-06-01', published: '2024-06-01', change: 'minor', summary: 'Fixed a typo in the scope section.' },
        '## Scope\n\n<Callout type="note">\n\nAn unclosed callout.\n',
      ),
    },
    // Locked as it is, so that only Astro's MDX compiler can object.
    lock: 'self',
    file: 'alpha/2024-06-01.mdx',
    field: '',
    message: /Callout|closing tag|Expected/i,
  },
  {
    name: 'lock mismatch: a published version edited without a correction',
    change: { 'alpha/2024-01-01.mdx': validContent()['alpha/2024-01-01.mdx']!.replace('all customers', 'most customers') },
    file: 'alpha/2024-01-01.mdx',
    field: 'text',
    message: /was published, and its text has changed since/,
  },
  {
    name: 'lock mismatch: a published version deleted',
    change: { 'alpha/2024-06-01.mdx': null },
    file: 'alpha/2024-06-01.mdx',
    field: 'file',
    message: /its permanent URL would disappear/,
  },
  {
    name: 'a new version not yet in the lock',
    change: {
      'beta/2025-01-01.mdx': versionFile({ effective: '2025-01-01', published: '2024-11-01', change: 'material', summary: 'A new beta version.' }),
    },
    file: 'beta/2025-01-01.mdx',
    field: 'lock file',
    message: /not in .*versions.lock.json yet/,
  },
  {
    name: 'no lock file at all',
    change: {},
    lock: 'none',
    file: 'versions.lock.json',
    field: 'lock file',
    message: /no lock file/,
  },
];

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe.each([...BROKEN_CONTENT_CASES, ...BUILD_ONLY_CASES])('a build with $name', (testCase) => {
  it('fails, naming the file and the field, and writes no dist/', () => {
    const lock = 'lock' in testCase ? testCase.lock : undefined;
    const files = applyCase(testCase.change);
    const dir = writeContent(files, TEST_BUILDS, { lockFrom: lock === 'none' ? false : lock === 'self' ? files : validContent() });
    dirs.push(dir);
    const result = runBuild({ name: 'broken', contentDir: dir });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(`${relative(PROJECT_ROOT, dir)}/${testCase.file}`);
    if (testCase.field) expect(result.output).toContain(`[${testCase.field}]`);
    expect(result.output).toMatch(testCase.message);
    expect(existsSync(result.outDir)).toBe(false);
  });
});
