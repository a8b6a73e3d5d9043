/**
 * `npm run typecheck`: `astro check`, failing unless it really checked. When `@astrojs/check` cannot load
 * (a broken install), Astro prints an error and still exits 0, which once let CI pass without type checking.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './cli.ts';

const result = spawnSync(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'check'], {
  cwd: projectRoot,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'pipe'],
});
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);

const checked = /^Result \(\d+ files\)/m.test(result.stdout);
if (result.status !== 0 || !checked) {
  if (!checked) process.stderr.write('\nastro check did not run (no "Result" line): is @astrojs/check installed and loadable?\n');
  process.exit(result.status || 1);
}
