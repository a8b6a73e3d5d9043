import { parseJsonFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { buildJsonFeed, type RedlineItemExtension } from '../../../../src/lib/publish/feeds/json-feed.ts';
import { buildChangeFeed } from '../../../../src/lib/publish/feeds/model.ts';
import { PUBLISHED_COUNT, sampleDocuments, site } from './fixtures.ts';

const documents = sampleDocuments();

interface RawItem {
  id: unknown;
  content_html?: unknown;
  content_text?: unknown;
  _redline: RedlineItemExtension;
}

describe.each([
  { name: 'site-wide', document: undefined, count: PUBLISHED_COUNT, self: 'https://example.com/legal/feed.json' },
  { name: 'per document', document: 'privacy', count: 3, self: 'https://example.com/legal/privacy/feed.json' },
  { name: 'single-version document', document: 'cookies', count: 1, self: 'https://example.com/legal/cookies/feed.json' },
])('JSON Feed 1.1 ($name)', ({ document, count, self }) => {
  const model = buildChangeFeed({ documents, site, document });
  const text = buildJsonFeed(model);
  const raw = JSON.parse(text) as { version: unknown; title: unknown; items: RawItem[] };
  const parsed = parseJsonFeed(raw);

  it('has the fields JSON Feed 1.1 requires (https://www.jsonfeed.org/version/1.1/)', () => {
    expect(raw.version).toBe('https://jsonfeed.org/version/1.1');
    expect(typeof raw.title).toBe('string');
    expect(Array.isArray(raw.items)).toBe(true);
    for (const item of raw.items) {
      expect(typeof item.id).toBe('string');
      expect(typeof item.content_html === 'string' || typeof item.content_text === 'string').toBe(true);
    }
  });

  it('parses, with feed_url pointing at itself', () => {
    expect(parsed.title).toBe(model.title);
    expect(parsed.feed_url).toBe(self);
    expect(parsed.home_page_url).toBe(model.homeUrl);
  });

  it('has one item per published version, matching the model field by field', () => {
    expect(parsed.items).toHaveLength(count);
    model.entries.forEach((entry, index) => {
      const item = parsed.items?.[index];
      expect(item?.id).toBe(entry.id);
      expect(item?.url).toBe(entry.url);
      expect(item?.title).toBe(entry.title);
      expect(item?.content_html).toBe(entry.contentHtml);
      expect(item?.content_text).toBe(entry.contentText);
      expect(item?.date_published).toBe(`${entry.published}T00:00:00Z`);
      expect(item?.date_modified).toBe(`${entry.updated}T00:00:00Z`);
    });
  });

  it('carries the _redline extension on every item (read with JSON.parse: feedsmith drops extensions)', () => {
    const versions = new Map(documents.flatMap((doc) => doc.versions.map((v) => [`${doc.slug}/${v.id}`, v])));
    for (const item of raw.items) {
      const ext = item._redline;
      const source = versions.get(`${ext.document}/${ext.version}`);
      expect(source?.draft).toBe(false);
      expect(ext.effective).toBe(source?.effective);
      expect(ext.announced).toBe(source?.published);
      expect(ext.change).toBe(source?.change);
      expect(ext.sha256).toBe(source?.sha256);
      expect(ext.about).toBe('https://example.com/legal/subscribe/');
      expect(item.id).toBe(`https://example.com/legal/${ext.document}/${ext.version}/`);
      if (ext.previous_version === null) expect(ext.compare_url).toBeNull();
      else expect(ext.compare_url).toBe(`https://example.com/legal/${ext.document}/compare/${ext.previous_version}...${ext.version}/`);
    }
  });
});

describe('JSON Feed _redline', () => {
  it('names previous version and compare URL for a change, and nulls for a first version', () => {
    const raw = JSON.parse(buildJsonFeed(buildChangeFeed({ documents, site, document: 'terms' }))) as { items: RawItem[] };
    expect(raw.items.map((item) => item._redline)).toEqual([
      {
        about: 'https://example.com/legal/subscribe/',
        document: 'terms',
        version: '2026-01-01',
        effective: '2026-01-01',
        announced: '2025-11-15',
        change: 'material',
        previous_version: '2025-02-01',
        compare_url: 'https://example.com/legal/terms/compare/2025-02-01...2026-01-01/',
        sha256: documents[2]?.versions[2]?.sha256,
        sha256_history: [{ sha256: documents[2]?.versions[2]?.sha256, date: '2025-11-15', reason: null }],
      },
      expect.objectContaining({ version: '2025-02-01', change: 'initial', previous_version: null, compare_url: null }),
    ]);
  });

  it('carries a correction: the corrected sha256 with its date and reason', () => {
    const raw = JSON.parse(buildJsonFeed(buildChangeFeed({ documents, site, document: 'privacy' }))) as { items: RawItem[] };
    const corrected = raw.items.find((item) => item._redline.version === '2027-01-15');
    expect(corrected?._redline.sha256_history).toEqual([{ sha256: corrected?._redline.sha256, date: '2026-12-03', reason: 'Fixed a broken cross-reference.' }]);
  });

  it('never mentions a draft', () => {
    const text = buildJsonFeed(buildChangeFeed({ documents, site }));
    expect(text).not.toContain('2027-06-01');
    expect(text).not.toContain('Draft: never shown');
  });
});
