import { describe, expect, it } from 'vitest';
import { clauseTitle, createClauseSlugger } from '../../src/lib/heading-anchors.ts';
import { tableOfContents } from '../../src/lib/toc.ts';
import { rangeOnDate } from '../../src/lib/version-finder.ts';

describe.each([
  ['Your rights', 'Your rights'],
  ['4. Your rights', 'Your rights'],
  ['4.2 Retention', 'Retention'],
  ['Section 7 – Liability', 'Liability'],
  ['IV. Governing law', 'Governing law'],
  ['a) Cookies we use', 'Cookies we use'],
  ['2024 changes', '2024 changes'],
  ['Cookies', 'Cookies'],
])('clauseTitle(%j)', (heading, expected) => {
  it(`is ${expected}`, () => expect(clauseTitle(heading)).toBe(expected));
});

describe('createClauseSlugger', () => {
  it('gives a renumbered heading the same anchor', () => {
    expect(createClauseSlugger()('3. Data retention')).toBe(createClauseSlugger()('5. Data retention'));
  });
  it('keeps anchors unique within one document', () => {
    const slug = createClauseSlugger();
    expect([slug('Scope'), slug('Scope')]).toEqual(['scope', 'scope-1']);
  });
});

describe('tableOfContents', () => {
  const headings = [
    { depth: 2, slug: 'a', text: 'A§Link to the section “A”' },
    { depth: 3, slug: 'b', text: 'B' },
    { depth: 4, slug: 'c', text: 'C' },
  ];
  it('lists depth 2 and 3 without the anchor link text', () => {
    expect(tableOfContents(headings, 2)).toEqual([
      { depth: 2, slug: 'a', text: 'A' },
      { depth: 3, slug: 'b', text: 'B' },
    ]);
  });
  it('is empty for short documents', () => expect(tableOfContents(headings, 3)).toEqual([]));
});

describe('rangeOnDate', () => {
  const ranges = [
    { from: '2025-02-01', to: '', href: '/c' },
    { from: '2024-07-15', to: '2025-01-31', href: '/b' },
    { from: '2024-03-01', to: '2024-07-14', href: '/a' },
  ];
  it.each([
    ['2024-03-01', '/a'],
    ['2024-07-14', '/a'],
    ['2024-07-15', '/b'],
    ['2030-01-01', '/c'],
  ])('on %s finds %s', (date, href) => expect(rangeOnDate(ranges, date)?.href).toBe(href));
  it('finds nothing before the first version', () => expect(rangeOnDate(ranges, '2020-01-01')).toBeUndefined());
});
