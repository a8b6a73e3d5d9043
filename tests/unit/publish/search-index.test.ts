import { describe, expect, it } from 'vitest';
import {
  compareSearchInputs,
  searchOrderOf,
  indexedPageCount,
  pageUrlOfFile,
  pageUrlOfPath,
  reusesSearchPages,
  searchIndexAttributes,
  searchInputOf,
  searchPageQueue,
  searchPagesToReuse,
  withoutHeadingAnchors,
} from '../../../src/lib/publish/search-index.ts';

describe('searchIndexAttributes', () => {
  const attributes = searchIndexAttributes({
    documentSlug: 'privacy',
    documentTitle: 'Privacy, Cookies: and You',
    versionId: '2025-09-01',
    effective: '2025-09-01',
    effectiveLabel: '1 September 2025',
    status: 'in-force',
    published: '2025-08-01',
  });
  it('marks the page for indexing', () => expect(attributes['data-pagefind-body']).toBe(''));
  it('declares the document and status filters, read from data attributes', () => {
    expect(attributes['data-pagefind-filter']).toBe('document[data-search-document], status[data-search-status]');
    expect(attributes['data-search-document']).toBe('Privacy, Cookies: and You');
    expect(attributes['data-search-status']).toBe('in-force');
  });
  it('declares every metadata key a result reads, each from an attribute that holds its value', () => {
    const meta = Object.fromEntries(
      (attributes['data-pagefind-meta'] ?? '').split(', ').map((entry) => {
        const [, key = '', attribute = ''] = /^(\w+)\[([\w-]+)\]$/.exec(entry) ?? [];
        return [key, attributes[attribute]];
      }),
    );
    expect(meta).toEqual({
      document: 'Privacy, Cookies: and You',
      slug: 'privacy',
      version: '2025-09-01',
      effective: '2025-09-01',
      effective_label: '1 September 2025',
      status: 'in-force',
    });
  });
  it('sorts by effective date', () => expect(attributes['data-pagefind-sort']).toBe('effective[data-search-effective]'));
});

describe.each([
  [
    '<h2 id="your-rights">Your rights<a class="heading-anchor" href="#your-rights"><span aria-hidden="true">§</span><span class="visually-hidden">Link to the section “Your rights”</span></a></h2>',
    '<h2 id="your-rights">Your rights</h2>',
  ],
  ['<h3 id="a">A<a href="#a" class="x heading-anchor y">§</a></h3><p><a href="/b/">keep</a></p>', '<h3 id="a">A</h3><p><a href="/b/">keep</a></p>'],
  ['<a class="heading-anchors-list" href="#">keep</a>', '<a class="heading-anchors-list" href="#">keep</a>'],
])('withoutHeadingAnchors(%j)', (html, expected) => {
  it('drops heading-anchor links and keeps every other link', () => expect(withoutHeadingAnchors(html)).toBe(expected));
});

describe.each([
  ['privacy/2025-09-01/index.html', '/privacy/2025-09-01/'],
  ['index.html', '/'],
  ['404.html', '/404.html'],
  ['notices/privacy/2025-09-01.html', '/notices/privacy/2025-09-01.html'],
  ['privacy\\2025-09-01\\index.html', '/privacy/2025-09-01/'],
])('pageUrlOfFile(%j)', (file, expected) => {
  it(`is ${expected}`, () => expect(pageUrlOfFile(file)).toBe(expected));
});

describe('indexedPageCount', () => {
  it('sums pages over languages', () => {
    expect(indexedPageCount('{"version":"1.6.0","languages":{"en":{"page_count":13},"fr":{"page_count":2}}}')).toBe(15);
  });
  it('is 0 for an empty index', () => expect(indexedPageCount('{"version":"1.6.0","languages":{}}')).toBe(0));
});

describe('searchInputOf', () => {
  const page = (facts: string) =>
    '<!DOCTYPE html><html lang="en-GB"><head><title>Privacy</title></head><body><nav><a href="/">Home</a></nav><main>' +
    '<article class="legal-document" data-pagefind-body data-search-published="2025-08-01"><header><h1>Privacy</h1>' +
    `<div data-pagefind-ignore><dl><div><dt>Status</dt><dd>${facts}</dd></div></dl><div><p>Nested</p></div></div></header>` +
    '<div class="prose"><h2 id="scope">Scope<a class="heading-anchor" href="#scope"><span aria-hidden="true">§</span><span class="visually-hidden">Link</span></a></h2><div><p>Text</p></div></div>' +
    '<footer class="document-footer" data-pagefind-ignore><p>Questions</p></footer></article></main><footer>Site</footer></body></html>';

  it('keeps the language and the indexed element only, without what Pagefind ignores or the heading anchors', () => {
    expect(searchInputOf('/privacy/2025-09-01/', page('In force'))).toEqual({
      url: '/privacy/2025-09-01/',
      published: '2025-08-01',
      html:
        '<html lang="en-GB"><body><article class="legal-document" data-pagefind-body data-search-published="2025-08-01"><header><h1>Privacy</h1></header>' +
        '<div class="prose"><h2 id="scope">Scope</h2><div><p>Text</p></div></div></article></body></html>',
    });
  });

  it('gives the same input when only the ignored version facts change', () => {
    expect(searchInputOf('/p/', page('In force'))?.html).toBe(searchInputOf('/p/', page('No longer in force; replaced on 1 May'))?.html);
  });

  it('is undefined for a page without an indexed element', () => {
    expect(searchInputOf('/privacy/history/', '<html lang="en"><body><main><h1>History</h1></main></body></html>')).toBeUndefined();
  });
});

describe('search page order and reuse', () => {
  const pages = [
    { url: '/terms/2025-01-01/', published: '2024-12-01' },
    { url: '/privacy/2025-01-01/', published: '2024-12-01' },
    { url: '/privacy/2024-01-01/', published: '2023-12-01' },
  ];

  it('orders pages by announcement date, then URL', () => {
    expect([...pages].sort(compareSearchInputs).map((page) => page.url)).toEqual(['/privacy/2024-01-01/', '/privacy/2025-01-01/', '/terms/2025-01-01/']);
  });

  it('places a version by its page’s URL without the base path, as its built file gives it, and its announcement date', () => {
    const version = { document: 'privacy', id: '2025-01-01', published: '2024-12-01' };
    expect(searchOrderOf(version)).toEqual({ url: pageUrlOfFile('privacy/2025-01-01/index.html'), published: '2024-12-01' });
  });

  it('reuses the last build’s pages as far as they start this build’s order', () => {
    const previous = [...pages].sort(compareSearchInputs);
    // A version announced after all the others comes last: every earlier page can be reused.
    expect(searchPagesToReuse(previous, [...pages, { url: '/privacy/2026-01-01/', published: '2025-12-01' }])).toBe(3);
    // One announced before the last two: only the pages before it.
    expect(searchPagesToReuse(previous, [...pages, { url: '/cookies/2025-06-01/', published: '2024-06-01' }])).toBe(1);
    expect(searchPagesToReuse([], pages)).toBe(0);
    expect(searchPagesToReuse(previous, [])).toBe(0);
  });

  it('uses an early index only when what it was given is exactly how the index starts', () => {
    const added = [
      { url: '/a/', hash: '1' },
      { url: '/b/', hash: '2' },
    ];
    expect(reusesSearchPages(added, [...added, { url: '/c/', hash: '3' }])).toBe(true);
    expect(reusesSearchPages(added, added)).toBe(true);
    expect(reusesSearchPages([], added)).toBe(true);
    expect(reusesSearchPages(added, [{ url: '/a/', hash: '1' }, { url: '/b/', hash: 'changed' }])).toBe(false);
    expect(reusesSearchPages(added, [{ url: '/b/', hash: '2' }, { url: '/a/', hash: '1' }])).toBe(false);
    expect(reusesSearchPages(added, [{ url: '/a/', hash: '1' }])).toBe(false);
  });
});

describe('pageUrlOfPath', () => {
  it.each([
    ['/privacy/2025-01-01/', '/', '/privacy/2025-01-01/'],
    ['/privacy/2025-01-01', '/', '/privacy/2025-01-01/'],
    ['/legal/privacy/2025-01-01/', '/legal/', '/privacy/2025-01-01/'],
    ['/legal/privacy/2025-01-01', '/legal', '/privacy/2025-01-01/'],
    ['/legal/', '/legal/', '/'],
    ['/', '/', '/'],
  ])('%s under %s is %s, as pageUrlOfFile names its file', (pathname, base, url) => {
    expect(pageUrlOfPath(pathname, base)).toBe(url);
  });
});

describe('searchPageQueue', () => {
  const expected = [
    { url: '/terms/2025-01-01/', published: '2024-12-01' },
    { url: '/privacy/2025-01-01/', published: '2024-12-01' },
    { url: '/privacy/2024-01-01/', published: '2023-12-01' },
    { url: '/privacy/2026-01-01/', published: '2025-12-01' },
  ];
  const input = (url: string) => ({ url, published: expected.find((page) => page.url === url)?.published ?? '', html: `<p>${url}</p>` });
  // In the index's order: /privacy/2024-01-01/, /privacy/2025-01-01/, /terms/2025-01-01/, /privacy/2026-01-01/.
  it.each([
    ['in order', 0, ['/privacy/2024-01-01/', '/privacy/2025-01-01/', '/terms/2025-01-01/', '/privacy/2026-01-01/'], [['/privacy/2024-01-01/'], ['/privacy/2025-01-01/'], ['/terms/2025-01-01/'], ['/privacy/2026-01-01/']]],
    ['the first last', 0, ['/privacy/2026-01-01/', '/terms/2025-01-01/', '/privacy/2025-01-01/', '/privacy/2024-01-01/'], [[], [], [], ['/privacy/2024-01-01/', '/privacy/2025-01-01/', '/terms/2025-01-01/', '/privacy/2026-01-01/']]],
    ['mixed', 0, ['/privacy/2025-01-01/', '/privacy/2024-01-01/', '/privacy/2026-01-01/', '/terms/2025-01-01/'], [[], ['/privacy/2024-01-01/', '/privacy/2025-01-01/'], [], ['/terms/2025-01-01/', '/privacy/2026-01-01/']]],
    ['after two pages given from the last build', 2, ['/privacy/2026-01-01/', '/privacy/2024-01-01/', '/terms/2025-01-01/'], [[], [], ['/terms/2025-01-01/', '/privacy/2026-01-01/']]],
  ])('hands pages out in the index order (%s)', (_, start, arrivals, handed) => {
    const queue = searchPageQueue(expected, start);
    expect(arrivals.map((url) => queue.add(input(url)).map((page) => page.url))).toEqual(handed);
  });

  it('waits only for pages not yet given, and takes each once', () => {
    const queue = searchPageQueue(expected, 2);
    expect(queue.wants('/privacy/2024-01-01/')).toBe(false);
    expect(queue.wants('/terms/2025-01-01/')).toBe(true);
    expect(queue.wants('/privacy/compare/2024-01-01...2025-01-01/')).toBe(false);
    expect(queue.add(input('/terms/2025-01-01/')).map((page) => page.url)).toEqual(['/terms/2025-01-01/']);
    expect(queue.wants('/terms/2025-01-01/')).toBe(false);
    expect(queue.add(input('/terms/2025-01-01/'))).toEqual([]);
  });
});
