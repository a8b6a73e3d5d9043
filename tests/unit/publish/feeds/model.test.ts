import { describe, expect, it } from 'vitest';
import type { ChangeCounts as DiffChangeCounts } from '../../../../src/lib/diff/model.ts';
import { buildChangeFeed, changeKindLabel, describeChangeCounts, entryTitle, type ChangeCounts } from '../../../../src/lib/publish/feeds/model.ts';
import { PUBLISHED_COUNT, legalDocument, sampleDocuments, site, version } from './fixtures.ts';

describe('buildChangeFeed (site-wide)', () => {
  const feed = buildChangeFeed({ documents: sampleDocuments(), site });

  it('has one entry per published version, drafts left out', () => {
    expect(feed.entries).toHaveLength(PUBLISHED_COUNT);
    const ids = feed.entries.map((entry) => `${entry.document.slug}/${entry.version}`);
    expect(ids).not.toContain('privacy/2027-06-01');
    expect(ids).not.toContain('terms/2025-06-01');
    expect(JSON.stringify(feed)).not.toContain('Secret draft');
    expect(JSON.stringify(feed)).not.toContain('Draft: never shown');
  });

  it('orders entries by announcement date, newest first', () => {
    expect(feed.entries.map((entry) => entry.published)).toEqual([
      '2026-12-01',
      '2026-02-20',
      '2025-11-15',
      '2025-01-20',
      '2025-01-15',
      '2025-01-10',
    ]);
  });

  it('uses the absolute version permalink, under the base path, as the permanent entry id', () => {
    const first = feed.entries.find((entry) => entry.document.slug === 'privacy' && entry.version === '2025-02-01');
    // Pinned literally: if this changes, every subscriber sees every entry again.
    expect(first?.id).toBe('https://example.com/legal/privacy/2025-02-01/');
    expect(first?.url).toBe(first?.id);
    for (const entry of feed.entries) expect(entry.id).toBe(`https://example.com/legal/${entry.document.slug}/${entry.version}/`);
  });

  it('links each change to the redline against the previous published version, skipping drafts', () => {
    const byKey = new Map(feed.entries.map((entry) => [`${entry.document.slug}/${entry.version}`, entry]));
    expect(byKey.get('privacy/2027-01-15')?.compareUrl).toBe('https://example.com/legal/privacy/compare/2026-03-01...2027-01-15/');
    expect(byKey.get('terms/2026-01-01')?.compareUrl).toBe('https://example.com/legal/terms/compare/2025-02-01...2026-01-01/');
    expect(byKey.get('terms/2026-01-01')?.previousVersion).toBe('2025-02-01');
    for (const key of ['privacy/2025-02-01', 'cookies/2025-02-01', 'terms/2025-02-01']) {
      expect(byKey.get(key)?.compareUrl).toBeUndefined();
      expect(byKey.get(key)?.previousVersion).toBeUndefined();
      expect(byKey.get(key)?.contentHtml).not.toContain('/compare/');
    }
  });

  it('carries source URL and sha256 of each version', () => {
    const entry = feed.entries[0];
    expect(entry?.sourceUrl).toBe('https://example.com/legal/privacy/2027-01-15.md');
    expect(entry?.sha256).toBe(sampleDocuments()[0]?.versions.find((v) => v.id === '2027-01-15')?.sha256);
  });

  it('is updated at the latest announcement or correction', () => {
    expect(feed.updated).toBe('2026-12-03');
    expect(feed.entries[0]?.updated).toBe('2026-12-03');
    expect(feed.entries[1]?.updated).toBe('2026-02-20');
  });

  it('has site-wide URLs under the base path', () => {
    expect(feed.homeUrl).toBe('https://example.com/legal/');
    expect(feed.id).toBe(feed.homeUrl);
    expect(feed.feedUrls).toEqual({
      rss: 'https://example.com/legal/feed.xml',
      atom: 'https://example.com/legal/atom.xml',
      json: 'https://example.com/legal/feed.json',
    });
  });

  it('escapes the summary in HTML content and keeps it verbatim in text', () => {
    const entry = feed.entries[0];
    expect(entry?.contentHtml).toContain('We now share &lt;b&gt;usage data&lt;/b&gt; with &quot;partners&quot; &amp; processors.');
    expect(entry?.contentHtml).not.toContain('<b>');
    expect(entry?.contentText).toContain('We now share <b>usage data</b> with "partners" & processors.');
    expect(entry?.contentText).toContain('45 days before it takes effect');
    expect(entry?.contentText).toContain('Corrected on 3 December 2026: Fixed a broken cross-reference.');
  });
});

describe('buildChangeFeed (one document)', () => {
  it('keeps only that document and points at its own feeds and history', () => {
    const feed = buildChangeFeed({ documents: sampleDocuments(), site, document: 'privacy' });
    expect(feed.entries.map((entry) => entry.version)).toEqual(['2027-01-15', '2026-03-01', '2025-02-01']);
    expect(feed.title).toBe('Privacy Policy (Example): changes');
    expect(feed.homeUrl).toBe('https://example.com/legal/privacy/history/');
    expect(feed.feedUrls.atom).toBe('https://example.com/legal/privacy/atom.xml');
  });

  it('handles a document with a single version: one entry, no compare link', () => {
    const feed = buildChangeFeed({ documents: sampleDocuments(), site, document: 'cookies' });
    expect(feed.entries).toHaveLength(1);
    expect(feed.entries[0]?.compareUrl).toBeUndefined();
    expect(feed.entries[0]?.title).toBe('Cookie Policy: first version, effective 1 February 2025');
  });

  it('throws on an unknown document', () => {
    expect(() => buildChangeFeed({ documents: sampleDocuments(), site, document: 'nope' })).toThrow(/no document "nope"/);
  });

  it('is empty, with a fixed date, when a document has only drafts', () => {
    const drafts = [legalDocument('faq', 'FAQ', [version('faq', { id: '2025-01-01', published: '2024-12-01', change: 'initial', draft: true })])];
    const feed = buildChangeFeed({ documents: drafts, site, document: 'faq' });
    expect(feed.entries).toEqual([]);
    expect(feed.updated).toBe('1970-01-01');
  });
});

describe('change counts', () => {
  const counts: ChangeCounts = { blocksAdded: 2, blocksRemoved: 1, blocksChanged: 3, blocksMoved: 1, wordsAdded: 120, wordsRemoved: 40 };

  it('are described in the content when given, and only for the versions they are given for', () => {
    const feed = buildChangeFeed({
      documents: sampleDocuments(),
      site,
      changeCounts: (document, v) => (document.slug === 'privacy' && v.id === '2027-01-15' ? counts : undefined),
    });
    const [withCounts, withoutCounts] = feed.entries;
    expect(withCounts?.changeCounts).toEqual(counts);
    expect(withCounts?.contentText).toContain('Passages: 2 added, 1 removed, 3 changed, 1 moved. Words: 120 added, 40 removed.');
    expect(withoutCounts?.changeCounts).toBeUndefined();
    expect(withoutCounts?.contentText).not.toContain('Passages:');
  });

  it("accept the diff engine's counts as they are (type-checked by tsc)", () => {
    const fromDiff: DiffChangeCounts = { blocksAdded: 1, blocksRemoved: 0, blocksChanged: 4, blocksMoved: 0, wordsAdded: 9, wordsRemoved: 8, wordsMoved: 0 };
    const feed = buildChangeFeed({ documents: sampleDocuments(), site, document: 'cookies', changeCounts: () => fromDiff });
    expect(feed.entries[0]?.contentText).toContain('Passages: 1 added, 0 removed, 4 changed, 0 moved. Words: 9 added, 8 removed.');
  });

  it('are described in plain words', () => {
    expect(describeChangeCounts(counts)).toBe('Passages: 2 added, 1 removed, 3 changed, 1 moved. Words: 120 added, 40 removed.');
  });
});

describe.each([
  { change: 'initial', effective: '2025-02-01', title: 'Privacy Policy: first version, effective 1 February 2025' },
  { change: 'material', effective: '2027-01-15', title: 'Privacy Policy: material change, effective 15 January 2027' },
  { change: 'minor', effective: '2026-03-01', title: 'Privacy Policy: minor change, effective 1 March 2026' },
] as const)('entry title for a $change change', ({ change, effective, title }) => {
  it('names the document, the kind of change and the effective date', () => {
    expect(entryTitle({ title: 'Privacy Policy' }, { change, effective })).toBe(title);
    expect(title).toContain(changeKindLabel(change));
  });
});
