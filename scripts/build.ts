/**
 * `npm run build`: `astro build` into a staging folder, moved into place only when the whole build succeeded,
 * so a failed build never leaves a partial `dist/` (the previous good build, if any, stays as it was).
 * `REDLINE_OUT_DIR` chooses the output folder (default `dist`).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSummary, countBuiltFiles, createBuildLogFilter } from '../src/lib/build-log.ts';

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
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => print(log.push(chunk)));
  return new Promise((done) => {
    child.on('close', (code, signal) => {
      print(log.end());
      done(code ?? (signal ? 1 : 0));
    });
  });
}

rmSync(staging, { recursive: true, force: true });
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
