import { describe, expect, it } from 'vitest';
import {
  anchorOf,
  bestSection,
  excerptParts,
  parseSearchQuery,
  rankHits,
  resultCountText,
  type SearchQuery,
  searchedStatuses,
  searchFilters,
  searchQueryString,
  searchTerms,
} from '../../../src/lib/publish/search.ts';

describe.each<[string, SearchQuery]>([
  ['', { text: '', documents: [], includePast: false }],
  ['?q=marketing+partners', { text: 'marketing partners', documents: [], includePast: false }],
  ['?q=%20cookies%20&past=1', { text: 'cookies', documents: [], includePast: true }],
  ['?q=data&doc=privacy&doc=terms', { text: 'data', documents: ['privacy', 'terms'], includePast: false }],
  ['?q=data&doc=privacy&doc=privacy&doc=', { text: 'data', documents: ['privacy'], includePast: false }],
  ['?q=data&past=0', { text: 'data', documents: [], includePast: false }],
  ['?q=data&past=', { text: 'data', documents: [], includePast: false }],
  ['?q=data&past=on', { text: 'data', documents: [], includePast: true }],
  ['?utm_source=x&q=data', { text: 'data', documents: [], includePast: false }],
])('parseSearchQuery(%j)', (search, expected) => {
  it('reads the search', () => expect(parseSearchQuery(search)).toEqual(expected));
  it('reads it the same from URLSearchParams', () => expect(parseSearchQuery(new URLSearchParams(search))).toEqual(expected));
});

describe.each<[SearchQuery, string]>([
  [{ text: '', documents: [], includePast: false }, ''],
  [{ text: 'marketing partners', documents: [], includePast: false }, '?q=marketing+partners'],
  [{ text: 'data', documents: ['privacy', 'terms'], includePast: true }, '?q=data&doc=privacy&doc=terms&past=1'],
  [{ text: 'a&b=c', documents: [], includePast: false }, '?q=a%26b%3Dc'],
])('searchQueryString(%j)', (query, expected) => {
  it(`is ${JSON.stringify(expected)}`, () => expect(searchQueryString(query)).toBe(expected));
  it('round-trips through parseSearchQuery', () => expect(parseSearchQuery(searchQueryString(query))).toEqual(query));
});

describe('searchedStatuses', () => {
  it('searches versions in force and upcoming ones by default', () => expect(searchedStatuses({ includePast: false })).toEqual(['in-force', 'upcoming']));
  it('adds past versions on request', () => expect(searchedStatuses({ includePast: true })).toEqual(['in-force', 'upcoming', 'past']));
});

describe('searchFilters', () => {
  const titles = new Map([
    ['privacy', 'Privacy Policy'],
    ['terms', 'Terms of Service'],
  ]);
  it.each([
    [[], 'in-force', { status: 'in-force' }],
    [['privacy'], 'past', { status: 'past', document: { any: ['Privacy Policy'] } }],
    [['privacy', 'terms'], 'upcoming', { status: 'upcoming', document: { any: ['Privacy Policy', 'Terms of Service'] } }],
    [['nonsense'], 'in-force', { status: 'in-force' }],
    [['nonsense', 'terms'], 'in-force', { status: 'in-force', document: { any: ['Terms of Service'] } }],
  ] as const)('documents %j, status %s', (documents, status, expected) => {
    expect(searchFilters({ documents: [...documents] }, status, titles)).toEqual(expected);
  });
});

describe('rankHits', () => {
  it('puts the version in force before an upcoming one that matches about as well', () => {
    const ranked = rankHits([
      { result: 'upcoming', status: 'upcoming', score: 1.05 },
      { result: 'in-force', status: 'in-force', score: 1 },
    ]);
    expect(ranked.map((hit) => hit.result)).toEqual(['in-force', 'upcoming']);
  });
  it('lets a clearly better match win over status', () => {
    const ranked = rankHits([
      { result: 'in-force', status: 'in-force', score: 1 },
      { result: 'past', status: 'past', score: 3 },
    ]);
    expect(ranked.map((hit) => hit.result)).toEqual(['past', 'in-force']);
  });
  it('orders equal weighted scores by status, then keeps the input order', () => {
    const ranked = rankHits([
      { result: 'past-a', status: 'past', score: 1 },
      { result: 'past-b', status: 'past', score: 1 },
      { result: 'in-force', status: 'in-force', score: 0.7 },
    ]);
    expect(ranked.map((hit) => hit.result)).toEqual(['in-force', 'past-a', 'past-b']);
  });
  it('returns nothing for nothing', () => expect(rankHits([])).toEqual([]));
});

describe.each([
  ['plain text', [{ text: 'plain text', marked: false }]],
  ['a <mark>match</mark> here', [{ text: 'a ', marked: false }, { text: 'match', marked: true }, { text: ' here', marked: false }]],
  ['<mark>one</mark> <mark>two</mark>', [{ text: 'one', marked: true }, { text: ' ', marked: false }, { text: 'two', marked: true }]],
  ['Fish &amp; chips &lt;b&gt;', [{ text: 'Fish & chips <b>', marked: false }]],
  ['x <em>y</em> <mark>z &quot;q&quot;</mark>', [{ text: 'x y ', marked: false }, { text: 'z "q"', marked: true }]],
  ['', []],
])('excerptParts(%j)', (excerpt, expected) => {
  it('splits it into plain and highlighted text', () => expect(excerptParts(excerpt)).toEqual(expected));
});

describe('searchTerms', () => {
  it.each([
    ["registered with the Information Commissioner's", ['registered', 'with', 'the', 'information', 'commissioners']],
    ['  Data   data, (DATA) ', ['data']],
    ['', []],
  ])('%j -> %j', (text, expected) => expect(searchTerms(text)).toEqual(expected));
});

describe('bestSection', () => {
  const section = (title: string, words: string[], strength: number) => ({ url: `/p/#${title}`, title, excerpt: '', words, strength });
  it('prefers the section covering the most search terms over stronger ones with prefix look-alikes', () => {
    // Real words Pagefind matched in two sections of the privacy policy for this query.
    const best = bestSection(
      [
        section('your-rights', ['the', 'Withdrawing', 'withdraw', 'these', 'within', 'with', 'Information', 'Commissioner’s'], 3500),
        section('who-we-are', ['registered', 'the', 'with', 'Information', 'Commissioner’s', 'registration'], 3000),
      ],
      'registered with the Information Commissioner',
    );
    expect(best?.title).toBe('who-we-are');
  });
  it('ignores case and punctuation', () => {
    expect(bestSection([section('a', ['Data', 'data,', '(data)'], 5), section('b', ['data', 'rights.'], 1)], 'Data rights')?.title).toBe('b');
  });
  it('then picks the strongest', () => expect(bestSection([section('a', ['x'], 1), section('b', ['x'], 3), section('c', ['x'], 2)], 'x')?.title).toBe('b'));
  it('then the earliest', () => expect(bestSection([section('a', ['x'], 2), section('b', ['x'], 2)], 'x')?.title).toBe('a'));
  it('is undefined without sections', () => expect(bestSection([], 'x')).toBeUndefined());
});

describe.each([
  ['/privacy/2025-09-01/#your-rights', 'your-rights'],
  ['/legal/privacy/2025-09-01/#caf%C3%A9', 'café'],
  ['/privacy/2025-09-01/', undefined],
  ['/privacy/2025-09-01/#', undefined],
])('anchorOf(%j)', (url, expected) => {
  it(`is ${String(expected)}`, () => expect(anchorOf(url)).toBe(expected));
});

describe.each([
  [0, 'No version matches “x”.'],
  [1, '1 version matches “x”.'],
  [4, '4 versions match “x”.'],
])('resultCountText(%i)', (count, expected) => {
  it(`is ${expected}`, () => expect(resultCountText(count, 'x')).toBe(expected));
});
