// Compact, readable form of a change model for known-answer tests:
//   "= text" unchanged, "+ text" added, "- text" removed, "~ ops" changed,
//   "< move-1 text" moved from, "> move-1 ops" moved to; ops as "keep [-old-]{+new+}", and same words with
//   other marks (bold, link target) as "{~words~}".
import type { CellChange, ChangeEntry, ChangeModel, InlineOp, Token } from '../../../src/lib/diff/model.ts';

function tokens(ts: readonly Token[]): string {
  return ts.map((t) => t.pre + t.text).join('');
}

/** Ops as a string: equal text as is, deletions in [-...-], insertions in {+...+}. */
export function describeOps(ops: readonly InlineOp[]): string {
  const one = (op: InlineOp): string =>
    op.op === 'equal' ? tokens(op.tokens) : op.op === 'format' ? `{~${tokens(op.tokens)}~}` : op.op === 'delete' ? `[-${tokens(op.tokens)}-]` : `{+${tokens(op.tokens)}+}`;
  return ops.map(one).join('');
}

function describeCells(cells: readonly CellChange[]): string {
  return cells
    .map((c) => (c.type === 'unchanged' ? c.cell.text : c.type === 'added' ? `{+${c.cell.text}+}` : c.type === 'removed' ? `[-${c.cell.text}-]` : describeOps(c.ops)))
    .join(' | ');
}

/** One line per entry. */
export function describeEntry(e: ChangeEntry): string {
  switch (e.type) {
    case 'unchanged':
      return `= ${e.new.text}`;
    case 'added':
      return `+ ${e.new.text}`;
    case 'removed':
      return `- ${e.old.text}`;
    case 'changed':
      return `~ ${e.edit.cells ? describeCells(e.edit.cells) : describeOps(e.edit.ops)}`;
    case 'moved-from':
      return `< ${e.moveId} ${e.old.text}`;
    case 'moved-to':
      return `> ${e.moveId} ${e.edit.cells ? describeCells(e.edit.cells) : describeOps(e.edit.ops)}`;
  }
}

/** The whole model, one line per entry. */
export function describeModel(model: ChangeModel): string[] {
  return model.entries.map(describeEntry);
}
