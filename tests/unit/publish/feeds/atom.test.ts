import { parseAtomFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { buildAtomFeed } from '../../../../src/lib/publish/feeds/atom.ts';
import { buildChangeFeed } from '../../../../src/lib/publish/feeds/model.ts';
import { PUBLISHED_COUNT, sampleDocuments, site } from './fixtures.ts';

const documents = sampleDocuments();

describe.each([
  { name: 'site-wide', document: undefined, count: PUBLISHED_COUNT, self: 'https://example.com/legal/atom.xml', updated: '2026-12-03T00:00:00Z' },
  { name: 'per document', document: 'terms', count: 2, self: 'https://example.com/legal/terms/atom.xml', updated: '2025-11-15T00:00:00Z' },
  { name: 'single-version document', document: 'cookies', count: 1, self: 'https://example.com/legal/cookies/atom.xml', updated: '2025-01-20T00:00:00Z' },
])('Atom 1.0 feed ($name)', ({ document, count, self, updated }) => {
  const model = buildChangeFeed({ documents, site, document });
  const xml = buildAtomFeed(model);
  const parsed = parseAtomFeed(xml);

  it('parses, with the feed elements RFC 4287 requires', () => {
    expect(parsed.id).toBe(model.id);
    expect(parsed.title).toEqual({ value: model.title, type: 'text' });
    expect(parsed.updated).toBe(updated);
    expect(parsed.authors).toEqual([{ name: 'Example Ltd', email: 'legal@example.com' }]);
  });

  it('links to itself (rel="self") and to its HTML page', () => {
    expect(parsed.links).toContainEqual({ href: self, rel: 'self', type: 'application/atom+xml' });
    expect(parsed.links).toContainEqual({ href: model.homeUrl, rel: 'alternate', type: 'text/html' });
  });

  it('has one entry per published version, matching the model field by field', () => {
    expect(parsed.entries).toHaveLength(count);
    model.entries.forEach((entry, index) => {
      const parsedEntry = parsed.entries?.[index];
      expect(parsedEntry?.id).toBe(entry.id);
      expect(parsedEntry?.title).toEqual({ value: entry.title, type: 'text' });
      expect(parsedEntry?.published).toBe(`${entry.published}T00:00:00Z`);
      expect(parsedEntry?.updated).toBe(`${entry.updated}T00:00:00Z`);
      expect(parsedEntry?.summary).toEqual({ value: entry.summary, type: 'text' });
      expect(parsedEntry?.content).toEqual({ value: entry.contentHtml, type: 'html' });
      expect(parsedEntry?.links?.[0]).toEqual({ href: entry.url, rel: 'alternate', type: 'text/html' });
      const related = parsedEntry?.links?.find((link) => link.rel === 'related');
      expect(related?.href).toBe(entry.compareUrl);
    });
  });

  it('keeps every link under the base path and shows no draft', () => {
    for (const href of xml.matchAll(/https?:\/\/[^\s"<&]+/g)) expect(href[0]).toMatch(/^https:\/\/example\.com\/legal\/|^http:\/\/www\.w3\.org\/2005\/Atom$/);
    expect(xml).not.toContain('2027-06-01');
    expect(xml).not.toContain('2025-06-01');
  });
});

describe('Atom entry ids', () => {
  it('are the version permalinks (pinned literally)', () => {
    const parsed = parseAtomFeed(buildAtomFeed(buildChangeFeed({ documents, site, document: 'privacy' })));
    expect(parsed.entries?.map((entry) => entry.id)).toEqual([
      'https://example.com/legal/privacy/2027-01-15/',
      'https://example.com/legal/privacy/2026-03-01/',
      'https://example.com/legal/privacy/2025-02-01/',
    ]);
  });

  it('single-version document has no related (compare) link', () => {
    const parsed = parseAtomFeed(buildAtomFeed(buildChangeFeed({ documents, site, document: 'cookies' })));
    expect(parsed.entries?.[0]?.links?.map((link) => link.rel)).toEqual(['alternate']);
  });
});
