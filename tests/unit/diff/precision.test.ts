// The redline's precision on realistic edits (issue 15): marked words against a plain word diff of the same
// pair. Aim: at most 1 marked word in 50 is unchanged text, and no change missed. The same measurement runs
// on a built site's real histories with `node scripts/redline-precision.ts`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { editPairs, EDITS, markedWords, measurePrecision } from '../../../scripts/bench/redline-precision.ts';
import { extractBlocks } from '../../../src/lib/diff/blocks.ts';
import { diffBlocks } from '../../../src/lib/diff/diff-blocks.ts';
import type { Block } from '../../../src/lib/diff/model.ts';
import { cases } from '../../fixtures/diff/cases.ts';

const fixture = (path: string): Block[] => extractBlocks(readFileSync(new URL(path, import.meta.url), 'utf8'));
// A privacy policy shaped like real ones (numbered headings in mixed styles, bold-led numbered items with a
// nested list, a callout, a five-column sub-processor table, definitions, links) and a saved web page.
const sources = {
  policy: fixture('../../fixtures/diff/policy.html'),
  savedPage: fixture('../../fixtures/import/forms/saved-web-page.html'),
};

describe('measurePrecision', () => {
  it('counts a plain word diff and the redline alike on a known pair', () => {
    const c = cases.find((x) => x.name === 'one sentence removed from a long paragraph');
    if (c === undefined) throw new Error('fixture missing');
    const result = measurePrecision([{ name: c.name, old: extractBlocks(c.old), new: extractBlocks(c.new) }]);
    expect(result).toMatchObject({ pairs: 1, marked: 20, plain: 20, overMarked: 0, missed: 0, unfaithful: [] });
  });

  it('counts over-marking: a whole-block replacement of a one-word edit marks every word', () => {
    const oldBlocks = extractBlocks('<p>We keep backups for ninety days before we delete them.</p>');
    const newBlocks = extractBlocks('<p>We keep backups for thirty days before we delete them.</p>');
    const model = diffBlocks(oldBlocks, newBlocks, { maxEditLength: 0 });
    expect(markedWords(model).marked).toBe(20);
    expect(measurePrecision([{ name: 'word', old: oldBlocks, new: newBlocks }]).overMarked).toBe(0);
  });

  it('makes every kind of edit on the policy fixture', () => {
    const made = new Set(editPairs('policy', sources.policy, 200, 1).flatMap((p) => p.name.split(': ')[1]?.split(', ') ?? []));
    expect([...made].sort()).toEqual(Object.keys(EDITS).sort());
  });
});

describe.each(Object.entries(sources))('redline precision on realistic edits of %s', (name, blocks) => {
  const pairs = editPairs(name, blocks, 120, name.length);
  const result = measurePrecision(pairs);

  it('misses no change and reads back both versions of every pair', () => {
    expect(result.pairs).toBeGreaterThan(100);
    expect(result.unfaithful).toEqual([]);
    expect(result.missed).toBe(0);
  });

  it('marks at most 1 unchanged word in 50', () => {
    expect(result.marked).toBeGreaterThan(1000);
    expect(result.ratio).toBeLessThanOrEqual(1 / 50);
  });
});
