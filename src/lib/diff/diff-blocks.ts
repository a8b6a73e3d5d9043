// The main entry of the engine: two versions' blocks -> a change model. Two levels, because a word diff
// over a whole document is far too slow on big rewrites (FACTS.md: 16 s on 10k words, minutes on 50k):
//  1. align blocks: jsdiff diffArrays over exact block keys (LCS), then pair the leftover removed/added
//     blocks by similarity, through an inverted index so a full rewrite never compares all pairs;
//     pairs that keep their order within a gap are "changed", the others are "moved";
//  2. word diff (tokens with marks) inside each changed or moved pair, bounded by maxEditLength.
import { diffArrays } from 'diff';
import type {
  Block,
  BlockEdit,
  Cell,
  ChangeEntry,
  ChangeModel,
  MovePlace,
  Token,
} from './model.ts';
import { type ColumnMap, cellKey, columnMap, DEFAULT_MAX_EDIT_LENGTH, diffCells, diffTokens, type InlineDiff, inlineKey, keyCellSimilarity } from './inline-diff.ts';
import { blockTokens, isWordToken } from './tokenize.ts';

/** Options of diffBlocks; all optional, the defaults suit legal documents. */
export interface DiffOptions {
  /** Cap on the word edit script of one block, in tokens; beyond it the block is replaced whole. */
  maxEditLength?: number;
  /** Minimum similarity (0-1, Dice over words) to pair a removed and an added block in place. */
  similarity?: number;
  /** Minimum similarity to report a removed and an added block elsewhere as one moved block. */
  moveSimilarity?: number;
  /** A move group with fewer words than this reads as removed + added (repeated short lines). */
  minMoveWords?: number;
}

interface Side {
  blocks: readonly Block[];
  keys: string[];
}

// What one block yields for the diff (key, tokens, word features) depends on the block alone, and a build
// diffs each version against several others (its neighbours and the version in force), as does the picker
// in the browser: memoised per block object, so each block is keyed and tokenized (blockTokens, in
// ./tokenize.ts) once, not once per pair. Blocks are never mutated after extraction; the memo goes when the
// blocks do (WeakMap). Features are memoised per token list, which blocks with the same content share
// (./tokenize.ts), so a passage that stays the same over thirty versions is counted once.
interface BlockFeatures {
  /** The block's distinct words (see blockFeatures), as ids (wordId), ascending. */
  ids: Int32Array;
  /** How many times each of `ids` occurs. */
  counts: Int32Array;
  /** Number of words, repeats included. */
  total: number;
}
const keyMemo = new WeakMap<Block, string>();
const featuresMemo = new WeakMap<readonly Token[], BlockFeatures>();

interface Pair {
  oldIndex: number;
  newIndex: number;
  /** Similarity for pairing in place (containment counts, see similarityOf). */
  sim: number;
  /** Similarity for a move: Dice only, so a short line found inside a long passage elsewhere is no move. */
  moveSim: number;
}

// Only candidates that share a rare word are compared, and only the best few: this keeps a full
// rewrite of 50k words linear instead of comparing every removed block with every added one.
const MAX_CANDIDATES = 6;
const SMALL_GAP = 16;

/** Diff two versions' blocks into a change model (deterministic: same input, same output). */
export function diffBlocks(oldBlocks: readonly Block[], newBlocks: readonly Block[], options: DiffOptions = {}): ChangeModel {
  const maxEditLength = options.maxEditLength ?? DEFAULT_MAX_EDIT_LENGTH;
  const similarity = options.similarity ?? 0.5;
  const moveSimilarity = options.moveSimilarity ?? 0.6;
  const minMoveWords = options.minMoveWords ?? 4;

  const oldSide = makeSide(oldBlocks);
  const newSide = makeSide(newBlocks);

  // Level 1a: exact matches in order. gapOfOld/gapOfNew give each unmatched block the gap (the stretch
  // between two exact matches) it sits in; blocks paired within one gap are edits in place.
  const matches = exactMatches(oldSide.keys, newSide.keys);
  const gapOfOld = new Int32Array(oldBlocks.length).fill(-1);
  const gapOfNew = new Int32Array(newBlocks.length).fill(-1);
  interface Gap { oldStart: number; oldEnd: number; newStart: number; newEnd: number }
  const gaps: Gap[] = [];
  const equalRuns: Array<{ oldStart: number; newStart: number; count: number; gapBefore: number }> = [];
  {
    let i = 0;
    let j = 0;
    const addGap = (oldEnd: number, newEnd: number): void => {
      if (oldEnd === i && newEnd === j) return;
      gaps.push({ oldStart: i, oldEnd, newStart: j, newEnd });
      for (let k = i; k < oldEnd; k++) gapOfOld[k] = gaps.length - 1;
      for (let k = j; k < newEnd; k++) gapOfNew[k] = gaps.length - 1;
    };
    for (const [mi, mj] of matches) {
      const run = equalRuns.at(-1);
      if (mi === i && mj === j && run !== undefined && run.oldStart + run.count === i && run.newStart + run.count === j) {
        run.count++;
      } else {
        addGap(mi, mj);
        equalRuns.push({ oldStart: mi, newStart: mj, count: 1, gapBefore: gaps.length - 1 });
      }
      i = mi + 1;
      j = mj + 1;
    }
    addGap(oldBlocks.length, newBlocks.length);
  }

  // Level 1b: pair leftover blocks by similarity.
  const unmatchedOld: number[] = [];
  const unmatchedNew: number[] = [];
  for (let i = 0; i < oldBlocks.length; i++) if (gapOfOld[i] !== -1) unmatchedOld.push(i);
  for (let j = 0; j < newBlocks.length; j++) if (gapOfNew[j] !== -1) unmatchedNew.push(j);

  const candidates = findCandidatePairs(oldSide, newSide, unmatchedOld, unmatchedNew, gapOfOld, gapOfNew, gaps);
  const minSim = Math.min(similarity, moveSimilarity);
  const scored = candidates
    .filter((p) => p.sim >= minSim)
    .map((p) => ({ ...p, score: gapOfOld[p.oldIndex] === gapOfNew[p.newIndex] ? p.sim + 0.05 : p.moveSim }))
    .sort((a, b) => b.score - a.score || a.oldIndex - b.oldIndex || a.newIndex - b.newIndex);
  const pairOfOld = new Map<number, Pair>();
  const pairOfNew = new Map<number, Pair>();
  for (const p of scored) {
    if (pairOfOld.has(p.oldIndex) || pairOfNew.has(p.newIndex)) continue;
    const sameGap = gapOfOld[p.oldIndex] === gapOfNew[p.newIndex];
    if (sameGap ? p.sim < similarity : p.moveSim < moveSimilarity) continue;
    const pair: Pair = { oldIndex: p.oldIndex, newIndex: p.newIndex, sim: p.sim, moveSim: p.moveSim };
    pairOfOld.set(p.oldIndex, pair);
    pairOfNew.set(p.newIndex, pair);
  }

  // In-place pairs must keep their order within the gap; the longest ordered subset stays in place and
  // the rest are moves (a paragraph moved within one gap is still a move).
  const inPlace = new Set<Pair>();
  const pairsByGap = new Map<number, Pair[]>();
  for (const pair of [...pairOfOld.values()].sort((a, b) => a.oldIndex - b.oldIndex)) {
    const g = gapOfOld[pair.oldIndex] as number;
    if (g !== gapOfNew[pair.newIndex]) continue;
    const list = pairsByGap.get(g);
    if (list === undefined) pairsByGap.set(g, [pair]);
    else list.push(pair);
  }
  for (const list of pairsByGap.values()) for (const p of longestIncreasing(list)) inPlace.add(p);
  const unpair = (p: Pair): void => {
    pairOfOld.delete(p.oldIndex);
    pairOfNew.delete(p.newIndex);
  };
  for (const p of [...pairOfOld.values()]) if (!inPlace.has(p) && p.moveSim < moveSimilarity) unpair(p);

  // A renamed heading often shares no word with its old name ("Cookies" -> "Tracking technologies"),
  // but when a gap holds as many leftover headings on each side, at the same levels and in an order
  // consistent with the other pairs, the k-th old heading was renamed to the k-th new one.
  for (let g = 0; g < gaps.length; g++) {
    const gap = gaps[g] as Gap;
    const isHeading = (b: Block | undefined): boolean => b?.kind === 'heading';
    const olds = range(gap.oldStart, gap.oldEnd).filter((i) => !pairOfOld.has(i) && isHeading(oldBlocks[i]));
    const news = range(gap.newStart, gap.newEnd).filter((j) => !pairOfNew.has(j) && isHeading(newBlocks[j]));
    if (olds.length === 0 || olds.length !== news.length) continue;
    if (olds.some((i, k) => oldBlocks[i]?.level !== newBlocks[news[k] as number]?.level)) continue;
    const placed = [...inPlace].filter((p) => gapOfOld[p.oldIndex] === g);
    const consistent = olds.every((i, k) => placed.every((p) => p.oldIndex < i === p.newIndex < (news[k] as number)));
    if (!consistent) continue;
    olds.forEach((i, k) => {
      const pair: Pair = { oldIndex: i, newIndex: news[k] as number, sim: 0, moveSim: 0 };
      pairOfOld.set(pair.oldIndex, pair);
      pairOfNew.set(pair.newIndex, pair);
      inPlace.add(pair);
    });
  }

  // Moves: group blocks that moved together (consecutive on both sides), so a moved section reads as
  // one move, and drop groups too small to be a meaningful move.
  const moves = [...pairOfNew.values()].filter((p) => !inPlace.has(p)).sort((a, b) => a.newIndex - b.newIndex);
  const groups: Pair[][] = [];
  for (const p of moves) {
    const group = groups.at(-1);
    const last = group?.at(-1);
    if (group !== undefined && last !== undefined && last.newIndex + 1 === p.newIndex && last.oldIndex + 1 === p.oldIndex) group.push(p);
    else groups.push([p]);
  }
  const moveIdOf = new Map<Pair, string>();
  const placesOf = new Map<Pair, { from: MovePlace; to: MovePlace }>();
  let moveCount = 0;
  for (const group of groups) {
    const words = group.reduce((n, p) => n + wordCount(newSide, p.newIndex), 0);
    if (words < minMoveWords) {
      for (const p of group) unpair(p);
      continue;
    }
    moveCount++;
    const places = movePlaces(oldBlocks, newBlocks, group);
    for (const p of group) {
      moveIdOf.set(p, `move-${moveCount}`);
      placesOf.set(p, places);
    }
  }

  // Level 2 and assembly, in reading order: exact runs, and in each gap the removed/moved-from old
  // blocks, then added/moved-to new blocks, around the in-place changed pairs.
  const entries: ChangeEntry[] = [];
  const columns = columnsBetween(oldBlocks, newBlocks);
  const edit = (p: Pair): BlockEdit => blockEdit(oldSide, newSide, p, maxEditLength, columns);
  const emitOld = (i: number): void => {
    const old = oldBlocks[i] as Block;
    const pair = pairOfOld.get(i);
    if (pair === undefined) {
      entries.push({ type: 'removed', anchor: '', section: old.section, sectionTitle: old.sectionTitle, old });
      return;
    }
    const nb = newBlocks[pair.newIndex] as Block;
    entries.push({
      type: 'moved-from', anchor: '', pairAnchor: '', moveId: moveIdOf.get(pair) ?? '',
      section: old.section, sectionTitle: old.sectionTitle, old,
      toSection: nb.section, toSectionTitle: nb.sectionTitle,
      to: { ...(placesOf.get(pair) as { to: MovePlace }).to },
    });
  };
  const emitNew = (j: number): void => {
    const nb = newBlocks[j] as Block;
    const pair = pairOfNew.get(j);
    if (pair === undefined) {
      entries.push({ type: 'added', anchor: '', section: nb.section, sectionTitle: nb.sectionTitle, new: nb });
      return;
    }
    const old = oldBlocks[pair.oldIndex] as Block;
    const e = edit(pair);
    entries.push({
      type: 'moved-to', anchor: '', pairAnchor: '', moveId: moveIdOf.get(pair) ?? '',
      section: nb.section, sectionTitle: nb.sectionTitle, old, new: nb, edit: e,
      identical: oldSide.keys[pair.oldIndex] === newSide.keys[j],
      fromSection: old.section, fromSectionTitle: old.sectionTitle,
      from: { ...(placesOf.get(pair) as { from: MovePlace }).from },
    });
  };
  const emitGap = (gap: Gap): void => {
    let i = gap.oldStart;
    let j = gap.newStart;
    const anchors = range(gap.oldStart, gap.oldEnd)
      .map((k) => pairOfOld.get(k))
      .filter((p): p is Pair => p !== undefined && inPlace.has(p));
    for (const p of [...anchors, undefined]) {
      const oi = p?.oldIndex ?? gap.oldEnd;
      const nj = p?.newIndex ?? gap.newEnd;
      for (; i < oi; i++) emitOld(i);
      for (; j < nj; j++) emitNew(j);
      if (p !== undefined) {
        const old = oldBlocks[p.oldIndex] as Block;
        const nb = newBlocks[p.newIndex] as Block;
        entries.push({ type: 'changed', anchor: '', section: nb.section, sectionTitle: nb.sectionTitle, old, new: nb, edit: edit(p) });
        i++;
        j++;
      }
    }
  };
  let nextGap = 0;
  for (const run of equalRuns) {
    for (; nextGap <= run.gapBefore; nextGap++) emitGap(gaps[nextGap] as Gap);
    for (let k = 0; k < run.count; k++) {
      const old = oldBlocks[run.oldStart + k] as Block;
      const nb = newBlocks[run.newStart + k] as Block;
      entries.push({ type: 'unchanged', section: nb.section, sectionTitle: nb.sectionTitle, old, new: nb });
    }
  }
  for (; nextGap < gaps.length; nextGap++) emitGap(gaps[nextGap] as Gap);

  // Anchors are numbered in reading order, so change-1 is the first change a reader meets.
  let n = 0;
  const fromAnchor = new Map<Block, string>();
  const toAnchor = new Map<Block, string>();
  for (const e of entries) {
    if (e.type === 'unchanged') continue;
    e.anchor = `change-${++n}`;
    if (e.type === 'moved-from') fromAnchor.set(e.old, e.anchor);
    if (e.type === 'moved-to') toAnchor.set(e.old, e.anchor);
  }
  // A move goes down when its new place comes later in reading order than its old one.
  const position = (anchor: string): number => Number(anchor.slice('change-'.length));
  for (const e of entries) {
    if (e.type === 'moved-from') {
      e.pairAnchor = toAnchor.get(e.old) ?? '';
      e.to.direction = position(e.pairAnchor) > position(e.anchor) ? 'down' : 'up';
    }
    if (e.type === 'moved-to') {
      e.pairAnchor = fromAnchor.get(e.old) ?? '';
      e.from.direction = position(e.pairAnchor) < position(e.anchor) ? 'down' : 'up';
    }
  }
  return { entries };
}

// Where a group of blocks moved together went and came from. A group that starts with a heading is a whole
// section: naming its own section would name the passage, not the place, so the place is the section just
// before it on each side. Otherwise: the section it left and the one it joined, or 'within' when they are one.
function movePlaces(oldBlocks: readonly Block[], newBlocks: readonly Block[], group: readonly Pair[]): { from: MovePlace; to: MovePlace } {
  const first = group[0] as Pair;
  const ob = oldBlocks[first.oldIndex] as Block;
  const nb = newBlocks[first.newIndex] as Block;
  if (ob.kind === 'heading' || nb.kind === 'heading') {
    const before = (blocks: readonly Block[], index: number): Pick<MovePlace, 'section' | 'sectionTitle'> => {
      const b = blocks[index - 1];
      return { section: b?.section ?? '', sectionTitle: b?.sectionTitle ?? '' };
    };
    return {
      from: { kind: 'after', direction: 'down', ...before(oldBlocks, first.oldIndex) },
      to: { kind: 'after', direction: 'down', ...before(newBlocks, first.newIndex) },
    };
  }
  const kind = ob.section === nb.section ? 'within' : 'into';
  return {
    from: { kind, direction: 'down', section: ob.section, sectionTitle: ob.sectionTitle },
    to: { kind, direction: 'down', section: nb.section, sectionTitle: nb.sectionTitle },
  };
}

/**
 * Longest common subsequence of two key lists, as (old index, new index) pairs. Keys found on one side
 * only can never match, so they are left out before running jsdiff: Myers' algorithm costs O(N*D), and
 * on an unrelated rewrite of 50k words D is the whole document (several hundred ms for nothing).
 */
function exactMatches(oldKeys: readonly string[], newKeys: readonly string[]): Array<[number, number]> {
  const inNew = new Set(newKeys);
  const inOld = new Set(oldKeys);
  const oldIdx: number[] = [];
  const newIdx: number[] = [];
  for (let i = 0; i < oldKeys.length; i++) if (inNew.has(oldKeys[i] as string)) oldIdx.push(i);
  for (let j = 0; j < newKeys.length; j++) if (inOld.has(newKeys[j] as string)) newIdx.push(j);
  const matches: Array<[number, number]> = [];
  let a = 0;
  let b = 0;
  for (const change of diffArrays(oldIdx.map((i) => oldKeys[i] as string), newIdx.map((j) => newKeys[j] as string))) {
    if (change.added) b += change.count;
    else if (change.removed) a += change.count;
    else {
      for (let k = 0; k < change.count; k++) matches.push([oldIdx[a + k] as number, newIdx[b + k] as number]);
      a += change.count;
      b += change.count;
    }
  }
  return matches;
}

function makeSide(blocks: readonly Block[]): Side {
  return { blocks, keys: blocks.map(memoBlockKey) };
}

function memoBlockKey(block: Block): string {
  let key = keyMemo.get(block);
  if (key === undefined) {
    key = blockKey(block);
    keyMemo.set(block, key);
  }
  return key;
}

/** A string equal for two blocks exactly when a reader would see no difference between them. */
export function blockKey(block: Block): string {
  const head = `${block.kind}|${block.level ?? ''}|${block.context.join('>')}|${block.lang ?? ''}|`;
  if (block.cells !== undefined) {
    return head + block.cells.map(cellKey).join('\u0004');
  }
  return head + inlineKey(block.inline);
}

// Similarity features: the words of a block, lower-cased, as a multiset; marks are ignored here
// because they matter for the word diff, not for deciding which blocks correspond. Words are numbered
// (wordId) and kept sorted, so that comparing two blocks is a merge of two integer lists, and the
// candidate search indexes arrays, not maps of strings.
function blockFeatures(block: Block): BlockFeatures {
  const tokens = blockTokens(block);
  let memo = featuresMemo.get(tokens);
  if (memo === undefined) {
    const counted = new Map<number, number>();
    let total = 0;
    const words = tokens.filter(isWordToken);
    for (const t of words.length > 0 ? words : tokens) {
      if (t.text === '') continue;
      const id = wordId(t.text.toLowerCase());
      counted.set(id, (counted.get(id) ?? 0) + 1);
      total++;
    }
    const ids = Int32Array.from(counted.keys()).sort();
    const counts = new Int32Array(ids.length);
    for (let k = 0; k < ids.length; k++) counts[k] = counted.get(ids[k] as number) as number;
    memo = { ids, counts, total };
    featuresMemo.set(tokens, memo);
  }
  return memo;
}

// Word -> id, for the features of every block this engine has seen (a build's, or the picker's two
// versions'). Never emptied: an id must mean one word for as long as any features use it. It grows with
// the vocabulary of the documents, not with their number of versions.
const wordIds = new Map<string, number>();

function wordId(word: string): number {
  let id = wordIds.get(word);
  if (id === undefined) {
    id = wordIds.size;
    wordIds.set(word, id);
  }
  return id;
}

function featuresOf(side: Side, index: number): Int32Array {
  return blockFeatures(side.blocks[index] as Block).ids;
}

function wordCount(side: Side, index: number): number {
  return blockFeatures(side.blocks[index] as Block).total;
}

// Kinds of running text: a paragraph that became a list item (or a quote, a definition) with the same
// words is the same passage with new formatting, not a deletion and an insertion.
const TEXT_KINDS = new Set<Block['kind']>(['paragraph', 'list-item', 'quote', 'term', 'definition', 'caption']);

function comparableKinds(a: Block, b: Block): boolean {
  return a.kind === b.kind || (TEXT_KINDS.has(a.kind) && TEXT_KINDS.has(b.kind));
}

/**
 * Similarity of two blocks' word multisets: Dice, or, when the shorter block (3 words or more) is nearly all
 * inside the longer one, that share scaled to 0.9: a line that grew by a clause or a paragraph that lost a
 * sentence is the same passage edited, though Dice alone says they are different. 0 for kinds that cannot
 * correspond.
 */
function similarityOf(oldSide: Side, i: number, newSide: Side, j: number): { sim: number; moveSim: number } {
  if (!comparableKinds(oldSide.blocks[i] as Block, newSide.blocks[j] as Block)) return NO_SIMILARITY;
  const a = blockFeatures(oldSide.blocks[i] as Block);
  const b = blockFeatures(newSide.blocks[j] as Block);
  const totalA = a.total;
  const totalB = b.total;
  const total = totalA + totalB;
  if (total === 0) return NO_SIMILARITY;
  const common = commonWords(a, b);
  const dice = (2 * common) / total;
  const ob = oldSide.blocks[i] as Block;
  const nb = newSide.blocks[j] as Block;
  if (ob.cells !== undefined && nb.cells !== undefined && ob.cells.length > 1 && nb.cells.length > 1) {
    // A table row is known by its key, the first cell (the sub-processor, the cookie): half the score is
    // the key's, so "Azure (Microsoft)" pairs with "Microsoft (Azure)", not with another row that shares
    // more words elsewhere, and a row whose key changed entirely is another row.
    const rowSim = 0.5 * keyCellSimilarity(ob.cells[0] as Cell, nb.cells[0] as Cell) + 0.5 * dice;
    return { sim: rowSim, moveSim: rowSim };
  }
  const shorter = Math.min(totalA, totalB);
  const contained = shorter >= CONTAINED_MIN_WORDS ? common / shorter : 0;
  return { sim: contained >= CONTAINED_SHARE ? Math.max(dice, 0.9 * contained) : dice, moveSim: dice };
}

const NO_SIMILARITY = { sim: 0, moveSim: 0 } as const;

// How many words two blocks have in common, repeats included (the size of the multisets' intersection).
function commonWords(a: BlockFeatures, b: BlockFeatures): number {
  const ia = a.ids;
  const ib = b.ids;
  let common = 0;
  let x = 0;
  let y = 0;
  while (x < ia.length && y < ib.length) {
    const u = ia[x] as number;
    const v = ib[y] as number;
    if (u === v) {
      common += Math.min(a.counts[x] as number, b.counts[y] as number);
      x++;
      y++;
    } else if (u < v) x++;
    else y++;
  }
  return common;
}

// See similarityOf: below 3 words ("None.", "Yes") being contained says nothing.
const CONTAINED_MIN_WORDS = 3;
const CONTAINED_SHARE = 0.8;

function findCandidatePairs(
  oldSide: Side,
  newSide: Side,
  unmatchedOld: readonly number[],
  unmatchedNew: readonly number[],
  gapOfOld: Int32Array,
  gapOfNew: Int32Array,
  gaps: ReadonlyArray<{ newStart: number; newEnd: number }>,
): Pair[] {
  if (unmatchedOld.length === 0 || unmatchedNew.length === 0) return [];
  // Inverted index: word -> new blocks containing it. Words found in too many blocks ("the", "data")
  // say nothing about which blocks correspond and would make the search quadratic, so skip them.
  const postings = new Map<number, number[]>();
  for (const j of unmatchedNew) {
    const ids = featuresOf(newSide, j);
    for (let k = 0; k < ids.length; k++) {
      const f = ids[k] as number;
      const list = postings.get(f);
      if (list === undefined) postings.set(f, [j]);
      else list.push(j);
    }
  }
  const maxPostings = Math.max(8, Math.ceil(2 * Math.sqrt(unmatchedNew.length)));
  const pairs: Pair[] = [];
  // A heading that kept its id (the section's permalink) is the same section even when renamed or
  // moved: authors keep ids stable on purpose, so that links keep working.
  const headingById = new Map<string, number>();
  for (const j of unmatchedNew) {
    const b = newSide.blocks[j] as Block;
    if (b.kind === 'heading' && b.section !== '' && !headingById.has(b.section)) headingById.set(b.section, j);
  }
  // Words shared with the old block at hand, by new block: -1 for a block not in the running, and the
  // blocks in the running listed in `touched`, so that clearing costs what filling did.
  const shared = new Int32Array(newSide.blocks.length).fill(-1);
  const touched: number[] = [];
  const top: number[] = [];
  for (const i of unmatchedOld) {
    for (const j of touched) shared[j] = -1;
    touched.length = 0;
    const ob = oldSide.blocks[i] as Block;
    const sameId = ob.kind === 'heading' ? headingById.get(ob.section) : undefined;
    if (sameId !== undefined) {
      const { sim, moveSim } = similarityOf(oldSide, i, newSide, sameId);
      pairs.push({ oldIndex: i, newIndex: sameId, sim: Math.max(0.95, sim), moveSim: Math.max(0.95, moveSim) });
    }
    const ids = featuresOf(oldSide, i);
    for (let k = 0; k < ids.length; k++) {
      const list = postings.get(ids[k] as number);
      if (list === undefined || list.length > maxPostings) continue;
      for (let n = 0; n < list.length; n++) {
        const j = list[n] as number;
        const count = shared[j] as number;
        if (count === -1) touched.push(j);
        shared[j] = count === -1 ? 1 : count + 1;
      }
    }
    // Small gaps are cheap to compare in full, and catch blocks made only of common words.
    const gap = gaps[gapOfOld[i] as number];
    if (gap !== undefined && gap.newEnd - gap.newStart <= SMALL_GAP) {
      for (let j = gap.newStart; j < gap.newEnd; j++) {
        if (shared[j] === -1) {
          shared[j] = 0;
          touched.push(j);
        }
      }
    }
    // The best MAX_CANDIDATES by shared words, then same gap, then position: a selection, not a sort of every
    // block sharing a word (far-apart versions have many). The order is total, so the selection does not
    // depend on the order blocks are met in.
    const gapOfI = gapOfOld[i];
    const before = (a: number, b: number): boolean => {
      const byShared = (shared[b] as number) - (shared[a] as number);
      if (byShared !== 0) return byShared < 0;
      const byGap = Number(gapOfNew[a] !== gapOfI) - Number(gapOfNew[b] !== gapOfI);
      return byGap !== 0 ? byGap < 0 : a < b;
    };
    top.length = 0;
    for (let n = 0; n < touched.length; n++) {
      const j = touched[n] as number;
      // Fewer shared words than the last of a full selection: out, without the full comparison.
      if (top.length === MAX_CANDIDATES && ((shared[j] as number) < (shared[top[MAX_CANDIDATES - 1] as number] as number) || !before(j, top[MAX_CANDIDATES - 1] as number))) continue;
      let k = top.length;
      top.push(j);
      while (k > 0 && before(j, top[k - 1] as number)) {
        top[k] = top[k - 1] as number;
        k--;
      }
      top[k] = j;
      if (top.length > MAX_CANDIDATES) top.pop();
    }
    for (const j of top) {
      if (j === sameId) continue;
      const { sim, moveSim } = similarityOf(oldSide, i, newSide, j);
      if (sim > 0) pairs.push({ oldIndex: i, newIndex: j, sim, moveSim });
    }
  }
  return pairs;
}

// The column map of the tables two rows belong to (see columnMap), from each table's header row (its first
// row, when all its cells are headers); made once per pair of tables, and only for tables with a changed row.
function columnsBetween(oldBlocks: readonly Block[], newBlocks: readonly Block[]): (ob: Block, nb: Block) => ColumnMap | undefined {
  let headers: [Map<string, Block>, Map<string, Block>] | undefined;
  const memo = new Map<string, ColumnMap | undefined>();
  const firstRows = (blocks: readonly Block[]): Map<string, Block> => {
    const rows = new Map<string, Block>();
    for (const b of blocks) if (b.kind === 'table-row' && b.container !== undefined && !rows.has(b.container)) rows.set(b.container, b);
    return rows;
  };
  return (ob, nb) => {
    if (ob.container === undefined || nb.container === undefined) return undefined;
    const key = `${ob.container}\u0000${nb.container}`;
    if (memo.has(key)) return memo.get(key);
    headers ??= [firstRows(oldBlocks), firstRows(newBlocks)];
    const oh = headers[0].get(ob.container)?.cells;
    const nh = headers[1].get(nb.container)?.cells;
    const isHeader = (cells: Cell[] | undefined): cells is Cell[] => cells !== undefined && cells.length > 0 && cells.every((c) => c.header);
    const map = isHeader(oh) && isHeader(nh) ? columnMap(oh, nh) : undefined;
    memo.set(key, map);
    return map;
  };
}

function blockEdit(oldSide: Side, newSide: Side, p: Pair, maxEditLength: number, columns: (ob: Block, nb: Block) => ColumnMap | undefined): BlockEdit {
  const ob = oldSide.blocks[p.oldIndex] as Block;
  const nb = newSide.blocks[p.newIndex] as Block;
  const contextChanged =
    ob.kind !== nb.kind || ob.level !== nb.level || ob.context.join('>') !== nb.context.join('>') || ob.lang !== nb.lang;
  if (ob.cells !== undefined || nb.cells !== undefined) {
    const map = ob.cells !== undefined && nb.cells !== undefined ? columns(ob, nb) : undefined;
    return { ops: [], cells: diffCells(ob.cells ?? [], nb.cells ?? [], maxEditLength, map), replaced: false, contextChanged };
  }
  const { ops, replaced } = wordDiff(blockTokens(ob), blockTokens(nb), maxEditLength);
  return { ops, replaced, contextChanged };
}

// The word diff of two token lists, memoised per pair of lists (which blocks with the same content share,
// ./tokenize.ts): comparing each version with the one in force meets the same edit again and again (a
// paragraph changed once, and compared from each version before the change). The memoised ops are frozen,
// as every model that has them shares them.
const wordDiffMemo = new WeakMap<readonly Token[], WeakMap<readonly Token[], { maxEditLength: number; diff: InlineDiff }>>();

function wordDiff(oldTokens: Token[], newTokens: Token[], maxEditLength: number): InlineDiff {
  let byNew = wordDiffMemo.get(oldTokens);
  const known = byNew?.get(newTokens);
  if (known !== undefined && known.maxEditLength === maxEditLength) return known.diff;
  const diff = diffTokens(oldTokens, newTokens, maxEditLength);
  for (const op of diff.ops) {
    Object.freeze(op.tokens);
    if (op.old !== undefined) Object.freeze(op.old);
    Object.freeze(op);
  }
  Object.freeze(diff.ops);
  if (byNew === undefined) {
    byNew = new WeakMap();
    wordDiffMemo.set(oldTokens, byNew);
  }
  byNew.set(newTokens, { maxEditLength, diff: Object.freeze(diff) });
  return diff;
}

// Longest subsequence of pairs (sorted by old index) whose new indices increase; O(n log n).
function longestIncreasing(pairs: readonly Pair[]): Pair[] {
  const tails: number[] = [];
  const prev: number[] = new Array<number>(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    const v = (pairs[k] as Pair).newIndex;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((pairs[tails[mid] as number] as Pair).newIndex < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1] as number;
    tails[lo] = k;
  }
  const out: Pair[] = [];
  for (let k = tails.at(-1) ?? -1; k !== -1; k = prev[k] as number) out.push(pairs[k] as Pair);
  return out.reverse();
}

function range(start: number, end: number): number[] {
  const out: number[] = [];
  for (let k = start; k < end; k++) out.push(k);
  return out;
}
