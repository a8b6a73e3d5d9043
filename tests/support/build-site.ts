import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** The project root. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
/** Builds made by tests live here (git-ignored). */
export const TEST_BUILDS = join(PROJECT_ROOT, '.test-builds');

/** What to build: a content folder (default: the example content) and environment overrides. */
export interface BuildOptions {
  /** A name for the output folder under .test-builds/. */
  name: string;
  contentDir?: string;
  env?: Record<string, string>;
}

/** The outcome of one real `npm run build` (scripts/build.ts, which runs `astro build`). */
export interface BuildResult {
  status: number;
  output: string;
  outDir: string;
}

function hashInputs(paths: string[], hash = createHash('sha256')): ReturnType<typeof createHash> {
  for (const path of paths) {
    if (!existsSync(path)) continue;
    if (statSync(path).isDirectory()) {
      hashInputs(readdirSync(path).sort().map((name) => join(path, name)), hash);
    } else {
      hash.update(path).update(readFileSync(path));
    }
  }
  return hash;
}

/** The environment without Vitest's own variables (NODE_ENV=test, VITEST...), which change how Vite and Astro run. */
export function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && key !== 'TEST' && !key.startsWith('VITEST')));
}

/** Runs a real build and returns its exit status and output, whatever happens. */
export function runBuild(options: BuildOptions): BuildResult {
  const outDir = join(TEST_BUILDS, options.name);
  const env: Record<string, string | undefined> = {
    ...cleanEnv(),
    REDLINE_OUT_DIR: outDir,
    REDLINE_NOW: '2026-11-23',
    ...(options.contentDir ? { REDLINE_CONTENT_DIR: options.contentDir } : {}),
    ...options.env,
  };
  const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/build.ts')], { cwd: PROJECT_ROOT, env, encoding: 'utf8' });
  return { status: result.status ?? 1, output: `${result.stdout}\n${result.stderr}`, outDir };
}

/**
 * Builds a site once per set of inputs: the build is reused while the sources, the content and the
 * options are unchanged (a stamp file records their hash), so several test files can share one build.
 */
export function buildSite(options: BuildOptions): string {
  const outDir = join(TEST_BUILDS, options.name);
  const stampFile = join(TEST_BUILDS, `${options.name}.stamp`);
  const inputs = ['src', 'public', 'astro.config.mjs', 'redline.config.ts', 'package-lock.json', options.contentDir ?? 'content'].map((path) =>
    resolve(PROJECT_ROOT, path),
  );
  // The same build however the options are written ({ name } or { name, env: {} }), so files share it.
  const stamp = hashInputs(inputs)
    .update(JSON.stringify({ contentDir: options.contentDir ?? null, env: options.env ?? {} }))
    .digest('hex');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && existsSync(join(outDir, 'index.html'))) return outDir;
  mkdirSync(TEST_BUILDS, { recursive: true });
  rmSync(stampFile, { force: true });
  const result = runBuild(options);
  if (result.status !== 0) throw new Error(`Build "${options.name}" failed:\n${result.output}`);
  writeFileSync(stampFile, stamp);
  return outDir;
}

/** Reads a built file as text. */
export function readBuilt(outDir: string, path: string): string {
  return readFileSync(join(outDir, path), 'utf8');
}

/** Every file under `dir` (a build's output), as sorted paths relative to it. */
export function builtFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** The files that differ between two builds, or exist in only one of them (relative paths). */
export function differingFiles(a: string, b: string): string[] {
  const left = builtFiles(a);
  const right = new Set(builtFiles(b));
  const leftSet = new Set(left);
  const onlyRight = [...right].filter((path) => !leftSet.has(path));
  const differing = left.filter((path) => !right.has(path) || !readFileSync(join(a, path)).equals(readFileSync(join(b, path))));
  return [...differing, ...onlyRight];
}
