import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, PROJECT_ROOT, readBuilt, runBuild, TEST_BUILDS } from '../support/build-site.ts';
import { validContent, writeContent } from '../support/content-fixtures.ts';

/** Version ids of the example content, read from the files themselves. */
function exampleVersions(): Array<{ document: string; version: string }> {
  const content = join(PROJECT_ROOT, 'content');
  return readdirSync(content)
    .filter((name) => existsSync(join(content, name, 'document.yaml')))
    .flatMap((document) =>
      readdirSync(join(content, document))
        .filter((file) => file.endsWith('.mdx'))
        .map((file) => ({ document, version: file.replace(/\.mdx$/, '') })),
    );
}

/** The text of the version-facts "Version" entry on a page, i.e. which version the page shows. */
function shownVersion(html: string): string | undefined {
  return /<dt>Version<\/dt><dd><a href="[^"]*">([^<]+)<\/a>/.exec(html)?.[1];
}

describe('the example site', () => {
  let outDir: string;
  beforeAll(() => {
    outDir = buildSite({ name: 'example' });
  });

  it('has a page for every version at its permalink', () => {
    const versions = exampleVersions();
    expect(versions.length).toBeGreaterThanOrEqual(13);
    for (const { document, version } of versions) {
      const html = readBuilt(outDir, `${document}/${version}/index.html`);
      expect(shownVersion(html), `${document}/${version}`).toBe(version);
      expect(html).toContain(`<link rel="canonical" href="https://legal.tallyfield.example/${document}/${version}/">`);
    }
  });

  it('has a history page listing every version newest first', () => {
    const html = readBuilt(outDir, 'privacy/history/index.html');
    const listed = [...html.matchAll(/id="v-([\d-]+)"/g)].map((match) => match[1]);
    expect(listed).toEqual(['2027-01-15', '2025-09-01', '2025-02-01', '2024-07-15', '2024-03-01']);
    expect(html).toContain('data-from="2024-07-15" data-to="2025-01-31"');
  });

  it('gives every heading a citable anchor, the same in every version that has it', () => {
    const old = readBuilt(outDir, 'privacy/2024-03-01/index.html');
    const latest = readBuilt(outDir, 'privacy/2027-01-15/index.html');
    for (const html of [old, latest]) {
      expect(html).toMatch(/<h2 id="your-rights">Your rights<a class="heading-anchor" href="#your-rights">/);
    }
  });

  it('the home page lists every document with its version in force and the announced change', () => {
    const html = readBuilt(outDir, 'index.html');
    for (const title of ['Privacy Policy', 'Terms of Service', 'Cookie Policy', 'Sub-processors']) expect(html).toContain(title);
    expect(html).toMatch(/Changing on <time datetime="2027-01-15">15 January 2027<\/time>/);
  });

  it('names the publisher once in the footer, with its address', () => {
    const footer = /<footer class="site-footer">[\s\S]*?<\/footer>/.exec(readBuilt(outDir, 'index.html'))?.[0] ?? '';
    expect(footer).toContain('Tallyfield Ltd, 12 Harbour Row, Bristol BS1 5TY, United Kingdom · <a href="mailto:legal@tallyfield.example">');
    expect(footer.match(/Tallyfield Ltd/g)).toHaveLength(1);
  });

  it('renders MDX components: callouts and links between documents', () => {
    const html = readBuilt(outDir, 'privacy/2025-09-01/index.html');
    expect(html).toMatch(/<aside class="callout callout--\w+"/);
    expect(html).toContain('href="/cookies/"');
  });
});

describe.each([
  { now: '2027-01-14', shows: '2025-09-01', banner: true },
  { now: '2027-01-15', shows: '2027-01-15', banner: false },
])('/privacy/ built on $now', ({ now, shows, banner }) => {
  let html: string;
  beforeAll(() => {
    html = readBuilt(buildSite({ name: `example-${now}`, env: { REDLINE_NOW: now } }), 'privacy/index.html');
  });
  it(`shows the version of ${shows}`, () => {
    expect(shownVersion(html)).toBe(shows);
  });
  it(banner ? 'announces the upcoming version with its date and links' : 'has no upcoming banner', () => {
    const announced = /An updated Privacy Policy takes effect on <time datetime="2027-01-15">/.test(html);
    expect(announced).toBe(banner);
    // Before the date the banner links to what changes; after it, the page links to what changed.
    expect(html).toContain('href="/privacy/compare/2025-09-01...2027-01-15/"');
  });
});

describe('drafts and failures', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('never publishes a draft', () => {
    const dir = writeContent({
      ...validContent(),
      'alpha/2027-06-01.mdx': '---\neffective: 2027-06-01\npublished: 2027-05-01\nchange: material\nsummary: Not ready yet, TODO.\ndraft: true\n---\n\n## Scope\n\nSECRET DRAFT TEXT\n',
    }, TEST_BUILDS);
    dirs.push(dir);
    const outDir = buildSite({ name: 'drafts', contentDir: dir });
    expect(existsSync(join(outDir, 'alpha/2027-06-01/index.html'))).toBe(false);
    expect(readBuilt(outDir, 'alpha/history/index.html')).not.toContain('2027-06-01');
    expect(existsSync(join(outDir, 'alpha/2027-02-01/index.html'))).toBe(true);
  });

  it('fails on a content mistake with file, field and fix, and writes no dist/', () => {
    const files = validContent();
    files['alpha/2024-06-01.mdx'] = files['alpha/2024-06-01.mdx']!.replace('published: 2024-06-01', 'published: 2024-06-09');
    const dir = writeContent(files, TEST_BUILDS);
    dirs.push(dir);
    const result = runBuild({ name: 'broken', contentDir: dir });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/alpha\/2024-06-01\.mdx:\d+ \[published\]/);
    expect(result.output).toContain('Fix:');
    expect(existsSync(result.outDir)).toBe(false);
  });
});
