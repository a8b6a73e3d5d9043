/**
 * `npm run bench`: how fast the site builds against what a user would pick instead, and how that scales.
 *
 * Generates a synthetic corpus (scripts/bench/corpus.ts) under .bench/ and builds, over the same content:
 * the full site (scripts/build.ts, stage timings on) and the peer, a Starlight site with a page per version
 * (scripts/bench/peer.ts), cold, alternating them so that other work on the machine hits both; a floor project
 * of plain MDX pages (scripts/bench/floor.ts) as a reference line; a rebuild after adding one version; the full
 * site with half the versions; and a 7,000-word site whose compare picker is timed in Chromium
 * (scripts/bench/picker.ts). It prints the builds, the ratios to the peer, the stages, peak memory, pages and bytes
 * by type, the aims of issues 8 and 16 with pass/MISSED, and the diff engine's table (scripts/bench-diff.ts).
 *
 *   npm run bench -- [--documents 10] [--versions 30] [--words 5000] [--seed 1] [--rounds 2]
 *                    [--picker-versions 10] [--picker-words 7000] [--picker-runs 5] [--diff-runs 1]
 *                    [--quick] [--no-peer] [--no-floor] [--no-scaling] [--no-picker] [--no-diff]
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
import { writePeerProject } from './bench/peer.ts';
import { farUnbuiltPair, measurePicker, type PickerTimings } from './bench/picker.ts';
import { type SiteStats, siteStats } from './bench/site-stats.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = join(ROOT, '.bench');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const TIME = '/usr/bin/time';

const { values: flags } = parseArgs({
  options: {
    documents: { type: 'string' },
    versions: { type: 'string' },
    words: { type: 'string' },
    seed: { type: 'string', default: '1' },
    rounds: { type: 'string' },
    'picker-versions': { type: 'string' },
    'picker-words': { type: 'string', default: '7000' },
    'picker-runs': { type: 'string' },
    'diff-runs': { type: 'string', default: '1' },
    quick: { type: 'boolean', default: false },
    'no-peer': { type: 'boolean', default: false },
    'no-scaling': { type: 'boolean', default: false },
    'no-floor': { type: 'boolean', default: false },
    'no-picker': { type: 'boolean', default: false },
    'no-diff': { type: 'boolean', default: false },
  },
});
const positive = (name: string, value: string | undefined): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, not "${value}"`);
  return n;
};
// --quick: a smaller corpus, one round and no diff table, for a look while working (about a third of the time).
const quick = flags.quick;
const whole = (name: keyof typeof flags, full: number, small: number): number => Math.round(positive(name, (flags[name] as string | undefined) ?? String(quick ? small : full)));
const options: CorpusOptions = {
  documents: whole('documents', 10, 3),
  versions: whole('versions', 30, 10),
  words: whole('words', 5000, 2000),
  seed: whole('seed', 1, 1),
};
const rounds = whole('rounds', 2, 1);
const picker = { versions: whole('picker-versions', 10, 6), words: whole('picker-words', 7000, 7000), runs: whole('picker-runs', 5, 2) };
const skipDiff = flags['no-diff'] || quick;

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

/** Version pages of the last peer project written. */
let peerPages = 0;

/** Builds the peer, a Starlight site over the same content (scripts/bench/peer.ts) as published on `now`, cold. */
function buildPeer(name: string, contentDir: string, now: string): BuildRun {
  const dir = join(BENCH, 'peer');
  peerPages = writePeerProject(dir, contentDir, now);
  const outDir = join(BENCH, 'out', name);
  log(`building ${name}...`);
  const env = { ...process.env, PEER_OUT_DIR: outDir, PEER_CACHE_DIR: join(BENCH, 'cache', 'peer') };
  rmSync(env.PEER_CACHE_DIR, { recursive: true, force: true });
  const { ms, maxRssMb, cpuS } = timedNode(name, [ASTRO, 'build', '--root', dir], env);
  log(`${name}: ${(ms / 1000).toFixed(1)} s`);
  return { name, ms, maxRssMb, cpuS, outDir, timings: undefined };
}

/** What the search integration logged about a build's index: pages indexed, and how many came from the last build. */
function searchIndexLog(run: BuildRun): { indexed: number; reused: number } | undefined {
  const text = readFileSync(join(BENCH, 'logs', `${run.name}.log`), 'utf8');
  const match = /Indexed (\d+) version pages in \d+ ms(?: \((\d+) given to Pagefind)?/u.exec(text);
  return match ? { indexed: Number(match[1]), reused: Number(match[2] ?? 0) } : undefined;
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

/** The load averages as `uptime` prints them: above the core count, other work is slowing the builds. */
const loads = (): string => loadavg().map((load) => load.toFixed(2)).join(', ');

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
    ['load average (1, 5, 15 min) at start', loadAtStart],
    ['load average (1, 5, 15 min) at end', loads()],
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
const loadAtStart = loads();
const label = `${options.documents}x${options.versions}x${options.words}`;
log(`corpus ${label} (seed ${options.seed})${quick ? ', quick' : ''}; load average ${loadAtStart}`);
const main = corpusDir('main', options);
// Builds leave out versions announced after the build date. Every build of the main corpus is made as of the day the
// version the rebuild adds is announced (its author adds it that day): the rebuild then adds exactly one published
// version, and the cold builds publish the same versions without it.
const withOneMore = generateCorpus({ ...options, versions: options.versions + 1 });
const buildDate = withOneMore.now;

// The full site and the peer alternate, round after round (the peer first in every other round), so that other work
// on the machine, and any drift over the run, weighs on both; each figure is the median of its rounds.
const fullRuns: BuildRun[] = [];
const peerRuns: BuildRun[] = [];
for (let round = 1; round <= rounds; round++) {
  const buildFull = () => fullRuns.push(buildSite(`full-${label}-${round}`, main.dir, buildDate, { dir: join(BENCH, 'cache', 'full'), cold: true }));
  const buildThePeer = () => {
    if (!flags['no-peer']) peerRuns.push(buildPeer(`peer-${label}-${round}`, main.dir, buildDate));
  };
  if (round % 2 === 1) {
    buildFull();
    buildThePeer();
  } else {
    buildThePeer();
    buildFull();
  }
}
// The rebuild below starts from the cache of the last full build, so its output is the one measured.
const full = fullRuns.at(-1) as BuildRun;
const stats = siteStats(full.outDir);
const floor = flags['no-floor'] ? undefined : buildFloor(`floor-${label}`, main.dir);

let half: BuildRun | undefined;
let rebuild: BuildRun | undefined;
let halfVersions = 0;
if (!flags['no-scaling']) {
  // One more version of the first document, as an author would add it: its file and the lock, nothing else.
  const slug = corpusSlug(0);
  const added = Object.keys(withOneMore.files).filter((path) => path.startsWith(`${slug}/`) && path.endsWith('.mdx')).sort().at(-1) as string;
  writeFileSync(join(main.dir, added), withOneMore.files[added] as string);
  writeLock(main.dir);
  rebuild = buildSite(`rebuild-${label}+1`, main.dir, buildDate, { dir: join(BENCH, 'cache', 'full'), cold: false });

  // Built as of its own date, chosen the same way.
  halfVersions = Math.max(1, Math.round(options.versions / 2));
  const halfOptions = { ...options, versions: halfVersions };
  const halfCorpus = corpusDir('half', halfOptions);
  half = buildSite(`full-${options.documents}x${halfVersions}x${options.words}`, halfCorpus.dir, generateCorpus({ ...halfOptions, versions: halfVersions + 1 }).now, { dir: join(BENCH, 'cache', 'half'), cold: true });
}

// The compare picker in Chromium: one document whose oldest version and a far later one have no built page.
let pickerResult: { pair: { from: string; to: string }; timings: PickerTimings } | undefined;
if (!flags['no-picker']) {
  const pickerOptions: CorpusOptions = { documents: 1, versions: picker.versions, words: picker.words, seed: options.seed };
  const pickerLabel = `1x${picker.versions}x${picker.words}`;
  const pickerCorpus = corpusDir('picker', pickerOptions);
  const slug = corpusSlug(0);
  // A corpus version's id is its effective date (the file name rule).
  const versions = Object.keys(generateCorpus(pickerOptions).files)
    .filter((path) => path.endsWith('.mdx'))
    .map((path) => path.slice(slug.length + 1, -'.mdx'.length))
    .map((id) => ({ id, effective: id }));
  const pair = farUnbuiltPair(versions, pickerCorpus.now);
  if (!pair) throw new Error(`--picker-versions ${picker.versions}: every pair of so few versions has its own page; use at least 4`);
  const site = buildSite(`picker-${pickerLabel}`, pickerCorpus.dir, pickerCorpus.now, { dir: join(BENCH, 'cache', 'picker'), cold: true });
  log(`compare picker in Chromium: ${pair.from.id} -> ${pair.to.id}, ${picker.runs} runs...`);
  pickerResult = { pair: { from: pair.from.id, to: pair.to.id }, timings: await measurePicker(site.outDir, slug, { from: pair.from.id, to: pair.to.id }, picker.runs) };
}

const diffRows = skipDiff ? undefined : (log('diff engine benchmark...'), runDiffBenchmark({ runsFactor: positive('diff-runs', flags['diff-runs']) }));

// Report --------------------------------------------------------------------------------------------------

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
/** The median build of `runs`, figure by figure. */
function medianRun(runs: readonly BuildRun[]): { ms: number; cpuS: number | undefined; maxRssMb: number | undefined } {
  const defined = (values: Array<number | undefined>): number | undefined => (values.every((value) => value !== undefined) ? median(values as number[]) : undefined);
  return { ms: median(runs.map((run) => run.ms)), cpuS: defined(runs.map((run) => run.cpuS)), maxRssMb: defined(runs.map((run) => run.maxRssMb)) };
}
const fullMedian = medianRun(fullRuns);
const peerMedian = peerRuns.length > 0 ? medianRun(peerRuns) : undefined;

const out: string[] = [];
const section = (title: string, body: string) => out.push(`### ${title}\n\n${body}\n`);

section('Machine', table(['machine', ''], machine()));

const cpu = (run: { cpuS: number | undefined }): string => (run.cpuS === undefined ? 'n/a' : `${run.cpuS.toFixed(1)} s`);
const runsNote = (runs: readonly BuildRun[]): string => (runs.length > 1 ? `, median of ${runs.length}: ${runs.map((run) => seconds(run.ms)).join(', ')}` : '');
const buildRows: string[][] = [[`full site, ${label} (cold${runsNote(fullRuns)})`, seconds(fullMedian.ms), cpu(fullMedian), mb(fullMedian.maxRssMb), String(stats.pages.length)]];
if (peerMedian) buildRows.push([`peer: Starlight, ${label} (cold${runsNote(peerRuns)})`, seconds(peerMedian.ms), cpu(peerMedian), mb(peerMedian.maxRssMb), `${peerPages} version pages`]);
if (floor) buildRows.push([`floor (reference): plain MDX pages, ${label}`, seconds(floor.ms), cpu(floor), mb(floor.maxRssMb), String(options.documents * options.versions)]);
if (half) buildRows.push([`full site, ${options.documents}x${halfVersions}x${options.words} (cold)`, seconds(half.ms), cpu(half), mb(half.maxRssMb), '']);
if (rebuild) buildRows.push([`rebuild after adding 1 version (warm cache)`, seconds(rebuild.ms), cpu(rebuild), mb(rebuild.maxRssMb), '']);
section(`Builds (corpus ${options.documents} documents x ${options.versions} versions x ${options.words} words, seed ${options.seed})`, table(['build', 'wall time', 'CPU time', 'peak RSS', 'files written'], buildRows));

const ratio = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined || b === undefined ? undefined : a / b);
const times = (value: number | undefined): string => (value === undefined ? 'n/a' : `${value.toFixed(2)}x`);
if (peerMedian || floor) {
  const rows: string[][] = [];
  if (peerMedian) {
    rows.push(['wall time', seconds(fullMedian.ms), seconds(peerMedian.ms), times(ratio(fullMedian.ms, peerMedian.ms))]);
    rows.push(['CPU time (user + sys of the process tree)', cpu(fullMedian), cpu(peerMedian), times(ratio(fullMedian.cpuS, peerMedian.cpuS))]);
    rows.push(['peak memory (largest RSS in the tree)', mb(fullMedian.maxRssMb), mb(peerMedian.maxRssMb), times(ratio(fullMedian.maxRssMb, peerMedian.maxRssMb))]);
  }
  const floorNote = floor ? `\n\nReference, not an aim: the full site is ${times(ratio(fullMedian.ms, floor.ms))} the floor of plain MDX pages in wall time (${times(ratio(fullMedian.cpuS, floor.cpuS))} in CPU time).` : '';
  section('Redline against the peer (full site, cold)', `${rows.length > 0 ? table(['', 'Redline', 'Starlight', 'ratio'], rows) : 'No peer build (--no-peer).'}${floorNote}`);
}

if (full.timings) {
  const rows = Object.entries(full.timings.stages).map(([stage, ms]) => [stage, seconds(ms), `${((ms / full.timings!.totalMs) * 100).toFixed(0)}%`]);
  rows.push(['total (inside the astro process)', seconds(full.timings.totalMs), '100%']);
  section(`Stages of the full build (exclusive wall time, round ${fullRuns.length})`, table(['stage', 'time', 'share'], rows));
  const workerRows = Object.entries(full.timings.workers ?? {}).map(([stage, { ms, count }]) => [stage, seconds(ms), String(count), `${(ms / count).toFixed(1)} ms`]);
  if (workerRows.length > 0) {
    section(
      'Diff workers (thread time, in parallel with the pages above)',
      `${table(['stage', 'time', 'tasks', 'per task'], workerRows)}\n\nTime inside the worker threads (src/data/diff-pool.ts), summed over them; it overlaps the main thread's page generation, so it is not part of the total above.`,
    );
  }
}

section('Pages written and bytes by type (full build)', `${pagesTable(stats)}\n\nSearch bundle (pagefind/, loaded only when search is used): ${kb(stats.searchBundleBytes)}. Shared assets (_astro/): ${kb(stats.assetBytes)}.`);

if (pickerResult) {
  const { pair, timings } = pickerResult;
  section(
    `Compare picker in Chromium (1 document x ${picker.versions} versions x ${picker.words} words)`,
    `${pair.from} against ${pair.to}, a pair with no built page, in fresh browser contexts: from the Compare button to the first frame painted with the redline (${timings.changes} insertions and deletions shown inline), fetching both versions' blocks and loading the engine included.\n\n` +
      table(
        ['Compare pressed', 'median ms', 'runs (ms)'],
        [
          ['as soon as the pair is chosen (the aim)', median(timings.runs).toFixed(0), timings.runs.map((ms) => ms.toFixed(0)).join(', ')],
          ['a second after choosing, as a reader would', median(timings.afterPause).toFixed(0), timings.afterPause.map((ms) => ms.toFixed(0)).join(', ')],
        ],
      ),
  );
}

interface Aim {
  aim: string;
  measured: string;
  pass: boolean | undefined;
}
const aims: Aim[] = [];
if (peerMedian) {
  const aimAgainstPeer = (what: string, a: number | undefined, b: number | undefined, shown: string) => {
    const value = ratio(a, b);
    aims.push({ aim: `full site at most 1.0x the peer in ${what}`, measured: `${times(value)} (${shown})`, pass: value === undefined ? undefined : value <= 1 });
  };
  aimAgainstPeer('wall time', fullMedian.ms, peerMedian.ms, `${seconds(fullMedian.ms)} / ${seconds(peerMedian.ms)}`);
  aimAgainstPeer('CPU time', fullMedian.cpuS, peerMedian.cpuS, `${cpu(fullMedian)} / ${cpu(peerMedian)}`);
  aimAgainstPeer('peak memory', fullMedian.maxRssMb, peerMedian.maxRssMb, `${mb(fullMedian.maxRssMb)} / ${mb(peerMedian.maxRssMb)}`);
}
if (rebuild) {
  const search = searchIndexLog(rebuild);
  const searchNote = search ? `; search index: ${search.indexed - search.reused} of ${search.indexed} pages indexed again` : '';
  aims.push({
    aim: 'rebuild after adding one version at most 0.25x of a cold build, search index included',
    measured: `${times(rebuild.ms / fullMedian.ms)} (${seconds(rebuild.ms)} / ${seconds(fullMedian.ms)}; CPU time ${times(ratio(rebuild.cpuS, fullMedian.cpuS))}${searchNote})`,
    pass: rebuild.ms / fullMedian.ms <= 0.25,
  });
}
if (half) {
  aims.push({
    aim: 'doubling the versions at most 2.1x the time',
    measured: `${times(fullMedian.ms / half.ms)} (${options.versions} vs ${halfVersions} versions; CPU time ${times(ratio(fullMedian.cpuS, half.cpuS))})`,
    pass: fullMedian.ms / half.ms <= 2.1,
  });
}
if (pickerResult && pickerResult.timings.runs.length > 0) {
  const value = median(pickerResult.timings.runs);
  aims.push({ aim: `compare picker, two ${picker.words}-word versions far apart: redline on screen under 300 ms`, measured: `median ${value.toFixed(0)} ms (${pickerResult.timings.runs.length} runs)`, pass: value < 300 });
}
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
  `${JSON.stringify(
    {
      options,
      rounds,
      machine: Object.fromEntries(machine()),
      builds: [...fullRuns, ...peerRuns, floor, half, rebuild].filter(Boolean).map((run) => ({ ...run, outDir: undefined })),
      medians: { full: fullMedian, peer: peerMedian },
      picker: pickerResult,
      pages: stats.byType,
      searchBundleBytes: stats.searchBundleBytes,
      aims,
      diff: diffRows,
    },
    null,
    2,
  )}\n`,
);
