import { describe, expect, it } from 'vitest';
import { farUnbuiltPair } from '../../../scripts/bench/picker.ts';
import { comparePairs, pairSlug } from '../../../src/lib/diff/compare-pairs.ts';

const versions = ['2020-01-01', '2020-02-01', '2020-03-01', '2020-04-01', '2020-05-01'].map((id) => ({ id, effective: id }));
const [a, , , d, e] = versions.map((version) => version.id);

describe('farUnbuiltPair', () => {
  it.each([
    // Built: each version against the one before it and against the version in force (compare-pairs.ts).
    ['the newest in force', versions, '2020-06-01', { from: a, to: d }],
    ['the newest announced, the one before in force', versions, '2020-04-15', { from: a, to: e }],
    ['none in force yet', versions, '2019-12-01', { from: a, to: e }],
    ['the versions in any order', [...versions].reverse(), '2020-06-01', { from: a, to: d }],
    ['every pair built (three versions)', versions.slice(0, 3), '2020-03-15', undefined],
  ])('%s', (_, input, date, expected) => {
    const pair = farUnbuiltPair(input, date);
    expect(pair && { from: pair.from.id, to: pair.to.id }).toEqual(expected);
  });

  it.each(['2019-12-01', '2020-02-15', '2020-03-15', '2020-06-01'])('never picks a pair the site builds as of %s', (date) => {
    const pair = farUnbuiltPair(versions, date);
    const built = comparePairs(versions, date).map(({ from, to }) => pairSlug(from, to));
    expect(pair).toBeDefined();
    expect(built).not.toContain(pairSlug(pair!.from, pair!.to));
  });
});
