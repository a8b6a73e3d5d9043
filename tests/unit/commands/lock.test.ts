import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validContent, versionFile, writeContent } from '../../support/content-fixtures.ts';
import { runScript } from '../../support/run-script.ts';

describe('npm run lock', () => {
  it('says the lock is up to date, and exits 0, when every published version is recorded', () => {
    const dir = writeContent(validContent());
    const run = runScript('lock', [], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/✓ .*versions\.lock\.json is up to date/);
  });

  it('records a new version and says to commit the lock', () => {
    const files = validContent();
    const dir = writeContent({ ...files, 'beta/2026-12-07.mdx': versionFile({ effective: '2026-12-07', published: '2026-11-23', change: 'material', summary: 'Changes the liability cap.' }, '## Scope\n\nThis document applies to every customer.\n') }, undefined, { lockFrom: files });
    const run = runScript('lock', [], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('+ recorded new version beta/2026-12-07 (first recorded 2026-11-23)');
    expect(JSON.parse(readFileSync(join(dir, 'versions.lock.json'), 'utf8')).versions['beta/2026-12-07']).toMatchObject({ recorded: '2026-11-23', imported: false });
    expect(run.stdout).toMatch(/Commit .*versions\.lock\.json together with the new version/);
    expect(run.stdout).not.toContain('up to date');
  });

  it('never says "up to date" when it refused a published text that changed without a correction', () => {
    const files = validContent();
    const edited = { ...files, 'beta/2024-03-01.mdx': (files['beta/2024-03-01.mdx'] ?? '').replace('applies to everyone', 'applies to no one') };
    const dir = writeContent(edited, undefined, { lockFrom: files });
    const lockBefore = readFileSync(join(dir, 'versions.lock.json'), 'utf8');
    const run = runScript('lock', [], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('up to date');
    expect(run.stderr).toContain('beta/2024-03-01');
    expect(run.stderr).toContain('These were NOT recorded');
    expect(readFileSync(join(dir, 'versions.lock.json'), 'utf8')).toBe(lockBefore);
  });
});
