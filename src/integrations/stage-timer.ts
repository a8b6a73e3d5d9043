/**
 * Build stage timings for `npm run bench`. Off unless src/integrations/stage-timings.ts switched them on (it does
 * so only when REDLINE_BENCH_TIMINGS names an output file); off, every function here is a pass-through.
 *
 * The recorder lives on globalThis because the integrations (loaded with the Astro config) and the data layer
 * (bundled by Vite for prerendering) get separate copies of this module in the same process. The clock is read
 * here only to measure durations for the benchmark; nothing it measures reaches the site's output.
 */

/** A named time span, in ms since the process started (performance.now()). */
export interface StageSpan {
  stage: string;
  start: number;
  end: number;
}

interface Recorder {
  spans: StageSpan[];
  marks: Record<string, number>;
  /** Time spent in worker threads, by stage: parallel to the main thread's stages, so not part of their total. */
  workers: Record<string, { ms: number; count: number }>;
}

const KEY = Symbol.for('redline.stage-timer');
type WithRecorder = typeof globalThis & { [KEY]?: Recorder };

function recorder(): Recorder | undefined {
  return (globalThis as WithRecorder)[KEY];
}

/** Switches recording on for this process (idempotent) and returns the recorder's spans and marks. */
export function enableStageTimings(): Recorder {
  const global = globalThis as WithRecorder;
  global[KEY] ??= { spans: [], marks: {}, workers: {} };
  return global[KEY];
}

/** Whether stage timings are being recorded. */
export function stageTimingsEnabled(): boolean {
  return recorder() !== undefined;
}

/** Runs `fn` and records its duration (until its promise settles) under `stage`; just runs it when timings are off. */
export function timeStage<T>(stage: string, fn: () => T): T {
  const rec = recorder();
  if (!rec) return fn();
  const start = performance.now();
  const result = fn();
  if (result instanceof Promise) {
    return result.finally(() => rec.spans.push({ stage, start, end: performance.now() })) as T;
  }
  rec.spans.push({ stage, start, end: performance.now() });
  return result;
}

/** Adds `ms` spent on a task of `stage` in a worker thread (src/data/diff-pool.ts); nothing when timings are off. */
export function recordWorkerTime(stage: string, ms: number): void {
  const rec = recorder();
  if (!rec) return;
  const total = (rec.workers[stage] ??= { ms: 0, count: 0 });
  total.ms += ms;
  total.count += 1;
}

/** Records the time of `name` the first time it is reached. */
export function markStage(name: string): void {
  const rec = recorder();
  if (rec && rec.marks[name] === undefined) rec.marks[name] = performance.now();
}

type Intervals = Array<[number, number]>;

function union(intervals: Intervals): Intervals {
  const sorted = [...intervals].filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Intervals = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function subtract(from: Intervals, minus: Intervals): Intervals {
  const out: Intervals = [];
  for (const [a, b] of from) {
    let start = a;
    for (const [c, d] of minus) {
      if (d <= start || c >= b) continue;
      if (c > start) out.push([start, c]);
      start = Math.max(start, d);
      if (start >= b) break;
    }
    if (start < b) out.push([start, b]);
  }
  return out;
}

const length = (intervals: Intervals): number => intervals.reduce((sum, [a, b]) => sum + (b - a), 0);

/**
 * Wall time of each stage with overlaps counted once: time where several stages are active goes to the one
 * listed first in `priority` (the innermost, e.g. diff inside feeds inside pages), so the totals add up to the
 * wall time the spans cover. Stages missing from `priority` come last, in order of first appearance.
 */
export function exclusiveStageTotals(spans: readonly StageSpan[], priority: readonly string[]): Record<string, number> {
  const stages = [...new Set([...priority, ...spans.map((span) => span.stage)])];
  const totals: Record<string, number> = {};
  let covered: Intervals = [];
  for (const stage of stages) {
    const own = union(spans.filter((span) => span.stage === stage).map((span): [number, number] => [span.start, span.end]));
    if (own.length === 0) continue;
    totals[stage] = length(subtract(own, covered));
    covered = union([...covered, ...own]);
  }
  return totals;
}
