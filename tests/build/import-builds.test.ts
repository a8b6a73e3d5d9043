import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { readContentTree } from '../../src/lib/content/files.ts';
import { DEFAULT_PLACEHOLDERS } from '../../src/lib/site/config.ts';
import { validateContent } from '../../src/lib/content/validation.ts';
import { PROJECT_ROOT, readBuilt, runBuild, TEST_BUILDS } from '../support/build-site.ts';
import { LinkChecker } from 'linkinator';
import { documentFile, validContent, versionFile, writeContent } from '../support/content-fixtures.ts';
import { makeGitRepository } from '../support/git-history.ts';
import { serveStatic } from '../support/static-server.ts';
import { runScript } from '../support/run-script.ts';

describe('an imported plain-text policy', () => {
  it('validates and builds, with its recovered headings and table', () => {
    // Astro resolves content modules relative to the project, so the content lives under .test-builds/.
    const dir = writeContent(validContent(), TEST_BUILDS);
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const imported = runScript('import', [join(PROJECT_ROOT, 'tests/fixtures/import/acceptable-use.txt'), '--document', 'acceptable-use', '--effective', '2026-11-01', '--published', '2026-10-01'], dir);
    expect(imported.status, imported.stderr).toBe(0);
    // What the author does next: replace the placeholders the import listed and take the version out of draft.
    const path = join(dir, 'acceptable-use/2026-11-01.mdx');
    writeFileSync(
      path,
      readFileSync(path, 'utf8')
        .replace('draft: true\n', '')
        .replace('[INSERT DATE]', '1 November 2026')
        .replace('TODO: describe the appeal process.', 'You can appeal by replying to our notice.')
        .replace('[LEGAL ENTITY NAME]', 'Brightwave Ltd'),
    );
    expect(validateContent(readContentTree(dir, dir), { placeholders: DEFAULT_PLACEHOLDERS, excludeDrafts: true }).issues).toEqual([]);
    expect(runScript('lock', [], dir).status).toBe(0);

    const build = runBuild({ name: 'import', contentDir: dir });
    expect(build.status, build.output).toBe(0);
    const html = readBuilt(build.outDir, 'acceptable-use/2026-11-01/index.html');
    // The site's anchors leave section numbers out, so a clause keeps its anchor when sections are renumbered.
    expect(html).toMatch(/<h2 id="who-this-policy-applies-to">1\. Who this policy applies to/);
    expect(html).toMatch(/<h3 id="fair-use-limits">2\.1 Fair use limits/);
    expect(html).toMatch(/<h2 id="contact">Section 4: Contact/);
    expect(html).toMatch(/<th>Resource<\/th>\s*<th>Free plan<\/th>\s*<th>Business plan<\/th>/);
    expect(html).toMatch(/<td>API requests per minute<\/td>\s*<td>60<\/td>\s*<td>600<\/td>/);
    expect(html).toContain('Templates such as {name} are not evaluated.');
    expect(html).toContain('(age &lt; 13)');
    expect(html).toContain('<a href="mailto:abuse@brightwave.example">abuse@brightwave.example</a>');
  });
});

describe('an imported history', () => {
  it('builds under a base path with no broken link or fragment: renamed file, identical versions and root-relative links included', async () => {
    const history = join(PROJECT_ROOT, 'tests/fixtures/import/history');
    const text = (name: string) => readFileSync(join(history, name), 'utf8');
    const repo = makeGitRepository([
      { path: 'docs/terms.md', text: text('2022-01-10.md'), date: '2022-01-10', message: 'Publish the first terms of service' },
      { path: 'docs/terms.md', text: `${text('2022-06-01.md')}\n`, date: '2022-06-01', message: 'Add a blank line at the end' },
      { path: 'legal/terms-of-service.md', renamedFrom: 'docs/terms.md', text: text('2023-03-15.md'), date: '2023-03-15', message: 'Move the terms and fix a comma' },
      { path: 'legal/terms-of-service.md', text: text('2024-02-01.md'), date: '2024-02-01', message: 'Add data and privacy; raise the minimum age to 18' },
    ]);
    const dir = writeContent(
      {
        ...validContent(),
        'privacy/document.yaml': documentFile({ title: 'Privacy Policy', description: 'The privacy policy.', order: 3, noticeDays: 30, contact: 'privacy@example.com' }),
        'privacy/2024-01-01.mdx': versionFile(
          { effective: '2024-01-01', published: '2024-01-01', change: 'initial', summary: 'First version of the privacy policy.' },
          '## What we collect\n\nYour name.\n\n## Your rights\n\nYou may ask for a copy.\n',
        ),
      },
      TEST_BUILDS,
    );
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const imported = runScript('import', ['--git', repo, 'legal/terms-of-service.md', '--document', 'tos', '--base-url', 'https://pinecrest.example'], dir);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('3 version(s) from 4 text(s); 1 skipped:');

    const build = runBuild({ name: 'import-history', contentDir: dir, env: { BASE_PATH: '/legal/' } });
    expect(build.status, build.output).toBe(0);
    const site = await serveStatic(build.outDir, '/legal/');
    onTestFinished(() => site.close());
    const result = await new LinkChecker().check({
      path: `${site.url}tos/`,
      recurse: true,
      checkFragments: true,
      concurrency: 8,
      linksToSkip: async (link) => !link.startsWith(site.origin),
    });
    const broken = result.links.filter((link) => link.state === 'BROKEN').map((link) => `${link.status ?? ''} ${link.url} (from ${link.parent ?? '?'})`);
    expect(broken).toEqual([]);
    const crawled = result.links.map((link) => link.url);
    for (const path of ['tos/2022-01-10/', 'tos/2023-03-15/', 'tos/2024-02-01/', 'tos/history/', 'privacy/']) expect(crawled, path).toContain(`${site.url}${path}`);
    // The in-page links point at Redline's anchors, and the DocLink at the privacy policy's section, under the base path.
    const page = readBuilt(build.outDir, 'tos/2024-02-01/index.html');
    expect(page).toMatch(/<a href="#definitions">A\. Definitions<\/a>/);
    expect(page).toContain('href="/legal/privacy/#your-rights"');
    expect(page).toMatch(/<h2 id="definitions">A\. Definitions/);
  });
});
