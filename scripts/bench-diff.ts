// Diff engine benchmark: median and 95th percentile per pair at 2k, 10k and 50k words, for 1% of
// sentences changed, 10% changed plus a moved section, and a full rewrite with unrelated text, next to a
// plain two-level baseline (diffArrays over blocks, then diffWords in changed blocks, maxEditLength 1000).
// Run: node scripts/bench-diff.ts [--quick]. `runDiffBenchmark()` is exported for `npm run bench`.
import { pathToFileURL } from 'node:url';
import { diffArrays, diffWords } from 'diff';
import { extractBlocks } from '../src/lib/diff/blocks.ts';
import { diffBlocks } from '../src/lib/diff/diff-blocks.ts';
import type { Block } from '../src/lib/diff/model.ts';
import { seededRandom } from './bench/corpus.ts';

/** One measured scenario. */
export interface DiffBenchRow {
  words: number;
  scenario: string;
  blocks: number;
  medianMs: number;
  p95Ms: number;
  baselineMedianMs: number;
  baselineP95Ms: number;
  /** Aim from issue 3, in ms, when there is one. */
  aimMs?: number;
}

/** Options of runDiffBenchmark. */
export interface DiffBenchOptions {
  sizes?: number[];
  /** Scale the number of timed runs (1 = default). */
  runsFactor?: number;
}

const SYLLABLES = ['da', 'ta', 'pro', 'ces', 'sor', 'con', 'trol', 'ler', 'ac', 'count', 're', 'ten', 'tion', 'pri', 'va', 'cy', 'ser', 'vice', 'law', 'ful', 'in', 'form', 'ment', 'ex', 'port', 'sub', 'ject'];

function vocabulary(rand: () => number, size: number): string[] {
  const words = new Set<string>(['the', 'of', 'and', 'to', 'we', 'you', 'your', 'data', 'may', 'for', 'in', 'a']);
  while (words.size < size) {
    const n = 1 + Math.floor(rand() * 3);
    let w = '';
    for (let k = 0; k < n; k++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words];
}

interface Section {
  id: string;
  title: string;
  parts: Array<{ kind: 'p'; sentences: string[] } | { kind: 'ul'; items: string[] } | { kind: 'table'; rows: string[][] }>;
}

function sentence(rand: () => number, vocab: readonly string[]): string {
  const n = 8 + Math.floor(rand() * 12);
  const words: string[] = [];
  // Zipf-ish: common words come up often, as in real text.
  for (let k = 0; k < n; k++) words.push(vocab[Math.floor(vocab.length * rand() ** 3)] as string);
  const s = words.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

function generate(seed: number, targetWords: number): Section[] {
  const rand = seededRandom(seed);
  const vocab = vocabulary(rand, 3000);
  const sections: Section[] = [];
  let words = 0;
  let tableDone = false;
  while (words < targetWords) {
    const title = `${sentence(rand, vocab).split(' ').slice(0, 3).join(' ')} ${sections.length + 1}`;
    const section: Section = { id: `s${seed}-${sections.length + 1}`, title, parts: [] };
    const nParts = 3 + Math.floor(rand() * 4);
    for (let p = 0; p < nParts && words < targetWords; p++) {
      if (!tableDone && sections.length === 2) {
        const rows = Array.from({ length: 12 }, () => [sentence(rand, vocab).split(' ')[0] ?? 'x', sentence(rand, vocab).split(' ').slice(0, 4).join(' '), 'EU']);
        section.parts.push({ kind: 'table', rows });
        tableDone = true;
      } else if (rand() < 0.25) {
        const items = Array.from({ length: 3 + Math.floor(rand() * 4) }, () => sentence(rand, vocab));
        section.parts.push({ kind: 'ul', items });
      } else {
        section.parts.push({ kind: 'p', sentences: Array.from({ length: 2 + Math.floor(rand() * 4) }, () => sentence(rand, vocab)) });
      }
      const part = section.parts.at(-1);
      if (part !== undefined) words += toHtml([{ ...section, parts: [part] }]).split(' ').length;
    }
    sections.push(section);
  }
  return sections;
}

function toHtml(sections: readonly Section[]): string {
  let html = '';
  for (const s of sections) {
    html += `<h2 id="${s.id}">${s.title}</h2>`;
    for (const part of s.parts) {
      if (part.kind === 'p') html += `<p>${part.sentences.join(' ')}</p>`;
      else if (part.kind === 'ul') html += `<ul>${part.items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
      else html += `<table><tbody>${part.rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
    }
  }
  return html;
}

// Change a share of sentences (swap, drop or insert a word), optionally move one section to the end.
function edit(sections: readonly Section[], share: number, move: boolean, seed: number): Section[] {
  const rand = seededRandom(seed);
  const vocab = vocabulary(seededRandom(seed + 1), 3000);
  const change = (s: string): string => {
    if (rand() >= share) return s;
    const words = s.split(' ');
    const at = Math.floor(rand() * words.length);
    const r = rand();
    if (r < 0.4) words[at] = vocab[Math.floor(rand() * vocab.length)] as string;
    else if (r < 0.7) words.splice(at, 0, vocab[Math.floor(rand() * vocab.length)] as string, 'not');
    else if (words.length > 3) words.splice(at, 1);
    return words.join(' ');
  };
  const out: Section[] = sections.map((s) => ({
    ...s,
    parts: s.parts.map((p) =>
      p.kind === 'p' ? { kind: 'p', sentences: p.sentences.map(change) } : p.kind === 'ul' ? { kind: 'ul', items: p.items.map(change) } : { kind: 'table', rows: p.rows.map((r) => r.map(change)) },
    ),
  }));
  if (move && out.length > 4) {
    const [moved] = out.splice(1, 1);
    if (moved !== undefined) out.push(moved);
  }
  return out;
}

function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { median: at(0.5), p95: at(0.95) };
}

function time<I>(setup: () => I, fn: (input: I) => unknown, runs: number): { median: number; p95: number } {
  fn(setup());
  const samples: number[] = [];
  for (let k = 0; k < runs; k++) {
    const input = setup();
    const start = performance.now();
    fn(input);
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

/** The plain two-level diff of issue 3, for reference: blocks by text, then diffWords in replaced runs. */
export function baselineTwoLevel(oldBlocks: readonly Block[], newBlocks: readonly Block[]): number {
  let ops = 0;
  const a = oldBlocks.map((b) => b.text);
  const b = newBlocks.map((x) => x.text);
  let removed: string[] = [];
  const flush = (added: string[]): void => {
    const n = Math.min(removed.length, added.length);
    for (let k = 0; k < n; k++) ops += diffWords(removed[k] as string, added[k] as string, { maxEditLength: 1000 })?.length ?? 2;
    removed = [];
  };
  for (const change of diffArrays(a, b)) {
    if (change.removed) removed = change.value;
    else if (change.added) flush(change.value);
    else flush([]);
  }
  return ops;
}

/** The benchmark's document pairs at one size: 1% changed, 10% changed + a moved section, rewrite. */
export function benchmarkPairs(words: number): Array<{ scenario: string; oldBlocks: Block[]; newBlocks: Block[] }> {
  const base = generate(1000 + words, words);
  const oldBlocks = extractBlocks(toHtml(base));
  return [
    { scenario: '1%', oldBlocks, newBlocks: extractBlocks(toHtml(edit(base, 0.01, false, 7))) },
    { scenario: '10%+move', oldBlocks, newBlocks: extractBlocks(toHtml(edit(base, 0.1, true, 8))) },
    { scenario: 'rewrite', oldBlocks, newBlocks: extractBlocks(toHtml(generate(99 + words, words))) },
  ];
}

const AIMS: Record<string, number> = { '10000 1%': 5, '10000 10%+move': 30, '50000 rewrite': 500 };

/** Run the benchmark and return one row per size and scenario. */
export function runDiffBenchmark(options: DiffBenchOptions = {}): DiffBenchRow[] {
  const sizes = options.sizes ?? [2000, 10000, 50000];
  const factor = options.runsFactor ?? 1;
  const rows: DiffBenchRow[] = [];
  for (const words of sizes) {
    for (const { scenario, oldBlocks, newBlocks } of benchmarkPairs(words)) {
      const runs = Math.max(3, Math.round((words >= 50000 ? (scenario === 'rewrite' ? 5 : 10) : words >= 10000 ? 25 : 60) * factor));
      // Fresh copies of the blocks for every run (not timed): the engine memoises each block's tokens, so
      // diffing the same objects again would time a second diff of a pair, not a first one.
      const fresh = () => ({ a: structuredClone(oldBlocks), b: structuredClone(newBlocks) });
      const engine = time(fresh, ({ a, b }) => diffBlocks(a, b), runs);
      const baseline = time(fresh, ({ a, b }) => baselineTwoLevel(a, b), runs);
      const row: DiffBenchRow = {
        words, scenario, blocks: oldBlocks.length,
        medianMs: engine.median, p95Ms: engine.p95,
        baselineMedianMs: baseline.median, baselineP95Ms: baseline.p95,
      };
      const aim = AIMS[`${words} ${scenario}`];
      if (aim !== undefined) row.aimMs = aim;
      rows.push(row);
    }
  }
  return rows;
}

/** The rows as a plain-text table. */
export function formatDiffBenchmark(rows: readonly DiffBenchRow[]): string {
  const f = (n: number): string => n.toFixed(n < 10 ? 2 : 1);
  const head = ['words', 'scenario', 'blocks', 'median ms', 'p95 ms', 'baseline median', 'baseline p95', 'aim'];
  const lines = rows.map((r) => [String(r.words), r.scenario, String(r.blocks), f(r.medianMs), f(r.p95Ms), f(r.baselineMedianMs), f(r.baselineP95Ms), r.aimMs === undefined ? '' : `< ${r.aimMs}${r.medianMs < r.aimMs ? ' ok' : ' MISSED'}`]);
  const widths = head.map((h, k) => Math.max(h.length, ...lines.map((l) => (l[k] ?? '').length)));
  const fmt = (cells: string[]): string => cells.map((c, k) => c.padEnd(widths[k] ?? 0)).join('  ');
  return [fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  console.log(formatDiffBenchmark(runDiffBenchmark(quick ? { runsFactor: 0.3 } : {})));
}
