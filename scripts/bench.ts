/**
 * `npm run bench`: how fast the site builds, and how that scales.
 *
 * Generates a synthetic corpus (scripts/bench/corpus.ts) under .bench/, builds the full site with it
 * (scripts/build.ts, stage timings on) and a floor project that renders the same version pages as plain MDX
 * pages (scripts/bench/floor.ts), then prints build times, the stages, peak memory, pages and bytes by type,
 * the scaling aims of issue 8 with pass/fail, and the diff engine's table (scripts/bench-diff.ts).
 *
 *   npm run bench -- [--documents 10] [--versions 30] [--words 5000] [--seed 1]
 *                    [--diff-runs 1] [--no-scaling] [--no-floor] [--no-diff]
 *
 * Run one benchmark at a time: they share .bench/ and the machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { StageTimingsReport } from '../src/integrations/stage-timings.ts';
import { formatDiffBenchmark, runDiffBenchmark } from './bench-diff.ts';
import { type CorpusOptions, corpusSlug, generateCorpus, writeCorpus, writeLock } from './bench/corpus.ts';
import { writeFloorProject } from './bench/floor.ts';
import { type SiteStats, siteStats } from './bench/site-stats.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = join(ROOT, '.bench');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const TIME = '/usr/bin/time';

const { values: flags } = parseArgs({
  options: {
    documents: { type: 'string', default: '10' },
    versions: { type: 'string', default: '30' },
    words: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '1' },
    'diff-runs': { type: 'string', default: '1' },
    'no-scaling': { type: 'boolean', default: false },
    'no-floor': { type: 'boolean', default: false },
    'no-diff': { type: 'boolean', default: false },
  },
});
const positive = (name: string, value: string | undefined): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, not "${value}"`);
  return n;
};
const options: CorpusOptions = {
  documents: Math.round(positive('documents', flags.documents)),
  versions: Math.round(positive('versions', flags.versions)),
  words: Math.round(positive('words', flags.words)),
  seed: Math.round(positive('seed', flags.seed)),
};

/** One measured build. */
interface BuildRun {
  name: string;
  ms: number;
  maxRssMb: number | undefined;
  /** User + system CPU seconds of the build's processes: less disturbed than wall time by other work on the machine. */
  cpuS: number | undefined;
  outDir: string;
  timings: StageTimingsReport | undefined;
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Runs `args` with node (under /usr/bin/time -v when there is one, for peak memory) and times it. */
function timedNode(name: string, args: string[], env: Record<string, string | undefined>): { ms: number; maxRssMb: number | undefined; cpuS: number | undefined } {
  const logFile = join(BENCH, 'logs', `${name}.log`);
  const timeFile = join(BENCH, 'logs', `${name}.time`);
  mkdirSync(dirname(logFile), { recursive: true });
  const useTime = existsSync(TIME);
  const [command, commandArgs] = useTime ? [TIME, ['-v', '-o', timeFile, process.execPath, ...args]] : [process.execPath, args];
  const start = performance.now();
  const result = spawnSync(command, commandArgs as string[], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - start;
  writeFileSync(logFile, `${result.stdout}\n${result.stderr}`);
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}\n${result.stderr}`.split('\n').slice(-40).join('\n'));
    throw new Error(`${name}: the build failed (exit ${result.status}); full log in ${logFile}`);
  }
  // ru_maxrss of the waited-for child covers its own children too (Linux), so this is the astro process's peak.
  const report = useTime ? readFileSync(timeFile, 'utf8') : '';
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1];
  const user = /User time \(seconds\): ([\d.]+)/.exec(report)?.[1];
  const system = /System time \(seconds\): ([\d.]+)/.exec(report)?.[1];
  return { ms, maxRssMb: rss === undefined ? undefined : Number(rss) / 1024, cpuS: user === undefined || system === undefined ? undefined : Number(user) + Number(system) };
}

/** Builds the full site from `contentDir` with npm run build (scripts/build.ts), stage timings on. */
function buildSite(name: string, contentDir: string, now: string, cache: { dir: string; cold: boolean }): BuildRun {
  const outDir = join(BENCH, 'out', name);
  const timingsFile = join(BENCH, 'timings', `${name}.json`);
  const env: Record<string, string | undefined> = { ...process.env, REDLINE_OUT_DIR: outDir, REDLINE_CONTENT_DIR: contentDir, REDLINE_NOW: now, REDLINE_BENCH_TIMINGS: timingsFile, REDLINE_CACHE_DIR: cache.dir };
  delete env['SITE_URL'];
  delete env['BASE_PATH'];
  let measured: ReturnType<typeof timedNode> | undefined;
  for (let attempt = 1; !measured; attempt++) {
    rmSync(timingsFile, { force: true });
    if (cache.cold) rmSync(cache.dir, { recursive: true, force: true });
    log(`building ${name} (${cache.cold ? 'cold' : 'warm'} cache)...`);
    try {
      measured = timedNode(name, [join(ROOT, 'scripts/build.ts')], env);
    } catch (error) {
      // Astro writes the content module map to the project's .astro/ folder, which every build of the project
      // shares: another build running at the same time can swap it under ours ("Unexpected error while
      // rendering"). That says nothing about our build, so it is retried.
      const logText = readFileSync(join(BENCH, 'logs', `${name}.log`), 'utf8');
      if (attempt >= 3 || !logText.includes('Unexpected error while rendering')) throw error;
      log(`${name}: another build replaced .astro/content-modules.mjs during ours; building again`);
    }
  }
  const { ms, maxRssMb, cpuS } = measured;
  const timings = existsSync(timingsFile) ? (JSON.parse(readFileSync(timingsFile, 'utf8')) as StageTimingsReport) : undefined;
  log(`${name}: ${(ms / 1000).toFixed(1)} s`);
  return { name, ms, maxRssMb, cpuS, outDir, timings };
}

/** Builds the floor project over the same content, cold. */
function buildFloor(name: string, contentDir: string): BuildRun {
  const dir = join(BENCH, 'floor');
  writeFloorProject(dir, contentDir);
  const outDir = join(BENCH, 'out', name);
  log(`building ${name}...`);
  const env = { ...process.env, FLOOR_OUT_DIR: outDir, FLOOR_CACHE_DIR: join(BENCH, 'cache', name) };
  rmSync(env.FLOOR_CACHE_DIR, { recursive: true, force: true });
  const { ms, maxRssMb, cpuS } = timedNode(name, [ASTRO, 'build', '--root', dir], env);
  log(`${name}: ${(ms / 1000).toFixed(1)} s`);
  return { name, ms, maxRssMb, cpuS, outDir, timings: undefined };
}

function corpusDir(name: string, corpusOptions: CorpusOptions): { dir: string; now: string } {
  const dir = join(BENCH, 'content', name);
  const corpus = generateCorpus(corpusOptions);
  writeCorpus(dir, corpus);
  return { dir, now: corpus.now };
}

// Formatting ----------------------------------------------------------------------------------------------

const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const kb = (bytes: number): string => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`);
const mb = (value: number | undefined): string => (value === undefined ? 'n/a' : `${Math.round(value)} MB`);

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((row) => (row[k] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((cell, k) => cell.padEnd(widths[k] ?? 0)).join(' | ')} |`;
  return [line(head), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

function machine(): string[][] {
  const cpu = existsSync('/proc/cpuinfo') ? (/model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown') : 'unknown';
  const astroVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules/astro/package.json'), 'utf8')) as { version: string }).version;
  return [
    ['CPU', cpu.trim()],
    ['cores (nproc)', String(availableParallelism())],
    ['memory', `${(totalmem() / 1024 ** 3).toFixed(1)} GB`],
    ['Node', process.version],
    ['Astro', astroVersion],
    ['date', new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC'],
    // Other work on the machine slows every build: above the core count, the figures are not comparable.
    ['load average (1 min) at start / end', `${loadAtStart.toFixed(1)} / ${(loadavg()[0] ?? 0).toFixed(1)}`],
  ];
}

function pagesTable(stats: SiteStats): string {
  const rows = stats.byType
    .filter((summary) => summary.files > 0)
    .map((s) => [s.type, String(s.files), kb(s.bytes.sum), kb(s.bytes.median), kb(s.css.sum), kb(s.css.median), kb(s.js.sum), kb(s.js.median), kb(s.js.max)]);
  const total = stats.byType.reduce((sum, s) => sum + s.files, 0);
  rows.push(['all', String(total), kb(stats.byType.reduce((sum, s) => sum + s.bytes.sum, 0)), '', '', '', '', '', '']);
  return table(['type', 'files', 'bytes', 'median', 'CSS sum', 'CSS median', 'JS sum', 'JS median', 'JS max'], rows);
}

// Run -----------------------------------------------------------------------------------------------------

const started = performance.now();
const loadAtStart = loadavg()[0] ?? 0;
const label = `${options.documents}x${options.versions}x${options.words}`;
log(`corpus ${label} (seed ${options.seed})`);
const main = corpusDir('main', options);

const full = buildSite(`full-${label}`, main.dir, main.now, { dir: join(BENCH, 'cache', 'full'), cold: true });
const stats = siteStats(full.outDir);
const floor = flags['no-floor'] ? undefined : buildFloor(`floor-${label}`, main.dir);

let half: BuildRun | undefined;
let rebuild: BuildRun | undefined;
let halfVersions = 0;
if (!flags['no-scaling']) {
  // One more version of the first document, as an author would add it: its file and the lock, nothing else.
  const longer = generateCorpus({ ...options, versions: options.versions + 1 });
  const slug = corpusSlug(0);
  const added = Object.keys(longer.files).filter((path) => path.startsWith(`${slug}/`) && path.endsWith('.mdx')).sort().at(-1) as string;
  writeFileSync(join(main.dir, added), longer.files[added] as string);
  writeLock(main.dir);
  rebuild = buildSite(`rebuild-${label}+1`, main.dir, main.now, { dir: join(BENCH, 'cache', 'full'), cold: false });

  halfVersions = Math.max(1, Math.round(options.versions / 2));
  const halfCorpus = corpusDir('half', { ...options, versions: halfVersions });
  half = buildSite(`full-${options.documents}x${halfVersions}x${options.words}`, halfCorpus.dir, halfCorpus.now, { dir: join(BENCH, 'cache', 'half'), cold: true });
}

const diffRows = flags['no-diff'] ? undefined : (log('diff engine benchmark...'), runDiffBenchmark({ runsFactor: positive('diff-runs', flags['diff-runs']) }));

// Report --------------------------------------------------------------------------------------------------

const out: string[] = [];
const section = (title: string, body: string) => out.push(`### ${title}\n\n${body}\n`);

section('Machine', table(['machine', ''], machine()));

const cpu = (run: BuildRun): string => (run.cpuS === undefined ? 'n/a' : `${run.cpuS.toFixed(1)} s`);
const buildRows: string[][] = [[`full site, ${label} (cold)`, seconds(full.ms), cpu(full), mb(full.maxRssMb), String(stats.pages.length)]];
if (floor) buildRows.push([`floor, ${label}`, seconds(floor.ms), cpu(floor), mb(floor.maxRssMb), String(options.documents * options.versions)]);
if (half) buildRows.push([`full site, ${options.documents}x${halfVersions}x${options.words} (cold)`, seconds(half.ms), cpu(half), mb(half.maxRssMb), '']);
if (rebuild) buildRows.push([`rebuild after adding 1 version (warm cache)`, seconds(rebuild.ms), cpu(rebuild), mb(rebuild.maxRssMb), '']);
section(`Builds (corpus ${options.documents} documents x ${options.versions} versions x ${options.words} words, seed ${options.seed})`, table(['build', 'wall time', 'CPU time', 'peak RSS', 'files written'], buildRows));

if (full.timings) {
  const rows = Object.entries(full.timings.stages).map(([stage, ms]) => [stage, seconds(ms), `${((ms / full.timings!.totalMs) * 100).toFixed(0)}%`]);
  rows.push(['total (inside the astro process)', seconds(full.timings.totalMs), '100%']);
  section('Stages of the full build (exclusive wall time)', table(['stage', 'time', 'share'], rows));
  const workerRows = Object.entries(full.timings.workers ?? {}).map(([stage, { ms, count }]) => [stage, seconds(ms), String(count), `${(ms / count).toFixed(1)} ms`]);
  if (workerRows.length > 0) {
    section(
      'Diff workers (thread time, in parallel with the pages above)',
      `${table(['stage', 'time', 'tasks', 'per task'], workerRows)}\n\nTime inside the worker threads (src/data/diff-pool.ts), summed over them; it overlaps the main thread's page generation, so it is not part of the total above.`,
    );
  }
}

section('Pages written and bytes by type (full build)', `${pagesTable(stats)}\n\nSearch bundle (pagefind/, loaded only when search is used): ${kb(stats.searchBundleBytes)}. Shared assets (_astro/): ${kb(stats.assetBytes)}.`);

interface Aim {
  aim: string;
  measured: string;
  pass: boolean | undefined;
}
// The aims are judged on wall time; the CPU-time ratio beside it shows how much other work on the machine skewed it.
const cpuRatio = (a: BuildRun, b: BuildRun): string => (a.cpuS === undefined || b.cpuS === undefined ? '' : `; CPU time ${(a.cpuS / b.cpuS).toFixed(2)}x`);
const aims: Aim[] = [];
if (floor) aims.push({ aim: 'full build within 1.5x of the floor', measured: `${(full.ms / floor.ms).toFixed(2)}x (${seconds(full.ms)} / ${seconds(floor.ms)}${cpuRatio(full, floor)})`, pass: full.ms / floor.ms <= 1.5 });
if (half) aims.push({ aim: 'doubling the versions at most 2.2x the time', measured: `${(full.ms / half.ms).toFixed(2)}x (${options.versions} vs ${halfVersions} versions${cpuRatio(full, half)})`, pass: full.ms / half.ms <= 2.2 });
if (rebuild) aims.push({ aim: 'rebuild after adding one version at most half of a cold build', measured: `${(rebuild.ms / full.ms).toFixed(2)}x (${seconds(rebuild.ms)} / ${seconds(full.ms)}${cpuRatio(rebuild, full)})`, pass: rebuild.ms / full.ms <= 0.5 });
const versionJs = stats.byType.find((s) => s.type === 'version')?.js.max ?? 0;
aims.push({ aim: '0 bytes of JS on version pages until search is used', measured: `max ${versionJs} bytes`, pass: versionJs === 0 });
for (const type of ['compare', 'compare picker'] as const) {
  const summary = stats.byType.find((s) => s.type === type);
  const aim = `${type === 'compare' ? 'compare pages' : 'compare picker pages'} under 10 KB of JS`;
  aims.push(
    summary && summary.files > 0
      ? { aim, measured: `max ${kb(summary.js.max)} (${summary.files} pages)`, pass: summary.js.max < 10 * 1024 }
      : { aim, measured: 'none in this build', pass: undefined },
  );
}
section('Aims', table(['aim', 'measured', 'result'], aims.map((a) => [a.aim, a.measured, a.pass === undefined ? 'n/a' : a.pass ? 'pass' : 'MISSED'])));

if (diffRows) section('Diff engine (ms per pair, scripts/bench-diff.ts)', `\`\`\`\n${formatDiffBenchmark(diffRows)}\n\`\`\``);

const report = out.join('\n');
process.stdout.write(`\n${report}\nBenchmark took ${seconds(performance.now() - started)}. Report: .bench/report.md, data: .bench/results.json\n`);
writeFileSync(join(BENCH, 'report.md'), report);
writeFileSync(
  join(BENCH, 'results.json'),
  `${JSON.stringify({ options, machine: Object.fromEntries(machine()), builds: [full, floor, half, rebuild].filter(Boolean).map((run) => ({ ...run, outDir: undefined })), pages: stats.byType, searchBundleBytes: stats.searchBundleBytes, aims, diff: diffRows }, null, 2)}\n`,
);
