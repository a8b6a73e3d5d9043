import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../src/lib/content/files.ts';
import { validContent, writeContent } from '../../support/content-fixtures.ts';
import { runScript, snapshot } from '../../support/run-script.ts';

describe('npm run new-version', () => {
  it('writes a copy of the latest version, announced today, effective after the notice period, and says what next', () => {
    const dir = writeContent(validContent());
    const run = runScript('new-version', ['beta', '--material'], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const text = readFileSync(join(dir, 'beta/2026-12-07.mdx'), 'utf8');
    expect(text.startsWith('---\neffective: 2026-12-07\npublished: 2026-11-23\nchange: material\nsummary: "TODO: say in a sentence what changed and why."\n---\n')).toBe(true);
    expect(splitFrontmatter(text).body).toBe(splitFrontmatter(validContent()['beta/2024-03-01.mdx'] ?? '').body);
    expect(run.stdout).toMatch(/Created .*beta\/2026-12-07.mdx/);
    expect(run.stdout).toMatch(/14 days' notice \(14 required\)/);
    expect(run.stdout).toMatch(/Next:\n {2}1\. Edit .*\n {2}2\. Replace the "TODO" summary.*\n {2}3\. .*npm run lock.*\n {2}4\. Run `npm run check`.*\n {2}5\. .*pull request/);
  });

  it('--today sets the date when REDLINE_NOW is not set', () => {
    const dir = writeContent(validContent());
    const run = runScript('new-version', ['beta', '--minor', '--today', '2026-12-24', '--summary', 'Corrected the postal address.'], dir, { REDLINE_NOW: '' });
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, 'beta/2026-12-24.mdx'), 'utf8')).toContain('effective: 2026-12-24\npublished: 2026-12-24\nchange: minor\nsummary: Corrected the postal address.\n');
  });

  // Four scripts in a row: slower than the unit default on a busy machine.
  it('leaves content that npm run lock and npm run check accept once the summary is written', { timeout: 30_000 }, () => {
    const dir = writeContent(validContent());
    expect(runScript('new-version', ['beta', '--minor', '--summary', 'Corrected the postal address.'], dir).status).toBe(0);
    // A copy of the latest text changes nothing: lock refuses it until the text is edited.
    const path = join(dir, 'beta/2026-11-23.mdx');
    expect(runScript('lock', [], dir)).toMatchObject({ status: 1, stderr: expect.stringMatching(/the text is the same as the version of 2024-03-01/) });
    writeFileSync(path, readFileSync(path, 'utf8').replace('applies to everyone.', 'applies to everyone, wherever they live.'));
    expect(runScript('lock', [], dir).status).toBe(0);
    const check = runScript('check', [], dir);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it.each([
    ['both --material and --minor', ['beta', '--material', '--minor'], /choose one of --material and --minor/],
    ['an unknown document', ['gamma'], /no document "gamma"/],
    ['a notice period broken', ['beta', '--material', '--effective', '2026-12-01'], /must take effect on or after 2026-12-07/],
    ['an effective date before the latest version', ['alpha', '--minor'], /--effective 2027-02-02 or later/],
    ['a date already taken', ['alpha', '--material', '--effective', '2027-02-01'], /already takes effect on 2027-02-01/],
    ['an unknown option', ['beta', '--major'], /Unknown option '--major'[\s\S]*usage: npm run new-version/],
    ['no document', [], /name the document/],
  ])('refuses %s, writing nothing', (_name, args, message) => {
    const dir = writeContent(validContent());
    const before = snapshot(dir);
    const run = runScript('new-version', args, dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^✖ Nothing was written:/);
    expect(run.stderr).toMatch(message);
    expect(snapshot(dir)).toEqual(before);
  });
});
