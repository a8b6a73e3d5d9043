// Property tests: for random documents and random edits, each side of the change model reads back
// exactly that version's text, and moved-from/moved-to entries come in linked pairs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeInline } from '../../../src/lib/diff/blocks.ts';
import { diffBlocks } from '../../../src/lib/diff/diff-blocks.ts';
import type { Block, InlineRun } from '../../../src/lib/diff/model.ts';
import { blocksText, newSideText, oldSideText } from '../../../src/lib/diff/sides.ts';

const WORDS = ['data', 'we', 'you', 'account', 'keep', 'delete', 'days', 'policy', 'rights', 'may', '個人', '情報', 'données', 'ninety', 'thirty'];
const MARKS = [[], [], [], ['strong'], ['em'], ['a:/x'], ['a:/y']];

const runArb = fc.record({
  text: fc.array(fc.constantFrom(...WORDS, ',', '.', ' '), { minLength: 1, maxLength: 6 }).map((w) => w.join(' ')),
  marks: fc.constantFrom(...MARKS),
});
const cellArb = fc.record({ header: fc.boolean(), inline: fc.array(runArb, { minLength: 1, maxLength: 2 }) });
const blockArb = fc.oneof(
  fc.record({ kind: fc.constantFrom('paragraph', 'list-item', 'heading'), inline: fc.array(runArb, { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('table-row'), cells: fc.array(cellArb, { minLength: 1, maxLength: 3 }) }),
);
type Spec = { kind: string; inline?: InlineRun[]; cells?: Array<{ header: boolean; inline: InlineRun[] }> };

function toBlock(spec: Spec, k: number): Block {
  const section = `s${k % 3}`;
  const base = { id: `b-${k + 1}`, section, sectionTitle: section, context: [] as string[] };
  if (spec.cells !== undefined) {
    const cells = spec.cells.map((c) => {
      const inline = normalizeInline(c.inline);
      return { header: c.header, inline, text: inline.map((r) => r.text).join('') };
    });
    return { ...base, kind: 'table-row', inline: [], cells, text: cells.map((c) => c.text).join(' | ') };
  }
  const inline = normalizeInline(spec.inline ?? []);
  const block: Block = { ...base, kind: spec.kind as Block['kind'], inline, text: inline.map((r) => r.text).join('') };
  if (spec.kind === 'heading') block.level = 2;
  return block;
}

// An edit script applied to the old document: replace, insert, delete, move a stretch.
const editArb = fc.oneof(
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), block: blockArb }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), block: blockArb }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('move' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 4 }), to: fc.nat() }),
  fc.record({ op: fc.constant('reword' as const), at: fc.nat(), word: fc.constantFrom(...WORDS) }),
);

type Edit = typeof editArb extends fc.Arbitrary<infer T> ? T : never;

function applyEdits(specs: Spec[], edits: readonly Edit[]): Spec[] {
  const out = [...specs];
  for (const e of edits) {
    const at = out.length === 0 ? 0 : e.at % out.length;
    if (e.op === 'replace' && out.length > 0) out[at] = e.block;
    else if (e.op === 'insert') out.splice(at, 0, e.block);
    else if (e.op === 'delete') out.splice(at, 1);
    else if (e.op === 'move') {
      const moved = out.splice(at, e.len);
      out.splice(out.length === 0 ? 0 : e.to % (out.length + 1), 0, ...moved);
    } else if (e.op === 'reword') {
      const s = out[at];
      if (s?.inline !== undefined) out[at] = { ...s, inline: [...s.inline, { text: ` ${e.word}`, marks: [] }] };
    }
  }
  return out;
}

describe('oldSideText / newSideText (property)', () => {
  it('read back the old and the new version for random edits', () => {
    fc.assert(
      fc.property(fc.array(blockArb, { maxLength: 25 }), fc.array(editArb, { maxLength: 8 }), (specs, edits) => {
        const oldBlocks = specs.map(toBlock);
        const newBlocks = applyEdits(specs, edits).map(toBlock);
        const model = diffBlocks(oldBlocks, newBlocks);
        expect(oldSideText(model)).toBe(blocksText(oldBlocks));
        expect(newSideText(model)).toBe(blocksText(newBlocks));
        const from = model.entries.filter((e) => e.type === 'moved-from').map((e) => `${e.anchor}>${e.pairAnchor}`);
        const to = model.entries.filter((e) => e.type === 'moved-to').map((e) => `${e.pairAnchor}>${e.anchor}`);
        expect(to.sort()).toEqual(from.sort());
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('give identical sides for identical versions, with no changes', () => {
    fc.assert(
      fc.property(fc.array(blockArb, { maxLength: 20 }), (specs) => {
        const blocks = specs.map(toBlock);
        const model = diffBlocks(blocks, blocks);
        expect(model.entries.every((e) => e.type === 'unchanged')).toBe(true);
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
