/**
 * The diff work of one build, replayed without Astro: every task a build's diff worker ran (blocks JSON, compare
 * pages, source diffs), in the order it ran them, through the worker's own functions (src/workers/diff-tasks.ts,
 * with its per-version memo of blocks), timed per task as the build times them. Prints the totals per stage, p50
 * and p90 of adjacent and far comparisons, and a sha256 of every result, so that a change to the engine can be
 * checked for the same output in seconds instead of a full build.
 *
 * Its input is a recording of a build's tasks: a directory with `tasks.jsonl` (one task a line, as sent to the
 * worker, versions by key: `{"task":"compare","from":key,"to":key,"options":{...}}`, `{"task":"blocks","key":key}`,
 * `{"task":"source","oldSource":...,"newSource":...,"names":{...}}`) and `html/<encodeURIComponent(key)>.html`, each
 * version's rendered HTML (what src/data/rendered-versions.ts `versionHtml()` returns). Record one by appending each
 * task's input there from the three task functions of src/workers/diff-tasks.ts during one build of the bench
 * corpus (a throwaway change, not kept).
 *
 * Run: node scripts/bench/diff-corpus.ts <recording dir> [--only=compare|blocks|source]. One process is one cold
 * worker; run it several times and compare CPU-quiet figures (the machine is shared).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareVersions, diffSources, type VersionHtml, versionBlocksJson } from '../../src/workers/diff-tasks.ts';
import type { ComparisonOptions } from '../../src/lib/diff/comparison.ts';
import type { SourceFileNames } from '../../src/lib/diff/source-diff.ts';

type Task =
  | { task: 'blocks'; key: string }
  | { task: 'compare'; from: string; to: string; options: ComparisonOptions }
  | { task: 'source'; oldSource: string; newSource: string; names: SourceFileNames };

const dir = process.argv[2];
if (dir === undefined) {
  console.error('usage: node scripts/bench/diff-corpus.ts <recording dir> [--only=compare|blocks|source]');
  process.exit(2);
}
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);

const tasks = readFileSync(join(dir, 'tasks.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => JSON.parse(line) as Task)
  .filter((t) => only === undefined || t.task === only);

// Read every version's HTML before timing anything.
const html = new Map<string, VersionHtml>();
const versionOf = (key: string): VersionHtml => {
  let v = html.get(key);
  if (v === undefined) {
    v = { key, html: readFileSync(join(dir, 'html', `${encodeURIComponent(key)}.html`), 'utf8') };
    html.set(key, v);
  }
  return v;
};
for (const t of tasks) {
  if (t.task === 'blocks') versionOf(t.key);
  if (t.task === 'compare') [t.from, t.to].forEach(versionOf);
}

// A version's place in its document (keys are `<document>/<version id>@<sha256>`, ids sort by date), so that a
// comparison is adjacent (a version against the one before) or far.
const ids = new Map<string, string[]>();
for (const key of html.keys()) {
  const [doc = '', id = ''] = key.split('@')[0]?.split('/') ?? [];
  ids.set(doc, [...(ids.get(doc) ?? []), id]);
}
for (const list of ids.values()) list.sort();
const position = (key: string): number => {
  const [doc = '', id = ''] = key.split('@')[0]?.split('/') ?? [];
  return ids.get(doc)?.indexOf(id) ?? -1;
};

const times: Record<string, number[]> = { blocks: [], adjacent: [], far: [], source: [] };
// CPU time of this thread per stage: on a shared machine the tasks' own (wall) ms vary with the load, CPU time less.
const cpuTimes: Record<string, number> = { blocks: 0, adjacent: 0, far: 0, source: 0 };
const threadCpu = (): number => {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
};
const digest = createHash('sha256');
const cpuStart = process.cpuUsage();
const wallStart = performance.now();
for (const t of tasks) {
  const cpuBefore = threadCpu();
  let stage: string;
  if (t.task === 'blocks') {
    stage = 'blocks';
    const { value, ms } = await versionBlocksJson({ version: versionOf(t.key) });
    times[stage]?.push(ms);
    cpuTimes[stage] = (cpuTimes[stage] ?? 0) + threadCpu() - cpuBefore;
    digest.update(value);
  } else if (t.task === 'compare') {
    const { value, ms } = await compareVersions({ from: versionOf(t.from), to: versionOf(t.to), options: t.options });
    stage = position(t.to) - position(t.from) === 1 ? 'adjacent' : 'far';
    times[stage]?.push(ms);
    cpuTimes[stage] = (cpuTimes[stage] ?? 0) + threadCpu() - cpuBefore;
    digest.update(JSON.stringify(value));
  } else {
    const { value, ms } = await diffSources({ oldSource: t.oldSource, newSource: t.newSource, names: t.names });
    stage = 'source';
    times[stage]?.push(ms);
    cpuTimes[stage] = (cpuTimes[stage] ?? 0) + threadCpu() - cpuBefore;
    digest.update(JSON.stringify(value));
  }
  digest.update('\u0000');
}
const wall = performance.now() - wallStart;
const cpu = process.cpuUsage(cpuStart);

const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const line = (name: string, list: readonly number[]): string => {
  const sorted = [...list].sort((a, b) => a - b);
  const sum = list.reduce((s, x) => s + x, 0);
  return `${name.padEnd(9)} ${String(list.length).padStart(4)} tasks ${sum.toFixed(0).padStart(6)} ms  p50 ${quantile(sorted, 0.5).toFixed(1).padStart(5)}  p90 ${quantile(sorted, 0.9).toFixed(1).padStart(5)}  cpu ${(cpuTimes[name] ?? 0).toFixed(0).padStart(6)} ms`;
};
for (const [name, list] of Object.entries(times)) if (list.length > 0) console.log(line(name, list));
const all = Object.values(times).flat();
const threadTotal = Object.values(cpuTimes).reduce((s, x) => s + x, 0);
console.log(`total     ${String(all.length).padStart(4)} tasks ${all.reduce((s, x) => s + x, 0).toFixed(0).padStart(6)} ms  cpu ${threadTotal.toFixed(0)} ms this thread (process: wall ${wall.toFixed(0)} ms, cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms)`);
console.log(`output sha256 ${digest.digest('hex')}`);
