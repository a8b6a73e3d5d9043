import { describe, expect, it } from 'vitest';
import { comparePairs, isBuiltPair, pairSlug, parsePairSlug } from '../../../src/lib/diff/compare-pairs.ts';

const v = (id: string) => ({ id, effective: id.slice(0, 10) });
const ids = (pairs: ReturnType<typeof comparePairs<{ id: string; effective: string }>>) => pairs.map(({ from, to }) => pairSlug(from, to));

describe('comparePairs', () => {
  // The example privacy policy on 2026-11-23: four versions in force one after another, one upcoming.
  const privacy = [v('2025-09-01'), v('2024-03-01'), v('2027-01-15'), v('2024-07-15'), v('2025-02-01')];

  describe.each([
    {
      name: 'past, current and upcoming versions',
      versions: privacy,
      date: '2026-11-23',
      pairs: [
        '2024-03-01...2024-07-15',
        '2024-07-15...2025-02-01',
        '2024-03-01...2025-09-01',
        '2024-07-15...2025-09-01',
        '2025-02-01...2025-09-01',
        '2025-09-01...2027-01-15',
      ],
    },
    {
      name: 'the newest version in force (no upcoming)',
      versions: privacy,
      date: '2027-02-01',
      pairs: [
        '2024-03-01...2024-07-15',
        '2024-07-15...2025-02-01',
        '2025-02-01...2025-09-01',
        '2024-03-01...2027-01-15',
        '2024-07-15...2027-01-15',
        '2025-02-01...2027-01-15',
        '2025-09-01...2027-01-15',
      ],
    },
    {
      name: 'the first version in force, two upcoming',
      versions: [v('2024-01-01'), v('2027-01-01'), v('2027-06-01')],
      date: '2026-11-23',
      pairs: ['2024-01-01...2027-01-01', '2024-01-01...2027-06-01', '2027-01-01...2027-06-01'],
    },
    {
      name: 'nothing in force yet: previous versions only',
      versions: [v('2027-01-01'), v('2027-06-01')],
      date: '2026-11-23',
      pairs: ['2027-01-01...2027-06-01'],
    },
    { name: 'a single version', versions: [v('2024-03-01')], date: '2026-11-23', pairs: [] },
    {
      name: 'two versions on one day (suffix)',
      versions: [v('2025-03-01'), v('2025-03-01-b'), v('2024-01-01')],
      date: '2026-11-23',
      pairs: ['2024-01-01...2025-03-01', '2024-01-01...2025-03-01-b', '2025-03-01...2025-03-01-b'],
    },
  ])('$name', ({ versions, date, pairs }) => {
    it('builds each version against its previous and the current one, once each', () => {
      expect(ids(comparePairs(versions, date))).toEqual(pairs);
    });
  });

  it('stays linear: at most two pages per version', () => {
    const many = Array.from({ length: 200 }, (_, index) => v(`${2000 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`));
    const pairs = comparePairs(many, '2010-06-15');
    expect(pairs.length).toBeLessThanOrEqual(2 * many.length);
    expect(pairs.length).toBe(199 + 199 - 2);
    expect(new Set(ids(pairs)).size).toBe(pairs.length);
  });

  it('every older -> newer pair the version pages link to is built', () => {
    for (const [from, to] of [
      ['2025-02-01', '2025-09-01'], // what changed in this version
      ['2024-03-01', '2025-09-01'], // see what changed since this version
      ['2025-09-01', '2027-01-15'], // see what changes
    ] as const) {
      expect(isBuiltPair(privacy, '2026-11-23', from, to)).toBe(true);
    }
    expect(isBuiltPair(privacy, '2026-11-23', '2024-03-01', '2025-02-01')).toBe(false);
    expect(isBuiltPair(privacy, '2026-11-23', '2025-09-01', '2025-02-01')).toBe(false);
  });
});

describe('pairSlug / parsePairSlug', () => {
  it.each([
    ['2025-02-01...2025-09-01', { from: '2025-02-01', to: '2025-09-01' }],
    ['2025-03-01...2025-03-01-b', { from: '2025-03-01', to: '2025-03-01-b' }],
    ['2025-02-01..2025-09-01', undefined],
    ['2025-02-01', undefined],
    ['2025-02-01...2025-02-01', undefined],
  ])('%s', (slug, expected) => {
    expect(parsePairSlug(slug)).toEqual(expected);
    if (expected) expect(pairSlug({ id: expected.from }, { id: expected.to })).toBe(slug);
  });
});
