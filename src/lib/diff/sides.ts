// Read one side of a change model back. This is the engine's main invariant (tested with random edits):
// the old side gives back exactly the old version's text and the new side the new version's text.
import type { Block, BlockEdit, CellChange, ChangeModel, InlineOp } from './model.ts';
import { tokensText } from './tokenize.ts';

/** Plain text of a block as the sides below produce it: table rows join their cells with ' | '. */
export function blockText(block: Block): string {
  return block.text;
}

/** Plain text of a list of blocks, one line per block (what oldSideText/newSideText must equal). */
export function blocksText(blocks: readonly Block[]): string {
  return blocks.map(blockText).join('\n');
}

/** The old version's text, one line per block, read from the model alone. */
export function oldSideText(model: ChangeModel): string {
  const lines: string[] = [];
  for (const e of model.entries) {
    if (e.type === 'unchanged' || e.type === 'removed' || e.type === 'moved-from') lines.push(blockText(e.old));
    else if (e.type === 'changed') lines.push(editText(e.edit, 'old'));
  }
  return lines.join('\n');
}

/** The new version's text, one line per block, read from the model alone. */
export function newSideText(model: ChangeModel): string {
  const lines: string[] = [];
  for (const e of model.entries) {
    if (e.type === 'unchanged' || e.type === 'added') lines.push(blockText(e.new));
    else if (e.type === 'changed' || e.type === 'moved-to') lines.push(editText(e.edit, 'new'));
  }
  return lines.join('\n');
}

/** Text of one side of a block edit (word ops, or cell changes for table rows). */
export function editText(edit: BlockEdit, side: 'old' | 'new'): string {
  if (edit.cells !== undefined) {
    return edit.cells
      .map((c) => cellText(c, side))
      .filter((t): t is string => t !== undefined)
      .join(' | ');
  }
  return opsText(edit.ops, side);
}

/** Text of one side of word ops. */
export function opsText(ops: readonly InlineOp[], side: 'old' | 'new'): string {
  const skip = side === 'old' ? 'insert' : 'delete';
  let s = '';
  for (const op of ops) if (op.op !== skip) s += tokensText(op.op === 'format' && side === 'old' ? (op.old ?? op.tokens) : op.tokens);
  return s;
}

function cellText(c: CellChange, side: 'old' | 'new'): string | undefined {
  switch (c.type) {
    case 'unchanged':
      return c.cell.text;
    case 'added':
      return side === 'new' ? c.cell.text : undefined;
    case 'removed':
      return side === 'old' ? c.cell.text : undefined;
    case 'changed':
      return opsText(c.ops, side);
  }
}
