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
  const groups = spacesApart(wholeTokens(tidyGroups(raw)));
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
 * How a table's columns correspond between two versions, when a column was added or removed: for each old
 * column, the new column it became, or -1 when it was removed. Made from the header rows (columnMap).
 */
export type ColumnMap = readonly number[];

/**
 * The column map of two header rows with different numbers of cells: header cells aligned by their text
 * (a renamed header pairs with the one in its place), or undefined when the count is the same (then cells
 * are aligned row by row, see diffCells).
 */
export function columnMap(oldHeader: readonly Cell[], newHeader: readonly Cell[]): ColumnMap | undefined {
  if (oldHeader.length === newHeader.length) return undefined;
  const norm = (c: Cell): string => c.text.toLowerCase();
  const pairs = alignCells(oldHeader, newHeader, oldHeader.map(norm), newHeader.map(norm));
  const map = new Array<number>(oldHeader.length).fill(-1);
  for (const [i, j] of pairs) map[i] = j;
  return map;
}

/**
 * Diff the cells of two table rows. With a column map (a column added or removed, and rows as wide as
 * their header), cells follow their columns, and a whole column's cells say so (`column: true`); else cells
 * are aligned by content: equal cells first, then, between them, the cells most alike, so a cell inserted
 * mid-row does not shift the next column's change into the wrong cell.
 */
export function diffCells(
  oldCells: readonly Cell[],
  newCells: readonly Cell[],
  maxEditLength = DEFAULT_MAX_EDIT_LENGTH,
  columns?: ColumnMap,
): CellChange[] {
  const byColumns = columns !== undefined && columns.length === oldCells.length && columns.every((j) => j < newCells.length);
  const pairs = byColumns
    ? columns.flatMap((j, i) => (j === -1 ? [] : [[i, j] as [number, number]]))
    : alignCells(oldCells, newCells, oldCells.map(cellKey), newCells.map(cellKey));
  const out: CellChange[] = [];
  let i = 0;
  let j = 0;
  const column = byColumns ? { column: true as const } : {};
  for (const [pi, pj] of [...pairs, [oldCells.length, newCells.length] as [number, number]]) {
    for (; i < pi; i++) out.push({ type: 'removed', cell: oldCells[i] as Cell, ...column });
    for (; j < pj; j++) out.push({ type: 'added', cell: newCells[j] as Cell, ...column });
    const o = oldCells[pi];
    const n = newCells[pj];
    if (o === undefined || n === undefined) break;
    if (cellKey(o) === cellKey(n)) out.push({ type: 'unchanged', cell: o });
    else out.push({ type: 'changed', old: o, new: n, ops: diffInline(o.inline, n.inline, maxEditLength).ops });
    i = pi + 1;
    j = pj + 1;
  }
  return out;
}

// Pairs (old index, new index) of cells in order: equal keys first (LCS), then in each stretch between them
// as many pairs as the shorter side has, chosen to be the most alike (Dice over words) in order; ties go to
// the earlier cells, so cells replaced in the same place pair up as before.
function alignCells(oldCells: readonly Cell[], newCells: readonly Cell[], oldKeys: string[], newKeys: string[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  // The gap (cells between equal runs) starts at (i, j); (oi, nj) is how far the diff has read.
  let i = 0;
  let j = 0;
  let oi = 0;
  let nj = 0;
  const gap = (): void => {
    for (const [a, b] of bestOrderedPairs(oldCells.slice(i, oi), newCells.slice(j, nj))) pairs.push([i + a, j + b]);
  };
  for (const change of diffArrays(oldKeys, newKeys)) {
    if (change.added) nj += change.count;
    else if (change.removed) oi += change.count;
    else {
      gap();
      for (let k = 0; k < change.count; k++) pairs.push([oi + k, nj + k]);
      oi += change.count;
      nj += change.count;
      i = oi;
      j = nj;
    }
  }
  gap();
  return pairs;
}

function bestOrderedPairs(olds: readonly Cell[], news: readonly Cell[]): Array<[number, number]> {
  const r = olds.length;
  const a = news.length;
  if (r === 0 || a === 0) return [];
  if (r === a) return olds.map((_, k) => [k, k]);
  const sim = olds.map((o) => news.map((n) => cellSimilarity(o, n)));
  // best[x][y]: best total pairing olds[x..] with news[y..], pairing min(r-x, a-y) of them.
  const best: number[][] = Array.from({ length: r + 1 }, () => new Array<number>(a + 1).fill(0));
  for (let x = r - 1; x >= 0; x--) {
    for (let y = a - 1; y >= 0; y--) {
      const take = (sim[x]?.[y] ?? 0) + (best[x + 1]?.[y + 1] ?? 0);
      const skip = r - x > a - y ? (best[x + 1]?.[y] ?? 0) : a - y > r - x ? (best[x]?.[y + 1] ?? 0) : -1;
      (best[x] as number[])[y] = Math.max(take, skip);
    }
  }
  const out: Array<[number, number]> = [];
  let x = 0;
  let y = 0;
  while (x < r && y < a) {
    const take = (sim[x]?.[y] ?? 0) + (best[x + 1]?.[y + 1] ?? 0);
    if (take >= (best[x]?.[y] ?? 0)) {
      out.push([x, y]);
      x++;
      y++;
    } else if (r - x > a - y) x++;
    else y++;
  }
  return out;
}

/**
 * Similarity of two key cells (a table row's first cell): Dice over their words, or 0.9 when one key holds
 * all the words of the other ("fh_session" -> "fh_session (now part of Example Group)"): a name that grew
 * is still the name. Which row of several that share a key word is the one is then for the rest of the row.
 */
export function keyCellSimilarity(a: Cell, b: Cell): number {
  const wa = cellWords(a);
  const wb = cellWords(b);
  const dice = diceOf(wa, wb);
  const shorter = Math.min(wa.length, wb.length);
  return shorter > 0 && (dice * (wa.length + wb.length)) / 2 === shorter ? Math.max(dice, 0.9) : dice;
}

function cellWords(c: Cell): string[] {
  return tokenizeInline(c.inline).filter(isWordToken).map((t) => t.text.toLowerCase());
}

function diceOf(wa: readonly string[], wb: readonly string[]): number {
  if (wa.length + wb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const c = counts.get(w) ?? 0;
    if (c > 0) {
      common++;
      counts.set(w, c - 1);
    }
  }
  return (2 * common) / (wa.length + wb.length);
}

/** Dice similarity of two cells' words (lower-cased), 0-1. */
export function cellSimilarity(a: Cell, b: Cell): number {
  return diceOf(cellWords(a), cellWords(b));
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

// Text alone, without marks (see diffTokens) or the whitespace before it: "You" that starts a paragraph
// once its first sentence is gone is the same word as " You" after that sentence (see spacesApart).
function textKey(token: Token): string {
  return token.text;
}

// Equal words whose whitespace before them differs (the first word left after a deleted sentence): the word
// stays equal, and the whitespace goes to the change before it (a whitespace-only token), so each side still
// reads back exactly.
function spacesApart(groups: Group[]): Group[] {
  const out: Group[] = [];
  for (const g of groups) {
    if (g.eqOld === undefined || g.eqNew === undefined) {
      out.push(g);
      continue;
    }
    let start = 0;
    for (let k = 0; k < g.eqOld.length; k++) {
      const o = g.eqOld[k] as Token;
      const n = g.eqNew[k] as Token;
      if (o.pre === n.pre) continue;
      if (k > start) out.push({ eqOld: g.eqOld.slice(start, k), eqNew: g.eqNew.slice(start, k), del: [], ins: [] });
      const prev = out.at(-1);
      const change = prev !== undefined && isChange(prev) ? prev : { del: [], ins: [] };
      if (change !== prev) out.push(change);
      if (o.pre !== '') change.del.push({ pre: o.pre, text: '', marks: [] });
      if (n.pre !== '') change.ins.push({ pre: n.pre, text: '', marks: [] });
      g.eqOld[k] = { ...o, pre: '' };
      g.eqNew[k] = { ...n, pre: '' };
      start = k;
    }
    out.push(start === 0 ? g : { eqOld: g.eqOld.slice(start), eqNew: g.eqNew.slice(start), del: [], ins: [] });
  }
  return out;
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
