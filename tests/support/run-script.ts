import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtFiles, PROJECT_ROOT } from './build-site.ts';

/** The outcome of running one of the project's scripts. */
export interface ScriptRun {
  /** null when the process did not exit by itself (killed), so no exit code assertion can pass by accident. */
  status: number | null;
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
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under `dir` with its text, to prove that a refused command wrote nothing. */
export function snapshot(dir: string): Record<string, string> {
  return existsSync(dir) ? Object.fromEntries(builtFiles(dir).map((path) => [path, readFileSync(join(dir, path), 'utf8')])) : {};
}
