import { describe, expect, it } from 'vitest';
import { extractBlocks } from '../../../src/lib/diff/blocks.ts';
import { diffBlocks } from '../../../src/lib/diff/diff-blocks.ts';
import type { InlineOp } from '../../../src/lib/diff/model.ts';
import { renderOps, resolveOptions } from '../../../src/lib/diff/render-shared.ts';

describe('renderOps', () => {
  // The engine's memoised word diffs come frozen, and their HTML is memoised: it must be what the same ops,
  // not frozen, render to, for each side and hidden class, whatever was rendered before.
  const entry = diffBlocks(
    extractBlocks('<p>Backups are <strong>deleted</strong> after <a href="/a">ninety days</a>, &amp; never sold.</p>'),
    extractBlocks('<p>Backups are deleted after <a href="/b">thirty days</a> &lt;at most&gt;.</p>'),
  ).entries[0];
  if (entry?.type !== 'changed') throw new Error(`expected changed, got ${entry?.type}`);
  const frozen = entry.edit.ops;
  const copy = (ops: readonly InlineOp[]): InlineOp[] => ops.map((op) => ({ ...op, tokens: [...op.tokens], ...(op.old ? { old: [...op.old] } : {}) }));

  it('comes from a memoised (frozen) word diff', () => {
    expect(Object.isFrozen(frozen)).toBe(true);
  });

  it.each([
    ['both', 'visually-hidden'],
    ['old', 'visually-hidden'],
    ['new', 'visually-hidden'],
    ['both', 'sr-only'],
    ['old', 'sr-only'],
  ] as const)('renders the %s side with hidden class %s as the same ops not frozen do', (side, hiddenClass) => {
    const o = resolveOptions({ hiddenClass });
    const expected = renderOps(o, copy(frozen), side);
    expect(renderOps(o, frozen, side)).toBe(expected);
    expect(renderOps(o, frozen, side)).toBe(expected);
  });
});
