import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentTree } from '../../../src/lib/content/files.ts';
import { DEFAULT_PLACEHOLDERS } from '../../../src/lib/site/config.ts';
import { validateContent } from '../../../src/lib/content/validation.ts';
import { makeDocx } from '../../fixtures/import/make-docx.ts';
import { validContent, writeContent } from '../../support/content-fixtures.ts';
import { runScript, snapshot } from '../../support/run-script.ts';

const fixture = (name: string) => join(import.meta.dirname, '../../fixtures/import', name);

// Some tests run the import, then npm run lock and check: a process each, seconds apiece on a busy machine.
describe('npm run import', { timeout: 60_000 }, () => {
  it('imports the plain-text policy as a draft, listing its placeholders by line, and it validates', () => {
    const dir = writeContent(validContent());
    const run = runScript('import', [fixture('acceptable-use.txt'), '--document', 'acceptable-use', '--effective', '2026-12-01'], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const text = readFileSync(join(dir, 'acceptable-use/2026-12-01.mdx'), 'utf8');
    expect(text).toContain('change: initial\nsummary: First version of the Acceptable Use Policy.\ndraft: true\n---\n');
    expect(readFileSync(join(dir, 'acceptable-use/document.yaml'), 'utf8')).toContain('title: Acceptable Use Policy\n');
    const lines = text.split('\n');
    expect(run.stdout).toMatch(/Placeholders \(3\) — the version is marked draft: true until they are replaced:\n {2}line 10: \[INSERT DATE\]\n {2}line 42: TODO\n {2}line 46: \[LEGAL ENTITY NAME\]/);
    expect(lines[9]).toContain('[INSERT DATE]');
    expect(lines[41]).toContain('TODO');
    expect(lines[45]).toContain('[LEGAL ENTITY NAME]');
    // Validation finds nothing wrong, and warns that the document is left out while its only version is a draft.
    const tree = readContentTree(dir, dir);
    const { issues, warnings } = validateContent(tree, { placeholders: DEFAULT_PLACEHOLDERS, excludeDrafts: true });
    expect(issues).toEqual([]);
    expect(warnings.map((issue) => [issue.file, issue.field])).toEqual([['acceptable-use', 'versions']]);
  });

  // Three scripts in a row: slower than the unit default on a busy machine.
  it('imports HTML with its table, and lists what it dropped', { timeout: 30_000 }, () => {
    const dir = writeContent(validContent());
    const run = runScript('import', [fixture('cookie-notice.html'), '--document', 'cookies', '--effective', '2026-12-01', '--published', '2026-11-23'], dir);
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, 'cookies/2026-12-01.mdx'), 'utf8')).toContain('| Name | Purpose | Lifetime |\n| --- | --- | --- |');
    expect(run.stdout).toContain('Placeholders: none found.');
    expect(run.stdout).toMatch(/Could not convert as it was:\n {2}- dropped 1 <style> element\(s\)\n {2}- dropped 1 <script> element\(s\)\n {2}- dropped 1 <img> element\(s\)/);
    expect(runScript('lock', [], dir).status).toBe(0);
    expect(runScript('check', [], dir)).toMatchObject({ status: 0, stderr: '' });
  });

  it('imports a policy already in force into a new document as its history (imported: true), with its stated dates, and it locks and checks', () => {
    const dir = writeContent(validContent());
    const run = runScript('import', [join(import.meta.dirname, '../../fixtures/import/forms/pasted-web-page.txt'), '--document', 'privacy'], dir);
    expect(run.stderr).toBe('');
    const written = readFileSync(join(dir, 'privacy/2026-04-24.mdx'), 'utf8');
    expect(written).toMatch(/^---\neffective: 2026-04-24\npublished: 2026-04-24\nchange: initial\nsummary: First version of the Privacy Policy\.\nimported: true\n---\n\nNorthwind Analytics Ltd/);
    expect(run.stdout).toContain("took 'Security' as a heading (###) (a short line followed by a paragraph) (line 22)");
    expect(run.stdout).toMatch(/Converted with \d+ guess\(es\) to check/);
    expect(runScript('lock', [], dir).status).toBe(0);
    expect(runScript('check', [], dir)).toMatchObject({ status: 0, stderr: '' });
  });

  it('imports a Word document into an existing document as a material change', async () => {
    const dir = writeContent(validContent());
    const docx = join(mkdtempSync(join(tmpdir(), 'redline-docx-')), 'beta-terms.docx');
    writeFileSync(docx, await makeDocx([{ style: 'Heading1', text: 'Beta Terms' }, { style: 'Heading2', text: 'Scope' }, { text: 'These terms apply to every beta tester.' }]));
    const run = runScript('import', [docx, '--document', 'beta', '--effective', '2025-06-01', '--published', '2025-05-01', '--change', 'material', '--summary', 'Beta terms now cover every tester.'], dir);
    expect(run.stderr).toBe('');
    expect(readFileSync(join(dir, 'beta/2025-06-01.mdx'), 'utf8')).toBe(
      '---\neffective: 2025-06-01\npublished: 2025-05-01\nchange: material\nsummary: Beta terms now cover every tester.\n---\n\n## Scope\n\nThese terms apply to every beta tester.\n',
    );
  });

  it.each([
    ['an unknown file type', ['policy.pdf', '--document', 'x', '--effective', '2025-01-01'], /cannot tell how to read "policy.pdf"/],
    ['a missing --effective when the file states no date', [fixture('acceptable-use.txt'), '--document', 'x'], /the file states no effective or "last updated" date: pass --effective YYYY-MM-DD/],
    ['an existing version without --force', [fixture('acceptable-use.txt'), '--document', 'beta', '--effective', '2024-03-01', '--change', 'minor'], /already exists: .* --force/],
    ['an unknown kind of change', [fixture('acceptable-use.txt'), '--document', 'beta', '--effective', '2025-01-01', '--change', 'major'], /--change must be one of initial, material or minor/],
  ])('refuses %s, writing nothing', (_name, args, message) => {
    const dir = writeContent(validContent());
    const before = snapshot(dir);
    const run = runScript('import', args, dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(snapshot(dir)).toEqual(before);
  });
});
