/**
 * `npm run build`: `astro build` into a staging folder, moved into place only when the whole build succeeded,
 * so a failed build never leaves a partial `dist/` (the previous good build, if any, stays as it was).
 * `REDLINE_OUT_DIR` chooses the output folder (default `dist`).
 *
 * One build at a time writes an output folder: a second build in the same checkout waits for the first
 * (`dist.lock`). Staging and previous folders left by a killed build are removed by the next one.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSummary, countBuiltFiles, createBuildLogFilter } from '../src/lib/site/build-log.ts';
import { acquireOutputLock, leftoverBuildFolders, outputLockPath, processIsAlive } from '../src/lib/site/output-lock.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = resolve(projectRoot, process.env['REDLINE_OUT_DIR'] || 'dist');
const staging = `${target}.staging-${process.pid}`;
const astroBin = resolve(projectRoot, 'node_modules/astro/bin/astro.mjs');

const started = performance.now();
const clock = () => new Date().toTimeString().slice(0, 8);

/** Runs `astro build` into the staging folder, printing its log through the build-log filter; resolves to its exit code. */
function astroBuild(): Promise<number> {
  const child = spawn(process.execPath, [astroBin, 'build', ...process.argv.slice(2)], {
    cwd: projectRoot,
    stdio: ['inherit', 'pipe', 'inherit'],
    // Astro colours its log only for a terminal; the pipe must not take the colours away from one.
    env: { ...process.env, REDLINE_OUT_DIR: staging, ...(process.stdout.isTTY && !process.env['NO_COLOR'] ? { FORCE_COLOR: '1' } : {}) },
  });
  const log = createBuildLogFilter(clock);
  const print = (lines: string[]) => {
    if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
  };
  // Interrupted (Ctrl-C, a CI job cancelled), astro is stopped first, so that the staging folder can be removed.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => print(log.push(chunk)));
  return new Promise((done) => {
    child.on('close', (code, signal) => {
      print(log.end());
      done(code ?? (signal ? 1 : 0));
    });
  });
}

/** Takes the output folder's lock, waiting while another live build of this checkout holds it. */
async function lockOutput(): Promise<() => void> {
  const lockPath = outputLockPath(target);
  let lock = acquireOutputLock(lockPath, process.pid, processIsAlive);
  if (!lock.ok) process.stderr.write(`Another build (process ${lock.holder}) is writing ${relative(projectRoot, target) || target}; waiting for it to finish…\n`);
  while (!lock.ok) {
    await new Promise((resume) => setTimeout(resume, 500));
    lock = acquireOutputLock(lockPath, process.pid, processIsAlive);
  }
  return lock.release;
}

process.on('exit', await lockOutput());
// With the lock held, no other build uses these: they are what a killed build left behind.
for (const leftover of leftoverBuildFolders(target)) rmSync(leftover, { recursive: true, force: true });
const status = await astroBuild();

if (status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  process.stderr.write(`\nBuild failed: nothing was written to ${target}.\n`);
  process.exit(status);
}

const previous = `${target}.previous-${process.pid}`;
if (existsSync(target)) renameSync(target, previous);
renameSync(staging, target);
rmSync(previous, { recursive: true, force: true });

const files = readdirSync(target, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => {
    const path = join(entry.parentPath, entry.name);
    return { path: relative(target, path).split('\\').join('/'), size: statSync(path).size };
  });
process.stdout.write(`\n${buildSummary(countBuiltFiles(files), relative(projectRoot, target) || target, (performance.now() - started) / 1000)}\n`);
