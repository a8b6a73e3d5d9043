// Word-level diff inside one block or cell: jsdiff's diffArrays over tokens (text + marks), bounded by
// maxEditLength. We use an edit-length cap, not a timeout: a timeout makes the output depend on the
// machine's speed, and then two builds of the same content could differ.
import { diffArrays } from 'diff';
import type { Cell, CellChange, InlineOp, InlineRun, Token } from './model.ts';
import { isWordToken, tokenizeInline } from './tokenize.ts';

/** Result of a word diff: the ops, and whether it gave up and replaced the whole text. */
export interface InlineDiff {
  ops: InlineOp[];
  replaced: boolean;
}

/** Default cap on the edit script of one block, in tokens (see FACTS.md: 200-1000 is the sweet spot). */
export const DEFAULT_MAX_EDIT_LENGTH = 400;

/**
 * Diff two token lists. Words are compared by text (and the whitespace before them), not by marks: a
 * word that became bold, or a link whose target changed, is the same word with a formatting change (a
 * 'format' op), not a deletion and a reinsertion. A replaced part of a compound token ("D.7" -> "D.1",
 * "data-processing" -> "data-protection") is widened to the whole token, as a reader names it. Falls back
 * to one delete + one insert when the edit script is longer than maxEditLength or when no word survives
 * (only punctuation in common reads as noise, not as an edit).
 */
export function diffTokens(oldTokens: Token[], newTokens: Token[], maxEditLength = DEFAULT_MAX_EDIT_LENGTH): InlineDiff {
  if (oldTokens.length === 0 || newTokens.length === 0) return replacement(oldTokens, newTokens);
  const oldKeys = oldTokens.map(textKey);
  const newKeys = newTokens.map(textKey);
  const changes = diffArrays(oldKeys, newKeys, { maxEditLength });
  if (changes === undefined) return replacement(oldTokens, newTokens);

  const raw: Group[] = [];
  let i = 0;
  let j = 0;
  for (const change of changes) {
    const n = change.count;
    if (change.added) {
      raw.push({ del: [], ins: newTokens.slice(j, j + n) });
      j += n;
    } else if (change.removed) {
      raw.push({ del: oldTokens.slice(i, i + n), ins: [] });
      i += n;
    } else {
      raw.push({ eqOld: oldTokens.slice(i, i + n), eqNew: newTokens.slice(j, j + n), del: [], ins: [] });
      i += n;
      j += n;
    }
  }
  const groups = wholeTokens(tidyGroups(raw));
  const common = groups.some((g) => g.eqOld !== undefined && g.eqOld.some(isWordToken));
  const changed = groups.some((g) => g.eqOld === undefined);
  if (changed && !common) return replacement(oldTokens, newTokens);
  return { ops: groupsToOps(groups), replaced: false };
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

// A stretch of a word diff: equal tokens (both sides' copies, which may differ in marks), or a change
// (deleted and inserted tokens).
interface Group {
  eqOld?: Token[];
  eqNew?: Token[];
  del: Token[];
  ins: Token[];
}

function isChange(g: Group): boolean {
  return g.eqOld === undefined;
}

// Whitespace and text, without marks: see diffTokens.
function textKey(token: Token): string {
  return `${token.pre}\u0000${token.text}`;
}

// Merge adjacent changes into one delete + one insert (delete first, as a redline reads), and absorb a
// lone punctuation mark kept between two changes: "a, b" -> "c; d" reads better as one replacement.
function tidyGroups(groups: Group[]): Group[] {
  const merged: Group[] = [];
  for (let k = 0; k < groups.length; k++) {
    const g = groups[k] as Group;
    const prev = merged.at(-1);
    const next = groups[k + 1];
    if (g.eqOld !== undefined && prev !== undefined && isChange(prev) && next !== undefined && isChange(next) && !g.eqOld.some(isWordToken)) {
      prev.del.push(...g.eqOld, ...next.del);
      prev.ins.push(...(g.eqNew ?? []), ...next.ins);
      k++;
      continue;
    }
    if (isChange(g) && prev !== undefined && isChange(prev)) {
      prev.del.push(...g.del);
      prev.ins.push(...g.ins);
      continue;
    }
    merged.push(isChange(g) ? { del: [...g.del], ins: [...g.ins] } : { ...g, eqOld: [...(g.eqOld ?? [])], eqNew: [...(g.eqNew ?? [])] });
  }
  return merged;
}

// A token joined to its neighbour with no space ("D" "." "7") belongs to one compound token: a word, or a
// punctuation mark between two words. Replacements grow to whole compound tokens on both sides, so "D.7" ->
// "D.1" reads as the reference that changed, not as a digit inside it. Brackets and sentence punctuation
// stay outside: "(a)" -> "(b)" still marks only the letter.
function wholeTokens(groups: Group[]): Group[] {
  for (let k = 0; k < groups.length; k++) {
    const g = groups[k] as Group;
    if (!isChange(g) || g.del.length === 0 || g.ins.length === 0) continue;
    const prev = groups[k - 1];
    if (prev?.eqOld !== undefined && prev.eqNew !== undefined) {
      for (;;) {
        const first = [g.del[0], g.ins[0]];
        if (first.some((t) => t === undefined || t.pre !== '')) break;
        const t = prev.eqOld.at(-1);
        if (t === undefined) break;
        const before = prev.eqOld.at(-2);
        if (!isWordToken(t) && !(t.pre === '' && before !== undefined && isWordToken(before))) break;
        g.del.unshift(prev.eqOld.pop() as Token);
        g.ins.unshift(prev.eqNew.pop() as Token);
      }
    }
    const next = groups[k + 1];
    if (next?.eqOld !== undefined && next.eqNew !== undefined) {
      for (;;) {
        const t = next.eqOld[0];
        if (t === undefined || t.pre !== '') break;
        const after = next.eqOld[1];
        if (!isWordToken(t) && !(after !== undefined && after.pre === '' && isWordToken(after))) break;
        g.del.push(next.eqOld.shift() as Token);
        g.ins.push(next.eqNew.shift() as Token);
      }
    }
  }
  // Equal stretches emptied above leave two changes side by side: one change again.
  const out: Group[] = [];
  for (const g of groups) {
    if (g.eqOld !== undefined && g.eqOld.length === 0) continue;
    const prev = out.at(-1);
    if (isChange(g) && prev !== undefined && isChange(prev)) {
      prev.del.push(...g.del);
      prev.ins.push(...g.ins);
    } else out.push(g);
  }
  return out;
}

// Equal stretches split into runs of identical tokens ('equal') and runs of the same words with other
// marks ('format'); changes become one delete and one insert.
function groupsToOps(groups: readonly Group[]): InlineOp[] {
  const ops: InlineOp[] = [];
  for (const g of groups) {
    if (g.eqOld === undefined || g.eqNew === undefined) {
      if (g.del.length > 0) ops.push({ op: 'delete', tokens: g.del });
      if (g.ins.length > 0) ops.push({ op: 'insert', tokens: g.ins });
      continue;
    }
    let k = 0;
    while (k < g.eqOld.length) {
      const same = sameMarks(g.eqOld[k] as Token, g.eqNew[k] as Token);
      let end = k + 1;
      while (end < g.eqOld.length && sameMarks(g.eqOld[end] as Token, g.eqNew[end] as Token) === same) end++;
      if (same) ops.push({ op: 'equal', tokens: g.eqOld.slice(k, end) });
      else ops.push({ op: 'format', tokens: g.eqNew.slice(k, end), old: g.eqOld.slice(k, end) });
      k = end;
    }
  }
  return ops;
}

function sameMarks(a: Token, b: Token): boolean {
  return a.marks.length === b.marks.length && a.marks.every((m, k) => m === b.marks[k]);
}
