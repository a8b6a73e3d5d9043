import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { readContentTree } from '../../src/lib/content-files.ts';
import { DEFAULT_PLACEHOLDERS } from '../../src/lib/site-config.ts';
import { validateContent } from '../../src/lib/validation.ts';
import { PROJECT_ROOT, readBuilt, runBuild, TEST_BUILDS } from '../support/build-site.ts';
import { validContent, writeContent } from '../support/content-fixtures.ts';
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
