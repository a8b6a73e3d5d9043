import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validContent, writeContent } from '../../support/content-fixtures.ts';
import { runScript, snapshot } from '../../support/run-script.ts';

describe('npm run new-document', () => {
  it('creates document.yaml and a draft first version, and says what to fill in', () => {
    const dir = writeContent(validContent());
    const run = runScript('new-document', ['acceptable-use', '--title', 'Acceptable Use Policy', '--notice-days', '14', '--description', 'What you may do with Tallyfield.'], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, 'acceptable-use/document.yaml'), 'utf8')).toBe(
      'title: Acceptable Use Policy\ndescription: What you may do with Tallyfield.\norder: 3\nnoticeDays: 14\ncontact: legal@tallyfield.example\n',
    );
    expect(readFileSync(join(dir, 'acceptable-use/2026-11-23.mdx'), 'utf8')).toMatch(/^---\neffective: 2026-11-23\npublished: 2026-11-23\nchange: initial\nsummary: First version of the Acceptable Use Policy.\ndraft: true\n---\n/);
    expect(run.stdout).toMatch(/Next:\n {2}1\. Write the text in .*acceptable-use\/2026-11-23.mdx: replace every \[INSERT \.\.\.\]/);
    expect(run.stdout).toMatch(/delete the line "draft: true"\. Until then the site leaves "acceptable-use" out \(npm run check warns that it has only drafts\)/);
  });

  // Four scripts in a row: slower than the unit default on a busy machine.
  it('npm run check warns of the unfinished draft without failing, and accepts the document once it is finished', { timeout: 30_000 }, () => {
    const dir = writeContent(validContent());
    expect(runScript('new-document', ['acceptable-use', '--title', 'Acceptable Use Policy'], dir).status).toBe(0);
    const unfinished = runScript('check', [], dir);
    expect(unfinished.status).toBe(0);
    expect(unfinished.stderr).toMatch(/^⚠ .*acceptable-use: the document has only drafts, so it is left out of the published site/);
    expect(unfinished.stdout).toMatch(/Content is valid: 2 documents/);
    const path = join(dir, 'acceptable-use/2026-11-23.mdx');
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace('draft: true\n', '').replace(/\[INSERT [^\]]*\]/g, 'the final wording'));
    expect(runScript('lock', [], dir).status).toBe(0);
    expect(runScript('check', [], dir)).toMatchObject({ status: 0, stderr: '' });
  });

  it.each([
    ['an invalid slug', ['Acceptable Use', '--title', 'X'], /not a valid document slug/],
    ['a reserved slug', ['api', '--title', 'API terms'], /"api" is reserved/],
    ['an existing document', ['alpha', '--title', 'Alpha'], /a document "alpha" already exists/],
    ['a missing title', ['acceptable-use'], /--title is required/],
    ['a notice period that is not a number', ['acceptable-use', '--title', 'X', '--notice-days', 'thirty'], /--notice-days must be a whole number/],
  ])('refuses %s, writing nothing', (_name, args, message) => {
    const dir = writeContent(validContent());
    const before = snapshot(dir);
    const run = runScript('new-document', args, dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(snapshot(dir)).toEqual(before);
  });
});
