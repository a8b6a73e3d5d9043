import { describe, expect, it } from 'vitest';
import { extractBlocks } from '../../../src/lib/diff/blocks.ts';
import { diffBlocks } from '../../../src/lib/diff/diff-blocks.ts';
import { summarizeChanges } from '../../../src/lib/diff/summary.ts';
import { cases } from '../../fixtures/diff/cases.ts';

const summary = (name: string) => {
  const c = cases.find((x) => x.name === name);
  if (c === undefined) throw new Error(`no fixture ${name}`);
  return summarizeChanges(diffBlocks(extractBlocks(c.old), extractBlocks(c.new)));
};

describe('summarizeChanges', () => {
  it.each([
    { name: 'a word edit', total: { blocksChanged: 1, wordsAdded: 1, wordsRemoved: 1 }, changes: 1 },
    { name: 'an added and a removed paragraph', total: { blocksAdded: 1, blocksRemoved: 1, wordsAdded: 8, wordsRemoved: 6 }, changes: 2 },
    { name: 'a moved section with edits inside', total: { blocksMoved: 3, wordsMoved: 19, wordsAdded: 1, wordsRemoved: 1 }, changes: 3 },
    { name: 'a table row added', total: { blocksAdded: 1, wordsAdded: 3 }, changes: 1 },
    { name: 'a cell changed', total: { blocksChanged: 1, wordsAdded: 1, wordsRemoved: 2 }, changes: 1 },
  ])('counts $name', ({ name, total, changes }) => {
    const s = summary(name);
    const zero = { blocksAdded: 0, blocksRemoved: 0, blocksChanged: 0, blocksMoved: 0, wordsAdded: 0, wordsRemoved: 0, wordsMoved: 0 };
    expect(s.total).toEqual({ ...zero, ...total });
    expect(s.changes).toBe(changes);
  });

  it('counts per section, in reading order', () => {
    const s = summary('an added and a removed paragraph');
    expect(s.sections.map((x) => [x.section, x.title, x.counts.blocksAdded, x.counts.blocksRemoved])).toEqual([
      ['intro', 'Introduction', 1, 0],
      ['retention', 'Retention', 0, 1],
    ]);
  });
});
