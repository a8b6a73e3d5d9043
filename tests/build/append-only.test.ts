/**
 * Published history is append-only (docs/decisions/0005-witnessed-history.md): a site is published, a version
 * is added, the site is rebuilt, and no earlier version's text, dates or in-force start changed on any page,
 * feed or API file, and no file of the first build disappeared. A back-dated version is refused by the build.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, builtFiles, runBuild, TEST_BUILDS } from '../support/build-site.ts';
import { validContent, versionFile, writeContent } from '../support/content-fixtures.ts';

const EARLIER = ['alpha/2024-01-01', 'alpha/2024-06-01', 'alpha/2027-02-01', 'beta/2024-03-01'];
const ADDED = versionFile(
  { effective: '2026-12-07', published: '2026-11-23', change: 'material', summary: 'Extends the beta terms to resellers.' },
  '## Scope\n\nThis document applies to everyone, resellers included.\n\n## Resellers\n\nA reseller passes these terms on to its customers.\n',
);

// A new document with only a draft, added with the version: it must not stop the build, nor be published.
const GAMMA = {
  'gamma/document.yaml': 'title: Gamma Terms\ndescription: The gamma terms.\norder: 3\nnoticeDays: 14\ncontact: gamma@example.com\n',
  'gamma/2027-03-01.mdx': '---\neffective: 2027-03-01\npublished: 2027-02-01\nchange: initial\nsummary: First version of the gamma terms.\ndraft: true\n---\n\n## Scope\n\nThe gamma terms, still a draft.\n',
};

const dirs: string[] = [];
let before = '';
let after = '';
beforeAll(() => {
  const first = writeContent(validContent(), TEST_BUILDS);
  const second = writeContent({ ...validContent(), ...GAMMA, 'beta/2026-12-07.mdx': ADDED }, TEST_BUILDS);
  dirs.push(first, second);
  before = buildSite({ name: 'append-only-before', contentDir: first });
  after = buildSite({ name: 'append-only-after', contentDir: second });
});
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');
const json = (dir: string, path: string) => JSON.parse(read(dir, path));
const between = (html: string, start: RegExp, end: RegExp): string => {
  const from = html.search(start);
  expect(from, `${start} in the page`).toBeGreaterThanOrEqual(0);
  const rest = html.slice(from);
  return rest.slice(0, rest.search(end));
};

describe('adding a version changes nothing already published', () => {
  it('publishes the new version, and leaves out the document that has only a draft', () => {
    expect(builtFiles(after)).toContain('beta/2026-12-07/index.html');
    expect(builtFiles(after).filter((path) => path.includes('gamma'))).toEqual([]);
    expect(read(after, 'index.html')).not.toContain('Gamma Terms');
    expect(json(after, 'api/beta/versions.json').versions.map((version: { id: string }) => version.id)).toEqual(['2024-03-01', '2026-12-07']);
  });

  it('words the new, upcoming version in the history as taking effect, not as in force to today', () => {
    const row = between(read(after, 'beta/history/index.html'), /<li[^>]*id="v-2026-12-07"/, /<\/li>/);
    expect(row).toMatch(/<dt>Takes effect<\/dt><dd><time datetime="2026-12-07">7 December 2026<\/time>, in force until replaced<\/dd>/);
    expect(row).not.toContain('today');
  });

  it('keeps every file of the first build (no URL disappears)', () => {
    const stable = (path: string) => !path.startsWith('_astro/') && !path.startsWith('pagefind/');
    const afterFiles = new Set(builtFiles(after));
    expect(builtFiles(before).filter(stable).filter((path) => !afterFiles.has(path))).toEqual([]);
  });

  it.each(EARLIER)('keeps the text of %s: source, blocks and rendered text', (key) => {
    const [document = '', version = ''] = key.split('/');
    expect(read(after, `${key}.md`)).toBe(read(before, `${key}.md`));
    expect(read(after, `api/${document}/${version}.blocks.json`)).toBe(read(before, `api/${document}/${version}.blocks.json`));
    const prose = (dir: string) => between(read(dir, `${key}/index.html`), /<div class="prose">/, /<footer class="document-footer"/);
    expect(prose(before)).toMatch(/<h2[^>]*>.*Scope/);
    expect(prose(after)).toBe(prose(before));
  });

  it.each(EARLIER)('keeps the dates and in-force start of %s on its page and in the history', (key) => {
    const [document = ''] = key.split('/');
    const facts = (dir: string) => {
      const page = read(dir, `${key}/index.html`);
      const effective = /<dt>Effective<\/dt><dd><time datetime="([^"]+)"/.exec(page)?.[1];
      const announced = /<dt>Announced<\/dt><dd><time datetime="([^"]+)"/.exec(page)?.[1];
      const row = between(read(dir, `${document}/history/index.html`), new RegExp(`<li[^>]*id="v-${key.split('/')[1]}"`), /<\/li>/);
      return { effective, announced, inForceFrom: /data-from="([^"]+)"/.exec(row)?.[1], historyAnnounced: /<dt>Announced<\/dt><dd><time datetime="([^"]+)"/.exec(row)?.[1] };
    };
    expect(facts(before)).toMatchObject({ effective: key.split('/')[1], inForceFrom: key.split('/')[1], announced: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(facts(before).historyAnnounced).toBe(facts(before).announced);
    expect(facts(after)).toEqual(facts(before));
  });

  it.each(['alpha', 'beta'])('keeps every earlier version of %s in the API as it was, but the end of the one replaced', (document) => {
    type ApiVersion = { id: string; in_force_until: string | null; status: string };
    const earlier = (dir: string) =>
      json(dir, `api/${document}/versions.json`)
        .versions.filter((version: ApiVersion) => EARLIER.includes(`${document}/${version.id}`))
        .map(({ in_force_until: _until, status: _status, ...version }: ApiVersion) => version);
    expect(earlier(after)).toEqual(earlier(before));
    expect(earlier(before)).toHaveLength(document === 'alpha' ? 3 : 1);
  });

  it.each(['feed.json', 'alpha/feed.json', 'beta/feed.json'])('keeps every earlier entry of %s as it was', (path) => {
    type Item = { id: string };
    const items = (dir: string) => json(dir, path).items.filter((item: Item) => EARLIER.some((key) => item.id.endsWith(`/${key}/`)));
    expect(items(after)).toEqual(items(before));
    expect(items(before).length).toBeGreaterThan(0);
  });

  it.each([
    ['atom.xml', /<entry>[\s\S]*?<\/entry>/g],
    ['feed.xml', /<item>[\s\S]*?<\/item>/g],
    ['beta/atom.xml', /<entry>[\s\S]*?<\/entry>/g],
  ])('keeps every earlier entry of %s byte for byte', (path, entry) => {
    const earlier = (dir: string) => (read(dir, path).match(entry) ?? []).filter((block) => EARLIER.some((key) => block.includes(`/${key}/<`)));
    expect(earlier(after)).toEqual(earlier(before));
    expect(earlier(before).length).toBeGreaterThan(0);
  });
});

describe('a back-dated version', () => {
  it('is refused by the build, which says what to write instead', () => {
    const dir = writeContent(
      { ...validContent(), 'alpha/2025-06-01.mdx': versionFile({ effective: '2025-06-01', published: '2025-05-01', change: 'minor', summary: 'Clarifies the scope of the alpha policy.' }, '## Scope\n\nAlpha applies to every customer and reseller.\n') },
      TEST_BUILDS,
      { lockFrom: validContent() },
    );
    dirs.push(dir);
    const result = runBuild({ name: 'append-only-backdated', contentDir: dir });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/a new version takes effect on 2025-06-01, but a published version of alpha already takes effect on 2027-02-01/);
    expect(result.output).toMatch(/published says 2025-05-01, but this version did not exist before 2026-11-23/);
    expect(result.output).toMatch(/announce it today: published: 2026-11-23, effective: 2027-02-02 or later/);
  });
});
