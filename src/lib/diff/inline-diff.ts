// Word-level diff inside one block or cell: jsdiff's diffArrays over tokens (text + marks), bounded by
// maxEditLength. We use an edit-length cap, not a timeout: a timeout makes the output depend on the
// machine's speed, and then two builds of the same content could differ.
import { diffArrays } from 'diff';
import type { Cell, CellChange, InlineOp, InlineRun, Token } from './model.ts';
import { isWordToken, tokenKey, tokenizeInline } from './tokenize.ts';

/** Result of a word diff: the ops, and whether it gave up and replaced the whole text. */
export interface InlineDiff {
  ops: InlineOp[];
  replaced: boolean;
}

/** Default cap on the edit script of one block, in tokens (see FACTS.md: 200-1000 is the sweet spot). */
export const DEFAULT_MAX_EDIT_LENGTH = 400;

/**
 * Diff two token lists. Falls back to one delete + one insert when the edit script is longer than
 * maxEditLength or when no word survives (only punctuation in common reads as noise, not as an edit).
 */
export function diffTokens(oldTokens: Token[], newTokens: Token[], maxEditLength = DEFAULT_MAX_EDIT_LENGTH): InlineDiff {
  if (oldTokens.length === 0 || newTokens.length === 0) return replacement(oldTokens, newTokens);
  const oldKeys = oldTokens.map(tokenKey);
  const newKeys = newTokens.map(tokenKey);
  const changes = diffArrays(oldKeys, newKeys, { maxEditLength });
  if (changes === undefined) return replacement(oldTokens, newTokens);

  const raw: InlineOp[] = [];
  let i = 0;
  let j = 0;
  for (const change of changes) {
    const n = change.count;
    if (change.added) {
      raw.push({ op: 'insert', tokens: newTokens.slice(j, j + n) });
      j += n;
    } else if (change.removed) {
      raw.push({ op: 'delete', tokens: oldTokens.slice(i, i + n) });
      i += n;
    } else {
      raw.push({ op: 'equal', tokens: oldTokens.slice(i, i + n) });
      i += n;
      j += n;
    }
  }
  const ops = tidyOps(raw);
  const common = ops.some((op) => op.op === 'equal' && op.tokens.some(isWordToken));
  const changed = ops.some((op) => op.op !== 'equal');
  if (changed && !common) return replacement(oldTokens, newTokens);
  return { ops, replaced: false };
}

/** Diff two inline contents (tokenizes both). */
export function diffInline(oldInline: readonly InlineRun[], newInline: readonly InlineRun[], maxEditLength = DEFAULT_MAX_EDIT_LENGTH): InlineDiff {
  return diffTokens(tokenizeInline(oldInline), tokenizeInline(newInline), maxEditLength);
}

/** A string equal for two cells exactly when a reader would see no difference between them. */
export function cellKey(cell: Cell): string {
  return `${cell.header ? 'H' : 'D'}\u0002${inlineKey(cell.inline)}`;
}

/**
 * Diff the cells of two table rows: cells are aligned by content (a column added or removed shows as
 * one added or removed cell), and cells that differ in the same place are word-diffed.
 */
export function diffCells(oldCells: readonly Cell[], newCells: readonly Cell[], maxEditLength = DEFAULT_MAX_EDIT_LENGTH): CellChange[] {
  const changes = diffArrays(oldCells.map(cellKey), newCells.map(cellKey));
  const out: CellChange[] = [];
  let i = 0;
  let j = 0;
  let removed: Cell[] = [];
  let added: Cell[] = [];
  const flush = (): void => {
    // Cells replaced in the same place are the same column with new content, not a column swap.
    const paired = Math.min(removed.length, added.length);
    for (let k = 0; k < paired; k++) {
      const o = removed[k] as Cell;
      const n = added[k] as Cell;
      out.push({ type: 'changed', old: o, new: n, ops: diffInline(o.inline, n.inline, maxEditLength).ops });
    }
    for (const cell of removed.slice(paired)) out.push({ type: 'removed', cell });
    for (const cell of added.slice(paired)) out.push({ type: 'added', cell });
    removed = [];
    added = [];
  };
  for (const change of changes) {
    if (change.added) {
      added.push(...newCells.slice(j, j + change.count));
      j += change.count;
    } else if (change.removed) {
      removed.push(...oldCells.slice(i, i + change.count));
      i += change.count;
    } else {
      flush();
      for (const cell of oldCells.slice(i, i + change.count)) out.push({ type: 'unchanged', cell });
      i += change.count;
      j += change.count;
    }
  }
  flush();
  return out;
}

/** A string equal for two inline contents exactly when their text and marks are equal. */
export function inlineKey(runs: readonly InlineRun[]): string {
  let s = '';
  for (const r of runs) s += `${r.marks.join('\u0001')}\u0002${r.text}\u0003`;
  return s;
}

function replacement(oldTokens: Token[], newTokens: Token[]): InlineDiff {
  const ops: InlineOp[] = [];
  // Copies: the token lists may be the diff's memoised ones (diff-blocks.ts).
  if (oldTokens.length > 0) ops.push({ op: 'delete', tokens: [...oldTokens] });
  if (newTokens.length > 0) ops.push({ op: 'insert', tokens: [...newTokens] });
  return { ops, replaced: oldTokens.length > 0 && newTokens.length > 0 };
}

// Merge adjacent changes into one delete + one insert (delete first, as a redline reads), and absorb a
// lone punctuation mark kept between two changes: "a, b" -> "c; d" reads better as one replacement.
function tidyOps(raw: InlineOp[]): InlineOp[] {
  interface Group { equal?: Token[]; del: Token[]; ins: Token[] }
  const groups: Group[] = [];
  for (const op of raw) {
    const last = groups.at(-1);
    if (op.op === 'equal') {
      groups.push({ equal: op.tokens, del: [], ins: [] });
    } else if (last !== undefined && last.equal === undefined) {
      (op.op === 'delete' ? last.del : last.ins).push(...op.tokens);
    } else {
      groups.push(op.op === 'delete' ? { del: [...op.tokens], ins: [] } : { del: [], ins: [...op.tokens] });
    }
  }
  const merged: Group[] = [];
  for (let k = 0; k < groups.length; k++) {
    const g = groups[k] as Group;
    const prev = merged.at(-1);
    const next = groups[k + 1];
    if (
      g.equal !== undefined &&
      prev !== undefined &&
      prev.equal === undefined &&
      next !== undefined &&
      next.equal === undefined &&
      !g.equal.some(isWordToken)
    ) {
      prev.del.push(...g.equal, ...next.del);
      prev.ins.push(...g.equal, ...next.ins);
      k++;
      continue;
    }
    if (g.equal === undefined && prev !== undefined && prev.equal === undefined) {
      prev.del.push(...g.del);
      prev.ins.push(...g.ins);
      continue;
    }
    merged.push(g.equal === undefined ? { del: [...g.del], ins: [...g.ins] } : g);
  }
  const ops: InlineOp[] = [];
  for (const g of merged) {
    if (g.equal !== undefined) ops.push({ op: 'equal', tokens: g.equal });
    else {
      if (g.del.length > 0) ops.push({ op: 'delete', tokens: g.del });
      if (g.ins.length > 0) ops.push({ op: 'insert', tokens: g.ins });
    }
  }
  return ops;
}
