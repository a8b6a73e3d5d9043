import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../support/build-site.ts';

/** The outcome of running one of the project's scripts. */
export interface ScriptRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `node scripts/<name>.ts ...args` against the content folder `contentDir`, on 2026-11-23 unless `env` says otherwise. */
export function runScript(name: string, args: string[], contentDir: string, env: Record<string, string> = {}): ScriptRun {
  const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts', `${name}.ts`), ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, REDLINE_CONTENT_DIR: contentDir, REDLINE_NOW: '2026-11-23', ...env },
  });
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under `dir` with its text, to prove that a refused command wrote nothing. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (path: string, prefix: string) => {
    for (const name of readdirSync(path).sort()) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
      else files[`${prefix}${name}`] = readFileSync(full, 'utf8');
    }
  };
  if (existsSync(dir)) walk(dir, '');
  return files;
}
