import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The outcome of trying to take an output folder's lock: ours, or held by another live build. */
export type OutputLock = { ok: true; release: () => void } | { ok: false; holder: number };

/** The lock file of an output folder (`dist` -> `dist.lock`), beside it so that it is per output folder. */
export function outputLockPath(target: string): string {
  return `${target}.lock`;
}

/**
 * Takes the lock of an output folder for process `pid`, so that two builds in one checkout cannot write the same
 * `dist/` at once (one with BASE_PATH and one without would leave links to both). The file is created with `wx`,
 * which fails when it exists, so two builds cannot both take it. A lock left by a build that was killed (its
 * process is gone, `isAlive` says) is taken over.
 */
export function acquireOutputLock(lockPath: string, pid: number, isAlive: (pid: number) => boolean): OutputLock {
  // The output folder's parent may not exist yet (a first build into REDLINE_OUT_DIR=out/site).
  mkdirSync(dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(pid));
      closeSync(fd);
      return {
        ok: true,
        release: () => {
          if (lockHolder(lockPath) === pid) rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = lockHolder(lockPath);
      if (holder !== undefined && holder !== pid && isAlive(holder)) return { ok: false, holder };
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`cannot take the lock ${lockPath}; delete it if no build is running`);
}

function lockHolder(lockPath: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Staging and previous folders that interrupted builds left beside `target` (`dist.staging-123`, `dist.previous-123`). */
export function leftoverBuildFolders(target: string): string[] {
  const name = basename(target);
  const parent = dirname(target);
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.startsWith(`${name}.staging-`) || entry.startsWith(`${name}.previous-`))
    .sort()
    .map((entry) => join(parent, entry));
}

/** Whether a process is running: signal 0 checks without sending anything (EPERM: running, as another user). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
