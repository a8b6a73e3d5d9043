import { parseRssFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { buildChangeFeed } from '../../../../src/lib/publish/feeds/model.ts';
import { buildRssFeed } from '../../../../src/lib/publish/feeds/rss.ts';
import { PUBLISHED_COUNT, legalDocument, sampleDocuments, site, version } from './fixtures.ts';

const documents = sampleDocuments();

describe.each([
  { name: 'site-wide', document: undefined, count: PUBLISHED_COUNT, self: 'https://example.com/legal/feed.xml' },
  { name: 'per document', document: 'privacy', count: 3, self: 'https://example.com/legal/privacy/feed.xml' },
  { name: 'single-version document', document: 'cookies', count: 1, self: 'https://example.com/legal/cookies/feed.xml' },
])('RSS 2.0 feed ($name)', ({ document, count, self }) => {
  const model = buildChangeFeed({ documents, site, document });
  const xml = buildRssFeed(model);
  const parsed = parseRssFeed(xml);

  it('parses, with the channel fields RSS 2.0 requires', () => {
    expect(parsed.title).toBe(model.title);
    expect(parsed.link).toBe(model.homeUrl);
    expect(parsed.description).toBe(model.description);
    expect(parsed.language).toBe('en');
  });

  it('links to itself with atom:link rel="self"', () => {
    expect(parsed.atom?.links).toContainEqual(expect.objectContaining({ href: self, rel: 'self', type: 'application/rss+xml' }));
  });

  it('has one item per published version, matching the model field by field', () => {
    expect(parsed.items).toHaveLength(count);
    model.entries.forEach((entry, index) => {
      const item = parsed.items?.[index];
      expect(item?.title).toBe(entry.title);
      expect(item?.link).toBe(entry.url);
      expect(item?.guid).toEqual({ value: entry.id, isPermaLink: true });
      expect(item?.pubDate).toBe(new Date(`${entry.published}T00:00:00Z`).toUTCString());
      expect(item?.description).toBe(entry.contentHtml);
      expect(item?.categories).toEqual([{ name: entry.change }]);
    });
  });

  it('keeps every link under the base path and shows no draft', () => {
    for (const href of xml.matchAll(/https?:\/\/[^\s"<&]+/g)) expect(href[0]).toMatch(/^https:\/\/example\.com\/legal\/|^https:\/\/www\.rssboard\.org\/rss-specification$|^http:\/\/www\.w3\.org\/2005\/Atom$/);
    expect(xml).not.toContain('2027-06-01');
    expect(xml).not.toContain('2025-06-01');
  });
});

describe('RSS 2.0 escaping', () => {
  it('survives markup, CDATA terminators and control characters in a summary', () => {
    const nasty = 'A <b>bold</b> & "quoted" ]]> claim\u0001 here.';
    const documents = [legalDocument('x', 'X & Y', [version('x', { id: '2025-01-01', published: '2024-12-01', change: 'initial', summary: nasty })])];
    const model = buildChangeFeed({ documents, site });
    const parsed = parseRssFeed(buildRssFeed(model));
    expect(parsed.items?.[0]?.title).toBe('X & Y: first version, effective 1 January 2025');
    expect(parsed.items?.[0]?.description).toContain('A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; ]]&gt; claim here.');
  });

  it('pins the first privacy guid literally', () => {
    const xml = buildRssFeed(buildChangeFeed({ documents, site }));
    expect(xml).toContain('<guid isPermaLink="true">https://example.com/legal/privacy/2025-02-01/</guid>');
  });
});
