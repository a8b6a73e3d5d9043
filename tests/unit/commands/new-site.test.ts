import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parseLock } from '../../../src/lib/content/lock.ts';
import { resolveSiteConfig, type SiteConfigInput } from '../../../src/lib/site/config.ts';
import { PROJECT_ROOT } from '../../support/build-site.ts';
import { validContent, writeContent } from '../../support/content-fixtures.ts';
import { runScript, snapshot } from '../../support/run-script.ts';

/** A copy of the example's redline.config.ts inside the project (its only import is a type), removed after the test. */
function exampleConfig(): string {
  mkdirSync(join(PROJECT_ROOT, '.test-builds'), { recursive: true });
  const dir = mkdtempSync(join(PROJECT_ROOT, '.test-builds', 'redline-config-'));
  onTestFinished(() => rmSync(dirname(join(dir, 'x')), { recursive: true, force: true }));
  copyFileSync(join(PROJECT_ROOT, 'redline.config.ts'), join(dir, 'redline.config.ts'));
  return join(dir, 'redline.config.ts');
}

describe('npm run new-site', { timeout: 60_000 }, () => {
  it('replaces the example with an empty site of the company: config rewritten, documents removed, an empty valid lock', async () => {
    const content = writeContent(validContent());
    const config = exampleConfig();
    const run = runScript('new-site', ['--company', "O'Brien & Daughters Ltd", '--site-url', 'https://legal.obrien.example', '--address', '1 Quay Street, Cork'], content, { REDLINE_CONFIG_FILE: config });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(content)).toEqual(['versions.lock.json']);
    const lock = parseLock(readFileSync(join(content, 'versions.lock.json'), 'utf8'));
    expect(lock.ok && Object.keys(lock.lock.versions)).toEqual([]);
    // The new config is TypeScript the site loads: import it and resolve it as a build does.
    const written = ((await import(pathToFileURL(config).href)) as { default: SiteConfigInput }).default;
    expect(resolveSiteConfig(written)).toMatchObject({
      company: "O'Brien & Daughters Ltd",
      siteName: "O'Brien & Daughters Legal",
      siteUrl: 'https://legal.obrien.example',
      contact: { email: 'legal@obrien.example', address: '1 Quay Street, Cork' },
    });
    expect(run.stdout).toContain('npm run import --');
    // npm run check then says what to do: the site needs a first document.
    expect(runScript('check', [], content).stderr).toContain('there are no documents');
  });

  it('refuses to wipe a site that is no longer the example, writing nothing', () => {
    const content = writeContent(validContent());
    const config = exampleConfig();
    expect(runScript('new-site', ['--company', 'Acme Ltd'], content, { REDLINE_CONFIG_FILE: config }).status).toBe(0);
    const again = writeContent(validContent());
    const before = snapshot(again);
    const configBefore = readFileSync(config, 'utf8');
    const run = runScript('new-site', ['--company', 'Other Ltd'], again, { REDLINE_CONFIG_FILE: config });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('redline.config.ts is already the site of Acme Ltd');
    expect(snapshot(again)).toEqual(before);
    expect(readFileSync(config, 'utf8')).toBe(configBefore);
    expect(existsSync(join(again, 'alpha'))).toBe(true);
  });

  it('refuses without --company', () => {
    const run = runScript('new-site', [], writeContent(validContent()), { REDLINE_CONFIG_FILE: exampleConfig() });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('missing: --company');
  });
});
