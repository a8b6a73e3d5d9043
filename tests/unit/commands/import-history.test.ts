import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeGitRepository } from '../../support/git-history.ts';
import { documentFile, validContent, versionFile, writeContent } from '../../support/content-fixtures.ts';
import { runScript, snapshot } from '../../support/run-script.ts';

const historyFolder = join(import.meta.dirname, '../../fixtures/import/history');
const fixtureText = (name: string) => readFileSync(join(historyFolder, name), 'utf8');
// The site the history arrives in already publishes a privacy policy, which the terms link to.
const site = () => ({
  ...validContent(),
  'privacy/document.yaml': documentFile({ title: 'Privacy Policy', description: 'The privacy policy.', order: 3, noticeDays: 30, contact: 'privacy@example.com' }),
  'privacy/2024-01-01.mdx': versionFile(
    { effective: '2024-01-01', published: '2024-01-01', change: 'initial', summary: 'First version of the privacy policy.' },
    '## What we collect\n\nYour name.\n\n## Your rights\n\nYou may ask for a copy.\n',
  ),
});

// Each test runs the import and then npm run check or lock, a process each: seconds apiece on a busy machine.
describe('npm run import -- <folder> --history', { timeout: 60_000 }, () => {
  it('imports every dated file as an imported version, skips identical ones, makes links work, locks them, and check passes', () => {
    const dir = writeContent(site());
    const run = runScript('import', [historyFolder, '--history', '--document', 'tos', '--base-url', 'https://pinecrest.example'], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(join(dir, 'tos')).sort()).toEqual(['2022-01-10.mdx', '2023-03-15.mdx', '2024-02-01.mdx', 'document.yaml']);
    expect(run.stdout).toContain('3 version(s) from 5 text(s); 2 skipped:\n  - skipped 2022-06-01.md: byte-identical to 2022-01-10.md\n  - skipped 2024-08-01.md: byte-identical to 2024-02-01.md');
    expect(run.stdout).toContain('Left out (not named YYYY-MM-DD.md, .html, .txt or .docx): notes.txt');
    expect(run.stdout).toMatch(/2023-03-15\.mdx from 2023-03-15\.md: minor \(guessed: only punctuation/);
    expect(run.stdout).toMatch(/2024-02-01\.mdx from 2024-02-01\.md: material \(guessed: \d+ word\(s\) changed/);
    expect(run.stdout).toContain('line 26: link text "AUTOTITLE"');
    expect(run.stdout).not.toContain('everything was converted');

    const first = readFileSync(join(dir, 'tos/2022-01-10.mdx'), 'utf8');
    expect(first).toMatch(/^---\neffective: 2022-01-10\npublished: 2022-01-10\nchange: initial\nsummary: First version of the Terms of Service, imported from its history\.\nimported: true\n---\n/);
    expect(first).not.toContain('Effective date:');
    expect(first).toContain('<DocLink doc="privacy">Privacy Policy</DocLink>');
    expect(first).toContain('[A. Definitions](#definitions)');
    expect(first).toContain('[pricing page](https://pinecrest.example/pricing)');
    expect(first).not.toMatch(/\]\(\//);
    const third = readFileSync(join(dir, 'tos/2024-02-01.mdx'), 'utf8');
    expect(third).toContain('<DocLink doc="privacy" section="your-rights">Privacy Policy</DocLink>');
    expect(third).toContain('sections changed: B. Your account, D. Data and privacy, E. Termination.');

    const lock = JSON.parse(readFileSync(join(dir, 'versions.lock.json'), 'utf8')) as { versions: Record<string, unknown> };
    expect(Object.keys(lock.versions).filter((key) => key.startsWith('tos/'))).toEqual(['tos/2022-01-10', 'tos/2023-03-15', 'tos/2024-02-01']);
    expect(runScript('check', [], dir)).toMatchObject({ status: 0, stderr: '' });
    // The lock the import wrote is the one npm run lock would write: nothing left to record.
    expect(runScript('lock', [], dir).stdout).toContain('is up to date');
  });

  it('takes the author\'s word on a kind of change over its guess', () => {
    const dir = writeContent(site());
    const run = runScript('import', [historyFolder, '--history', '--document', 'tos', '--base-url', 'https://pinecrest.example', '--change-of', '2023-03-15=material'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(dir, 'tos/2023-03-15.mdx'), 'utf8')).toContain('change: material\n');
    expect(run.stdout).toMatch(/2023-03-15\.mdx from 2023-03-15\.md: material\n/);
  });

  it('--dry-run prints the files and the report and writes nothing', () => {
    const dir = writeContent(site());
    const before = snapshot(dir);
    const run = runScript('import', [historyFolder, '--history', '--document', 'tos', '--base-url', 'https://pinecrest.example', '--dry-run'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/=== .*tos\/2022-01-10\.mdx ===\n---\neffective: 2022-01-10/);
    expect(snapshot(dir)).toEqual(before);
  });

  it.each([
    ['a document that already has versions', ['--document', 'alpha'], /"alpha" already has versions: a history is imported into a new document/],
    ['a --change-of date with no version', ['--document', 'tos', '--change-of', '2021-01-01=minor'], /--change-of 2021-01-01: there is no version of that date/],
    ['a malformed --change-of', ['--document', 'tos', '--change-of', 'soon'], /--change-of "soon": write it as YYYY-MM-DD=material/],
  ])('refuses %s, writing nothing', (_name, args, message) => {
    const dir = writeContent(site());
    const before = snapshot(dir);
    const run = runScript('import', [historyFolder, '--history', ...args], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('npm run import -- --git <repository> <path>', { timeout: 60_000 }, () => {
  it('follows the file through renames, dates each version by its commit, takes the summary from the commit, keeps the last text of a day', () => {
    const repo = makeGitRepository([
      { path: 'README.md', text: 'Legal texts.\n', date: '2021-12-01', message: 'Start the legal repository' },
      { path: 'docs/terms.md', text: fixtureText('2022-01-10.md'), date: '2022-01-10', message: 'Publish the first terms of service' },
      { path: 'docs/terms.md', text: `${fixtureText('2022-01-10.md')}\n\n`, date: '2022-06-01', message: 'Trailing blank lines' },
      { path: 'legal/terms-of-service.md', renamedFrom: 'docs/terms.md', text: fixtureText('2022-01-10.md'), date: '2022-09-01', message: 'Move the terms to legal/' },
      { path: 'legal/terms-of-service.md', text: fixtureText('2023-03-15.md').replace('in advance', 'in advnace'), date: '2023-03-15', message: 'Fix a comma in the payment terms' },
      { path: 'legal/terms-of-service.md', text: fixtureText('2023-03-15.md'), date: '2023-03-15', message: 'Fix a typo in the payment terms' },
      { path: 'legal/terms-of-service.md', text: fixtureText('2024-02-01.md'), date: '2024-02-01', message: 'Add data and privacy; raise the minimum age to 18' },
    ]);
    const dir = writeContent(site());
    const run = runScript('import', ['--git', repo, 'legal/terms-of-service.md', '--document', 'tos', '--base-url', 'https://pinecrest.example'], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(join(dir, 'tos')).sort()).toEqual(['2022-01-10.mdx', '2023-03-15.mdx', '2024-02-01.mdx', 'document.yaml']);
    expect(run.stdout).toMatch(/skipped [0-9a-f]{8} docs\/terms\.md: the same text as [0-9a-f]{8} docs\/terms\.md once converted/);
    // The rename commit: the file under its new name, the same bytes as the version kept before it.
    expect(run.stdout).toMatch(/skipped [0-9a-f]{8} legal\/terms-of-service\.md: byte-identical to [0-9a-f]{8} docs\/terms\.md/);
    expect(run.stdout).toMatch(/skipped [0-9a-f]{8} legal\/terms-of-service\.md: replaced the same day by [0-9a-f]{8} legal\/terms-of-service\.md/);
    expect(readFileSync(join(dir, 'tos/2022-01-10.mdx'), 'utf8')).toContain('summary: Publish the first terms of service\nimported: true\n');
    expect(readFileSync(join(dir, 'tos/2023-03-15.mdx'), 'utf8')).toContain('change: minor\nsummary: Fix a typo in the payment terms\n');
    expect(readFileSync(join(dir, 'tos/2023-03-15.mdx'), 'utf8')).toContain('We bill monthly, in advance.');
    expect(readFileSync(join(dir, 'tos/2024-02-01.mdx'), 'utf8')).toContain('change: material\nsummary: Add data and privacy; raise the minimum age to 18\n');
    expect(runScript('check', [], dir)).toMatchObject({ status: 0, stderr: '' });
  });

  it('refuses a path with no history, writing nothing', () => {
    const repo = makeGitRepository([{ path: 'a.md', text: 'A.\n', date: '2022-01-01', message: 'Add a' }]);
    const dir = writeContent(site());
    const before = snapshot(dir);
    const run = runScript('import', ['--git', repo, 'missing.md', '--document', 'tos'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('missing.md has no history in');
    expect(snapshot(dir)).toEqual(before);
  });
});
