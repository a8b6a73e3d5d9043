/**
 * `npm run build`: `astro build` into a staging folder, moved into place only when the whole build succeeded,
 * so a failed build never leaves a partial `dist/` (the previous good build, if any, stays as it was).
 * `REDLINE_OUT_DIR` chooses the output folder (default `dist`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = resolve(projectRoot, process.env['REDLINE_OUT_DIR'] || 'dist');
const staging = `${target}.staging-${process.pid}`;
const astroBin = resolve(projectRoot, 'node_modules/astro/bin/astro.mjs');

rmSync(staging, { recursive: true, force: true });
const result = spawnSync(process.execPath, [astroBin, 'build', ...process.argv.slice(2)], {
  cwd: projectRoot,
  stdio: 'inherit',
  env: { ...process.env, REDLINE_OUT_DIR: staging },
});

if (result.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  process.stderr.write(`\nBuild failed: nothing was written to ${target}.\n`);
  process.exit(result.status ?? 1);
}

const previous = `${target}.previous-${process.pid}`;
if (existsSync(target)) renameSync(target, previous);
renameSync(staging, target);
rmSync(previous, { recursive: true, force: true });
