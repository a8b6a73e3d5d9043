import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import siteInput from '../../redline.config.ts';
import { readContentTree } from '../../src/lib/content/files.ts';
import { formatDate } from '../../src/lib/content/dates.ts';
import type { RedlineItemExtension } from '../../src/lib/publish/feeds/json-feed.ts';
import { resolveSiteConfig } from '../../src/lib/site/config.ts';
import type { LegalDocument, Version } from '../../src/lib/content/types.ts';
import { validateContent } from '../../src/lib/content/validation.ts';
import { type BuildOptions, buildSite, builtFiles, PROJECT_ROOT, TEST_BUILDS } from '../support/build-site.ts';
import { validContent, versionFile, writeContent } from '../support/content-fixtures.ts';
import { runScript } from '../support/run-script.ts';

// Expectations come from the content files themselves (read without Astro), not from the feed builders.

/** Published documents of a content folder, as `npm run check` reads them. */
function publishedContent(contentDir: string): LegalDocument[] {
  const { documents, issues } = validateContent(readContentTree(contentDir, PROJECT_ROOT), {
    placeholders: resolveSiteConfig(siteInput).placeholders,
    excludeDrafts: true,
  });
  expect(issues).toEqual([]);
  return documents;
}

const CHANGE_LABELS = { initial: 'first version', material: 'material change', minor: 'minor change' } as const;

/** One expected feed entry, derived from a version file. */
interface Expected {
  document: LegalDocument;
  version: Version;
  previous: Version | undefined;
  id: string;
  title: string;
  compareUrl: string | undefined;
}

/** Expected entries of a feed (site-wide when `slug` is undefined), newest announcement first. */
function expectedEntries(documents: readonly LegalDocument[], base: string, slug?: string): Expected[] {
  const entries = documents
    .filter((document) => slug === undefined || document.slug === slug)
    .flatMap((document) =>
      document.versions.map((version, index) => {
        const previous = index > 0 ? document.versions[index - 1] : undefined;
        return {
          document,
          version,
          previous,
          id: `${base}${document.slug}/${version.id}/`,
          title: `${document.title}: ${CHANGE_LABELS[version.change]}, effective ${formatDate(version.effective)}`,
          compareUrl: previous ? `${base}${document.slug}/compare/${previous.id}...${version.id}/` : undefined,
        };
      }),
    );
  const key = (entry: Expected) => [entry.version.published, entry.version.effective];
  return entries.sort((a, b) => {
    const [pa, ea] = key(a);
    const [pb, eb] = key(b);
    if (pa !== pb) return pa! > pb! ? -1 : 1;
    if (ea !== eb) return ea! > eb! ? -1 : 1;
    return a.document.slug.localeCompare(b.document.slug);
  });
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const feedPath = (file: string, slug?: string) => (slug ? `${slug}/${file}` : file);

interface RawJsonFeed {
  version: unknown;
  title: unknown;
  feed_url: unknown;
  home_page_url: unknown;
  items: Array<{ id: unknown; url: unknown; title: unknown; summary: unknown; content_html?: unknown; content_text?: unknown; date_published: unknown; _redline: RedlineItemExtension }>;
}

/** Runs `npm run notice` on the example content (the script itself, with the Node that runs the tests). */
const runNotice = (args: string[], env: Record<string, string>) => runScript('notice', args, join(PROJECT_ROOT, 'content'), env);

describe.each([
  {
    where: 'at the site root',
    options: { name: 'example' } satisfies BuildOptions,
    base: 'https://legal.tallyfield.example/',
    pinnedId: 'https://legal.tallyfield.example/privacy/2027-01-15/',
    env: {},
  },
  {
    where: 'under https://example.com/legal/',
    options: { name: 'example-example-com-legal', env: { BASE_PATH: '/legal/', SITE_URL: 'https://example.com' } } satisfies BuildOptions,
    base: 'https://example.com/legal/',
    pinnedId: 'https://example.com/legal/privacy/2027-01-15/',
    env: { BASE_PATH: '/legal/', SITE_URL: 'https://example.com' },
  },
])('feeds, API and notices of the example site $where', ({ options, base, pinnedId, env }) => {
  const documents = publishedContent(join(PROJECT_ROOT, 'content'));
  const scopes: Array<string | undefined> = [undefined, ...documents.map((document) => document.slug)];
  const feeds = scopes.map((slug) => ({ scope: slug ?? 'site-wide', slug }));
  let outDir: string;
  const read = (path: string) => readFileSync(join(outDir, path), 'utf8');

  beforeAll(() => {
    outDir = buildSite(options);
  });

  it('reads the example content it checks against (4 documents, 13 published versions)', () => {
    expect(documents.map((document) => document.slug)).toEqual(['privacy', 'terms', 'cookies', 'subprocessors']);
    expect(documents.reduce((sum, document) => sum + document.versions.length, 0)).toBe(13);
  });

  it.each(feeds)('RSS 2.0 ($scope): one item per published version, field by field, newest announcement first', ({ slug }) => {
    const parsed = parseRssFeed(read(feedPath('feed.xml', slug)));
    const expected = expectedEntries(documents, base, slug);
    expect(parsed.link).toBe(slug ? `${base}${slug}/history/` : base);
    expect(parsed.atom?.links).toContainEqual(expect.objectContaining({ rel: 'self', href: `${base}${feedPath('feed.xml', slug)}` }));
    expect(parsed.items?.map((item) => item.guid?.value)).toEqual(expected.map((entry) => entry.id));
    expected.forEach((entry, index) => {
      const item = parsed.items?.[index];
      expect(item?.guid).toEqual({ value: entry.id, isPermaLink: true });
      expect(item?.link).toBe(entry.id);
      expect(item?.title).toBe(entry.title);
      expect(item?.pubDate).toBe(new Date(`${entry.version.published}T00:00:00Z`).toUTCString());
      expect(item?.categories).toEqual([{ name: entry.version.change }]);
      if (entry.compareUrl) expect(item?.description).toContain(`href="${entry.compareUrl}"`);
      else expect(item?.description).not.toContain('/compare/');
    });
  });

  it.each(feeds)('Atom 1.0 ($scope): one entry per published version, field by field', ({ slug }) => {
    const parsed = parseAtomFeed(read(feedPath('atom.xml', slug)));
    const expected = expectedEntries(documents, base, slug);
    expect(parsed.links).toContainEqual({ rel: 'self', type: 'application/atom+xml', href: `${base}${feedPath('atom.xml', slug)}` });
    expect(parsed.updated).toBe(`${expected[0]?.version.published}T00:00:00Z`);
    expect(parsed.entries).toHaveLength(expected.length);
    expected.forEach((entry, index) => {
      const parsedEntry = parsed.entries?.[index];
      expect(parsedEntry?.id).toBe(entry.id);
      expect(parsedEntry?.title).toEqual({ value: entry.title, type: 'text' });
      expect(parsedEntry?.summary).toEqual({ value: entry.version.summary, type: 'text' });
      expect(parsedEntry?.published).toBe(`${entry.version.published}T00:00:00Z`);
      expect(parsedEntry?.links?.find((link) => link.rel === 'alternate')?.href).toBe(entry.id);
      expect(parsedEntry?.links?.find((link) => link.rel === 'related')?.href).toBe(entry.compareUrl);
    });
  });

  it.each(feeds)('JSON Feed 1.1 ($scope): required fields, items field by field, _redline with the served source sha256', ({ slug }) => {
    const text = read(feedPath('feed.json', slug));
    const raw = JSON.parse(text) as RawJsonFeed;
    const parsed = parseJsonFeed(raw);
    const expected = expectedEntries(documents, base, slug);
    // Required by https://www.jsonfeed.org/version/1.1/: version, title, items; each item an id and content_html or content_text.
    expect(raw.version).toBe('https://jsonfeed.org/version/1.1');
    expect(typeof raw.title).toBe('string');
    expect(raw.feed_url).toBe(`${base}${feedPath('feed.json', slug)}`);
    expect(parsed.home_page_url).toBe(slug ? `${base}${slug}/history/` : base);
    expect(raw.items).toHaveLength(expected.length);
    expected.forEach((entry, index) => {
      const item = raw.items[index]!;
      expect(item.id).toBe(entry.id);
      expect(typeof item.content_html === 'string' || typeof item.content_text === 'string').toBe(true);
      expect(item.url).toBe(entry.id);
      expect(item.title).toBe(entry.title);
      expect(item.summary).toBe(entry.version.summary);
      expect(item.content_text).toContain(entry.version.summary);
      expect(item.date_published).toBe(`${entry.version.published}T00:00:00Z`);
      const source = readFileSync(join(outDir, `${entry.document.slug}/${entry.version.id}.md`));
      expect(item._redline).toEqual({
        about: `${base}subscribe/`,
        document: entry.document.slug,
        version: entry.version.id,
        effective: entry.version.effective,
        announced: entry.version.published,
        change: entry.version.change,
        previous_version: entry.previous?.id ?? null,
        compare_url: entry.compareUrl ?? null,
        sha256: sha256(source),
        sha256_history: [{ sha256: sha256(source), date: entry.version.published, reason: null }],
      });
    });
  });

  it('pins the entry id of the announced privacy change literally, in every format and the calendar', () => {
    expect(read('feed.xml')).toContain(`<guid isPermaLink="true">${pinnedId}</guid>`);
    expect(read('privacy/atom.xml')).toContain(`<id>${pinnedId}</id>`);
    expect((JSON.parse(read('feed.json')) as RawJsonFeed).items[0]?.id).toBe(pinnedId);
    expect(read('calendar.ics')).toContain(`UID:${pinnedId}\r\n`);
  });

  it('the same entry reads the same in every format, with how much changed for every version but a first one', () => {
    const rss = parseRssFeed(read('feed.xml'));
    const atom = parseAtomFeed(read('atom.xml'));
    const json = JSON.parse(read('feed.json')) as RawJsonFeed;
    for (const [index, item] of json.items.entries()) {
      expect(rss.items?.[index]?.description).toBe(item.content_html);
      expect(atom.entries?.[index]?.content?.value).toBe(item.content_html);
      const counts = /Passages: \d+ added, \d+ removed, \d+ changed, \d+ moved\. Words: \d+ added, \d+ removed\./.exec(String(item.content_text));
      expect(counts !== null, String(item.id)).toBe(item._redline.previous_version !== null);
    }
    // The announced privacy change adds a whole section: the diff engine must see added words.
    const privacy = json.items.find((item) => item.id === pinnedId);
    expect(String(privacy?.content_text)).toMatch(/Words: [1-9]\d* added/);
  });

  it('serves every version source at /<document>/<version>.md byte for byte as committed', () => {
    for (const document of documents) {
      for (const version of document.versions) {
        const built = readFileSync(join(outDir, `${document.slug}/${version.id}.md`));
        expect(built.equals(readFileSync(join(PROJECT_ROOT, 'content', document.slug, `${version.id}.mdx`))), `${document.slug}/${version.id}`).toBe(true);
        expect(sha256(built)).toBe(version.sha256);
      }
    }
    const sources = builtFiles(outDir).filter((file) => file.endsWith('.md'));
    expect(sources).toHaveLength(13);
  });

  it('/api/documents.json lists every document with its URLs, the version in force and the announced one', () => {
    const api = JSON.parse(read('api/documents.json')) as {
      as_of: string;
      site: { url: string };
      documents: Array<{ slug: string; urls: Record<string, unknown>; in_force: { id: string; sha256: string; source_url: string } | null; upcoming: Array<{ id: string }> }>;
    };
    expect(api.as_of).toBe('2026-11-23');
    expect(api.site.url).toBe(base);
    expect(api.documents.map((document) => document.slug)).toEqual(documents.map((document) => document.slug));
    const privacy = api.documents[0]!;
    expect(privacy.in_force?.id).toBe('2025-09-01');
    expect(privacy.in_force?.source_url).toBe(`${base}privacy/2025-09-01.md`);
    expect(privacy.in_force?.sha256).toBe(sha256(readFileSync(join(outDir, 'privacy/2025-09-01.md'))));
    expect(privacy.upcoming.map((version) => version.id)).toEqual(['2027-01-15']);
    expect(privacy.urls).toEqual({
      page: `${base}privacy/`,
      history: `${base}privacy/history/`,
      versions_api: `${base}api/privacy/versions.json`,
      feeds: { rss: `${base}privacy/feed.xml`, atom: `${base}privacy/atom.xml`, json: `${base}privacy/feed.json` },
      calendar: `${base}privacy/calendar.ics`,
    });
    for (const document of api.documents.slice(1)) expect(document.upcoming).toEqual([]);
  });

  it.each(documents.map((document) => document.slug))('/api/%s/versions.json lists every published version with its dates, status, URLs and sha256', (slug) => {
    const document = documents.find((candidate) => candidate.slug === slug)!;
    const api = JSON.parse(read(`api/${slug}/versions.json`)) as {
      document: { slug: string };
      versions: Array<{ id: string; effective: string; published: string; change: string; status: string; previous_version: string | null; urls: { permalink: string; source: string; compare: string | null }; sha256: string }>;
    };
    expect(api.document.slug).toBe(slug);
    expect(api.versions.map((version) => version.id)).toEqual(document.versions.map((version) => version.id));
    api.versions.forEach((version, index) => {
      const source = document.versions[index]!;
      const previous = document.versions[index - 1];
      expect(version).toMatchObject({ effective: source.effective, published: source.published, change: source.change, previous_version: previous?.id ?? null });
      expect(version.status).toBe(source.effective > '2026-11-23' ? 'upcoming' : index === document.versions.filter((v) => v.effective <= '2026-11-23').length - 1 ? 'in-force' : 'past');
      expect(version.urls).toEqual({
        permalink: `${base}${slug}/${source.id}/`,
        source: `${base}${slug}/${source.id}.md`,
        compare: previous ? `${base}${slug}/compare/${previous.id}...${source.id}/` : null,
      });
      expect(version.sha256).toBe(sha256(readFileSync(join(outDir, `${slug}/${source.id}.md`))));
    });
  });

  it('writes a notice, text and HTML, for exactly the material changes', () => {
    const material = documents.flatMap((document) =>
      document.versions.filter((version) => version.change === 'material').map((version) => `${document.slug}/${version.id}`),
    );
    expect(material).toHaveLength(7);
    const notices = builtFiles(join(outDir, 'notices'));
    expect(notices).toEqual(material.flatMap((id) => [`${id}.html`, `${id}.txt`]).sort());
    for (const document of documents) {
      document.versions.forEach((version, index) => {
        if (version.change !== 'material') return;
        const previous = document.versions[index - 1]!;
        const permalink = `${base}${document.slug}/${version.id}/`;
        const compare = `${base}${document.slug}/compare/${previous.id}...${version.id}/`;
        const text = read(`notices/${document.slug}/${version.id}.txt`);
        expect(text.startsWith(`Subject: Tallyfield Legal: changes to our ${document.title}, effective ${formatDate(version.effective)}\n\n`)).toBe(true);
        expect(text).toContain(`The new version takes effect on ${formatDate(version.effective)}.`);
        expect(text).toContain(`Read the new version:\n${permalink}\n`);
        expect(text).toContain(`See every change, word by word:\n${compare}\n`);
        expect(text).toMatch(/How much changed: Passages: \d+ added/);
        const html = read(`notices/${document.slug}/${version.id}.html`);
        expect(html).toMatch(/^<!DOCTYPE html>/);
        expect(html).toContain(`<title>Tallyfield Legal: changes to our ${document.title}, effective ${formatDate(version.effective)}</title>`);
        expect(html).toContain(`<a href="${permalink}">Read the new version</a>`);
        expect(html).toContain(`<a href="${compare}">See every change, word by word</a>`);
      });
    }
  });

  it('npm run notice prints the notice the build wrote, without the change counts', () => {
    const text = runNotice(['privacy', '2027-01-15'], env);
    expect(text.status).toBe(0);
    const built = read('notices/privacy/2027-01-15.txt');
    expect(built.startsWith('Subject: Tallyfield Legal: changes to our Privacy Policy, effective 15 January 2027\n\n')).toBe(true);
    expect(text.stdout).toBe(built.replace(/How much changed: [^\n]*\n\n/, ''));
    expect(text.stderr).toContain('"how much changed" is left out');
    const html = runNotice(['privacy', '2027-01-15', '--html'], env);
    expect(html.stdout).toBe(read('notices/privacy/2027-01-15.html').replace(/<p>How much changed: [^\n]*<\/p>\n/, ''));
  });

  it('has a calendar with the upcoming privacy change, site-wide and for privacy only', () => {
    for (const path of ['calendar.ics', 'privacy/calendar.ics']) {
      const ics = read(path);
      expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
      expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
      expect(ics).toContain(`UID:${pinnedId}\r\nDTSTAMP:20261116T000000Z\r\nDTSTART;VALUE=DATE:20270115\r\n`);
    }
    // Nothing upcoming: the calendar holds the version in force, never no component at all (RFC 5545 §3.6).
    for (const slug of ['terms', 'cookies', 'subprocessors']) {
      const ics = read(`${slug}/calendar.ics`);
      expect(ics).toContain('BEGIN:VCALENDAR');
      const inForce = (JSON.parse(read('api/documents.json')) as { documents: Array<{ slug: string; in_force: { url: string } }> }).documents.find((document) => document.slug === slug)?.in_force.url;
      expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
      expect(ics).toContain(`UID:${inForce}\r\n`);
    }
  });

  it('keeps every absolute URL of the feeds, API, calendars and notices under the site URL, pointing at a built file', () => {
    // Blocks JSON (the compare picker's input) carries the documents' own links, which may point anywhere.
    const files = builtFiles(outDir).filter((file) => (/\.(xml|json|ics|txt)$/.test(file) && !file.endsWith('.blocks.json')) || file.startsWith('notices/'));
    expect(files.length).toBeGreaterThanOrEqual(40);
    const external = /^(https:\/\/www\.rssboard\.org\/rss-specification|http:\/\/www\.w3\.org\/2005\/Atom|https:\/\/jsonfeed\.org\/version\/1\.1)$/;
    for (const file of files) {
      // Calendar lines are folded at 75 octets (RFC 5545 §3.1): unfold before looking for URLs.
      const text = read(file).replace(/\r\n /g, '');
      for (const [url] of text.matchAll(/https?:\/\/[^\s"<>&\\]+/g)) {
        if (external.test(url)) continue;
        expect(url.startsWith(base), `${url} in ${file}`).toBe(true);
        // Compare pages belong to the diff issue; their URL shape is checked exactly above.
        if (url.includes('/compare/')) continue;
        const path = url.slice(base.length).replace(/#.*$/, '');
        expect(existsSync(join(outDir, path === '' || path.endsWith('/') ? `${path}index.html` : path)), `${url} in ${file}`).toBe(true);
      }
    }
  });

  it('has a Subscribe page with every feed and calendar URL to copy, and the API', () => {
    const html = read('subscribe/index.html');
    for (const slug of scopes) {
      for (const file of ['feed.xml', 'atom.xml', 'feed.json', 'calendar.ics']) expect(html).toContain(`value="${base}${feedPath(file, slug)}" readonly`);
    }
    expect(html).toContain(`value="${base}api/documents.json" readonly`);
    expect(html).toMatch(/<label for="feed-privacy-rss"[^>]*>Privacy Policy: RSS 2.0 feed<\/label>/);
  });
});

describe('feeds of a document with a single version, and drafts', () => {
  const base = 'https://legal.tallyfield.example/';
  const files = {
    ...validContent(),
    // A draft between two published versions: the next version must compare against the published one before it.
    'alpha/2025-03-17.mdx': versionFile(
      { effective: '2025-03-17', published: '2025-02-10', change: 'material', summary: 'Not ready yet, TODO.', draft: true },
      '## Scope\n\nSECRET DRAFT TEXT\n',
    ),
    // The single-version document has a draft too: it still has a single published version.
    'beta/2027-03-09.mdx': versionFile(
      { effective: '2027-03-09', published: '2026-11-01', change: 'material', summary: 'Draft beta change, TODO.', draft: true },
      '## Scope\n\nANOTHER SECRET DRAFT\n',
    ),
  };
  let contentDir: string;
  let outDir: string;
  const read = (path: string) => readFileSync(join(outDir, path), 'utf8');

  beforeAll(() => {
    contentDir = writeContent(files, TEST_BUILDS);
    outDir = buildSite({ name: 'feeds-single-and-drafts', contentDir });
  });
  afterAll(() => rmSync(contentDir, { recursive: true, force: true }));

  it('gives the single-version document one entry without a compare link or change counts, in every format', () => {
    const rss = parseRssFeed(read('beta/feed.xml'));
    expect(rss.items?.map((item) => item.guid?.value)).toEqual([`${base}beta/2024-03-01/`]);
    expect(rss.items?.[0]?.title).toBe('Beta Terms: first version, effective 1 March 2024');
    const atom = parseAtomFeed(read('beta/atom.xml'));
    expect(atom.entries).toHaveLength(1);
    expect(atom.entries?.[0]?.links?.filter((link) => link.rel === 'related')).toEqual([]);
    const json = JSON.parse(read('beta/feed.json')) as RawJsonFeed;
    expect(json.items).toHaveLength(1);
    expect(json.items[0]?._redline).toMatchObject({ version: '2024-03-01', previous_version: null, compare_url: null, change: 'initial' });
    expect(String(json.items[0]?.content_text)).not.toContain('Passages:');
    const versions = JSON.parse(read('api/beta/versions.json')) as { versions: Array<{ id: string; status: string; in_force_until: string | null }> };
    expect(versions.versions).toEqual([expect.objectContaining({ id: '2024-03-01', status: 'in-force', in_force_until: null })]);
    expect(read('beta/calendar.ics').match(/UID:[^\r]+/g)).toEqual([expect.stringMatching(/\/beta\/2024-03-01\/$/)]);
    expect(existsSync(join(outDir, 'notices/beta'))).toBe(false);
  });

  it('compares a version with the published version before it, skipping a draft in between', () => {
    const json = JSON.parse(read('alpha/feed.json')) as RawJsonFeed;
    expect(json.items.map((item) => item._redline.version)).toEqual(['2027-02-01', '2024-06-01', '2024-01-01']);
    expect(json.items[0]?._redline).toMatchObject({ previous_version: '2024-06-01', compare_url: `${base}alpha/compare/2024-06-01...2027-02-01/` });
    expect(builtFiles(join(outDir, 'notices'))).toEqual(['alpha/2027-02-01.html', 'alpha/2027-02-01.txt']);
    expect(read('alpha/calendar.ics')).toContain(`UID:${base}alpha/2027-02-01/\r\n`);
  });

  it('never shows a draft anywhere: feeds, API, notices, calendars, sources or pages', () => {
    const built = builtFiles(outDir);
    expect(built).toContain('feed.xml');
    expect(built).toContain('alpha/2024-06-01.md');
    for (const file of built) {
      expect(file, file).not.toMatch(/2025-03-17|2027-03-09/);
      const text = readFileSync(join(outDir, file), 'utf8');
      for (const secret of ['2025-03-17', '2027-03-09', 'SECRET DRAFT', 'Not ready yet', 'Draft beta change']) {
        expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
      }
    }
  });
});
