import { describe, expect, it } from 'vitest';
import { indexedPageCount, pageUrlOfFile, searchIndexAttributes, withoutHeadingAnchors } from '../../src/lib/search-index.ts';

describe('searchIndexAttributes', () => {
  const attributes = searchIndexAttributes({
    documentSlug: 'privacy',
    documentTitle: 'Privacy, Cookies: and You',
    versionId: '2025-09-01',
    effective: '2025-09-01',
    effectiveLabel: '1 September 2025',
    status: 'in-force',
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
