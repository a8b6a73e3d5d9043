// How precisely the redline marks changes: its marked words against a plain word diff of the two texts.
// A plain word diff (LCS over the words of the whole document, no cap) marks the fewest words any correct
// diff can mark; every word the redline marks beyond that is unchanged text shown as changed (over-marking),
// and a redline that marked fewer would have missed a change. Pairs come from real version histories (the
// built site's blocks) and from realistic edits made to each version's blocks (editPairs): the edits real
// policies see (a word, a number, a clause reference, a sentence dropped, a clause added, a paragraph made a
// list item, bold or a link target changed, a row renamed or added, a passage moved).
import { diffArrays } from 'diff';
import { diffBlocks } from '../../src/lib/diff/diff-blocks.ts';
import type { Block, CellChange, ChangeModel, InlineOp, InlineRun } from '../../src/lib/diff/model.ts';
import { blocksText, newSideText, oldSideText } from '../../src/lib/diff/sides.ts';
import { blockTokens, countWords, isWordToken } from '../../src/lib/diff/tokenize.ts';
import { seededRandom } from './corpus.ts';

/** One pair of versions to measure. */
export interface PrecisionPair {
  name: string;
  old: readonly Block[];
  new: readonly Block[];
}

/** What one pair (or a whole set) measured. */
export interface PrecisionResult {
  pairs: number;
  /** Words the redline marks as inserted, deleted or moved (each side once). */
  marked: number;
  /** Words a plain word diff of the whole texts marks (the least any correct diff can). */
  plain: number;
  /** Marked words beyond the plain diff: unchanged text shown as changed. */
  overMarked: number;
  /** Plain-diff words the redline did not mark (a missed change), summed per pair. */
  missed: number;
  /** Words shown with a formatting change (same words, other marks); not counted in `marked`. */
  reformatted: number;
  /** Pairs whose model does not read back both versions exactly (the engine's invariant). */
  unfaithful: string[];
  /** overMarked / marked. */
  ratio: number;
}

function words(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) for (const t of blockTokens(b)) if (isWordToken(t)) out.push(t.text);
  return out;
}

function opsWords(ops: readonly InlineOp[]): { marked: number; reformatted: number } {
  let marked = 0;
  let reformatted = 0;
  for (const op of ops) {
    if (op.op === 'insert' || op.op === 'delete') marked += countWords(op.tokens);
    else if (op.op === 'format') reformatted += countWords(op.tokens);
  }
  return { marked, reformatted };
}

function cellsWords(cells: readonly CellChange[]): { marked: number; reformatted: number } {
  let marked = 0;
  let reformatted = 0;
  for (const c of cells) {
    if (c.type === 'added' || c.type === 'removed') marked += countWords(blockTokens({ id: '', kind: 'paragraph', section: '', sectionTitle: '', context: [], text: c.cell.text, inline: c.cell.inline }));
    else if (c.type === 'changed') {
      const w = opsWords(c.ops);
      marked += w.marked;
      reformatted += w.reformatted;
    }
  }
  return { marked, reformatted };
}

/** Words a change model marks (inserted, deleted, moved) and words it shows reformatted. */
export function markedWords(model: ChangeModel): { marked: number; reformatted: number } {
  let marked = 0;
  let reformatted = 0;
  const add = (w: { marked: number; reformatted: number }): void => {
    marked += w.marked;
    reformatted += w.reformatted;
  };
  for (const e of model.entries) {
    if (e.type === 'added') marked += countWords(blockTokens(e.new));
    else if (e.type === 'removed' || e.type === 'moved-from') marked += countWords(blockTokens(e.old));
    else if (e.type === 'moved-to') marked += countWords(blockTokens(e.new));
    else if (e.type === 'changed') add(e.edit.cells === undefined ? opsWords(e.edit.ops) : cellsWords(e.edit.cells));
  }
  return { marked, reformatted };
}

/** Measure pairs: the redline (diffBlocks with its defaults) against a plain word diff of each pair. */
export function measurePrecision(pairs: readonly PrecisionPair[]): PrecisionResult {
  const result: PrecisionResult = { pairs: 0, marked: 0, plain: 0, overMarked: 0, missed: 0, reformatted: 0, unfaithful: [], ratio: 0 };
  for (const pair of pairs) {
    const model = diffBlocks(pair.old, pair.new);
    if (oldSideText(model) !== blocksText(pair.old) || newSideText(model) !== blocksText(pair.new)) result.unfaithful.push(pair.name);
    const { marked, reformatted } = markedWords(model);
    let plain = 0;
    for (const change of diffArrays(words(pair.old), words(pair.new))) if (change.added || change.removed) plain += change.count;
    result.pairs++;
    result.marked += marked;
    result.plain += plain;
    result.reformatted += reformatted;
    result.overMarked += Math.max(0, marked - plain);
    result.missed += Math.max(0, plain - marked);
  }
  result.ratio = result.marked === 0 ? 0 : result.overMarked / result.marked;
  return result;
}

// ---- Realistic edits ----

type Edit = (blocks: Block[], rand: () => number) => string | undefined;

const pick = <T>(items: readonly T[], rand: () => number): T | undefined => items[Math.floor(rand() * items.length)];

function withInline(block: Block, inline: InlineRun[]): Block {
  return { ...block, inline, text: inline.map((r) => r.text).join('') };
}

function textBlocks(blocks: readonly Block[]): number[] {
  const out: number[] = [];
  blocks.forEach((b, k) => {
    if ((b.kind === 'paragraph' || b.kind === 'list-item') && b.inline.length > 0 && b.text.split(' ').length >= 6) out.push(k);
  });
  return out;
}

// Replace within one run's text; runs keep their marks.
function replaceInRuns(inline: readonly InlineRun[], from: RegExp, to: (match: string) => string): InlineRun[] | undefined {
  for (let k = 0; k < inline.length; k++) {
    const run = inline[k] as InlineRun;
    const m = from.exec(run.text);
    if (m === null) continue;
    const text = run.text.slice(0, m.index) + to(m[0]) + run.text.slice(m.index + m[0].length);
    return [...inline.slice(0, k), { ...run, text }, ...inline.slice(k + 1)];
  }
  return undefined;
}

const REPLACEMENTS = ['promptly', 'securely', 'lawfully', 'reasonable', 'written', 'additional', 'relevant', 'limited'];
const CLAUSES = [
  ', unless the law requires otherwise',
  ', as described in our Data Processing Addendum',
  ' and only for as long as we need it',
  ', including through our sub-processors listed on our website',
];
const NEW_SENTENCES = [
  'We review this practice at least once a year.',
  'You can ask us for more details at any time.',
  'This applies to customers in the United Kingdom and the European Economic Area.',
];

/** The edits editPairs makes, by name; each changes `blocks` in place and returns a name, or undefined if it does not apply. */
export const EDITS: Record<string, Edit> = {
  'word replaced': (blocks, rand) => {
    const k = pick(textBlocks(blocks), rand);
    if (k === undefined) return undefined;
    const b = blocks[k] as Block;
    const inline = replaceInRuns(b.inline, /\b[a-z]{5,}\b/u, () => pick(REPLACEMENTS, rand) ?? 'lawfully');
    if (inline === undefined) return undefined;
    blocks[k] = withInline(b, inline);
    return 'word replaced';
  },
  'number changed': (blocks, rand) => {
    const k = pick(blocks.map((b, i) => (/\d/u.test(b.text) && b.cells === undefined ? i : -1)).filter((i) => i >= 0), rand);
    if (k === undefined) return undefined;
    const b = blocks[k] as Block;
    const inline = replaceInRuns(b.inline, /\d+/u, (d) => String(Number(d) + 1 + Math.floor(rand() * 5)));
    if (inline === undefined) return undefined;
    blocks[k] = withInline(b, inline);
    return 'number changed';
  },
  'clause reference changed': (blocks, rand) => {
    const ref = /\b(?:[A-Z]|\d+)\.\d+\b/u;
    const k = pick(blocks.map((b, i) => (ref.test(b.text) && b.cells === undefined ? i : -1)).filter((i) => i >= 0), rand);
    if (k === undefined) return undefined;
    const b = blocks[k] as Block;
    const inline = replaceInRuns(b.inline, ref, (r) => r.replace(/\d+$/u, (d) => String(Number(d) === 1 ? 7 : 1)));
    if (inline === undefined) return undefined;
    blocks[k] = withInline(b, inline);
    return 'clause reference changed';
  },
  'sentence removed': (blocks, rand) => {
    const ks = textBlocks(blocks).filter((k) => ((blocks[k] as Block).text.match(/\. [A-Z]/gu) ?? []).length >= 1);
    const k = pick(ks, rand);
    if (k === undefined) return undefined;
    const b = blocks[k] as Block;
    // A whole sentence: from the run's start or after a full stop, up to the next sentence.
    const inline = replaceInRuns(b.inline, /(?:^|(?<=\. ))[A-Z][^.]*\.\s(?=[A-Z])/u, () => '');
    if (inline === undefined) return undefined;
    blocks[k] = withInline(b, inline);
    return 'sentence removed';
  },
  'clause added': (blocks, rand) => {
    const k = pick(textBlocks(blocks), rand);
    if (k === undefined) return undefined;
    const b = blocks[k] as Block;
    const inline = replaceInRuns(b.inline, /\.$/u, () => `${pick(CLAUSES, rand) ?? ''}.`);
    if (inline === undefined) return undefined;
    blocks[k] = withInline(b, inline);
    return 'clause added';
  },
  'sentence added': (blocks, rand) => {
    const k = pick(textBlocks(blocks), rand);
    if (k === undefined) return undefined;
    const b = blocks[k] as Block;
    const last = b.inline.at(-1) as InlineRun;
    blocks[k] = withInline(b, [...b.inline.slice(0, -1), { ...last, text: `${last.text} ${pick(NEW_SENTENCES, rand) ?? ''}` }]);
    return 'sentence added';
  },
  'paragraph became a list item': (blocks, rand) => {
    const k = pick(blocks.map((b, i) => (b.kind === 'paragraph' ? i : -1)).filter((i) => i >= 0), rand);
    if (k === undefined) return undefined;
    const b = blocks[k] as Block;
    blocks[k] = { ...b, kind: 'list-item', context: [...b.context, 'ul'], container: 'ul-edit', depth: 1 };
    return 'paragraph became a list item';
  },
  'words made bold': (blocks, rand) => {
    const k = pick(textBlocks(blocks), rand);
    if (k === undefined) return undefined;
    const b = blocks[k] as Block;
    const first = b.inline[0] as InlineRun;
    const m = /^\S+ \S+/u.exec(first.text);
    if (m === null || first.marks.includes('strong')) return undefined;
    blocks[k] = withInline(b, [{ text: m[0], marks: [...first.marks, 'strong'].sort() }, { ...first, text: first.text.slice(m[0].length) }, ...b.inline.slice(1)]);
    return 'words made bold';
  },
  'link target changed': (blocks, rand) => {
    const ks = blocks.map((b, i) => (b.inline.some((r) => r.marks.some((m) => m.startsWith('a:'))) ? i : -1)).filter((i) => i >= 0);
    const k = pick(ks, rand);
    if (k === undefined) return undefined;
    const b = blocks[k] as Block;
    const inline = b.inline.map((r) => ({ ...r, marks: r.marks.map((m) => (m.startsWith('a:') ? `${m}#updated` : m)) }));
    blocks[k] = withInline(b, inline);
    return 'link target changed';
  },
  'list item removed': (blocks, rand) => {
    const k = pick(blocks.map((b, i) => (b.kind === 'list-item' ? i : -1)).filter((i) => i >= 0), rand);
    if (k === undefined) return undefined;
    blocks.splice(k, 1);
    return 'list item removed';
  },
  'paragraph added': (blocks, rand) => {
    const k = pick(textBlocks(blocks), rand);
    if (k === undefined) return undefined;
    const b = blocks[k] as Block;
    const text = `${pick(NEW_SENTENCES, rand) ?? ''} We will tell you before this changes.`;
    blocks.splice(k + 1, 0, { ...b, id: `${b.id}-new`, kind: 'paragraph', context: [], inline: [{ text, marks: [] }], text });
    return 'paragraph added';
  },
  'table cell changed': (blocks, rand) => {
    const k = pick(blocks.map((b, i) => (b.cells !== undefined && b.cells.length > 2 && !b.cells[0]?.header ? i : -1)).filter((i) => i >= 0), rand);
    if (k === undefined) return undefined;
    const b = blocks[k] as Block;
    const cells = [...(b.cells ?? [])];
    const c = Math.min(cells.length - 1, 1 + Math.floor(rand() * (cells.length - 1)));
    const cell = cells[c];
    if (cell === undefined) return undefined;
    const text = `${cell.text} and Ireland (EU)`;
    cells[c] = { ...cell, text, inline: [{ text, marks: [] }] };
    blocks[k] = { ...b, cells, text: cells.map((x) => x.text).join(' | ') };
    return 'table cell changed';
  },
  'table row renamed': (blocks, rand) => {
    const k = pick(blocks.map((b, i) => (b.cells !== undefined && b.cells.length > 2 && !b.cells[0]?.header ? i : -1)).filter((i) => i >= 0), rand);
    if (k === undefined) return undefined;
    const b = blocks[k] as Block;
    const cells = [...(b.cells ?? [])];
    const key = cells[0] as NonNullable<Block['cells']>[number];
    const text = `${key.text} (now part of Example Group)`;
    cells[0] = { ...key, text, inline: [{ text, marks: key.inline[0]?.marks ?? [] }] };
    blocks[k] = { ...b, cells, text: cells.map((x) => x.text).join(' | ') };
    return 'table row renamed';
  },
  'passage moved': (blocks, rand) => {
    const ks = textBlocks(blocks);
    const from = pick(ks, rand);
    const to = pick(ks, rand);
    if (from === undefined || to === undefined || Math.abs(from - to) < 3) return undefined;
    const [moved] = blocks.splice(from, 1);
    const target = blocks[to > from ? to - 1 : to] as Block;
    blocks.splice(to > from ? to - 1 : to, 0, { ...(moved as Block), section: target.section, sectionTitle: target.sectionTitle });
    return 'passage moved';
  },
};

/**
 * Realistic edit pairs from one version's blocks: `count` pairs, each the version against a copy with 1 to
 * `maxEdits` edits from EDITS (deterministic for a seed). Moves are one edit in ten, as in real histories.
 */
export function editPairs(name: string, blocks: readonly Block[], count: number, seed: number, maxEdits = 4): PrecisionPair[] {
  const rand = seededRandom(seed);
  const names = Object.keys(EDITS).filter((n) => n !== 'passage moved');
  const pairs: PrecisionPair[] = [];
  for (let p = 0; p < count; p++) {
    const edited = [...blocks];
    const done: string[] = [];
    const n = 1 + Math.floor(rand() * maxEdits);
    for (let e = 0; e < n; e++) {
      const editName = rand() < 0.1 ? 'passage moved' : (pick(names, rand) as string);
      const applied = (EDITS[editName] as Edit)(edited, rand);
      if (applied !== undefined) done.push(applied);
    }
    if (done.length > 0) pairs.push({ name: `${name} #${p + 1}: ${done.join(', ')}`, old: blocks, new: edited });
  }
  return pairs;
}

/** The result as a few lines for a terminal or a report. */
export function formatPrecision(label: string, r: PrecisionResult): string {
  const oneIn = r.overMarked === 0 ? 'none' : `1 in ${(r.marked / r.overMarked).toFixed(0)}`;
  return (
    `${label}: ${r.pairs} pairs, ${r.marked} marked words, ${r.plain} in a plain word diff; ` +
    `over-marked ${r.overMarked} (${(100 * r.ratio).toFixed(2)}%, ${oneIn}), missed ${r.missed}, ` +
    `reformatted ${r.reformatted}, unfaithful ${r.unfaithful.length}`
  );
}
