import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireOutputLock, leftoverBuildFolders, outputLockPath, processIsAlive } from '../../../src/lib/site/output-lock.ts';

const root = mkdtempSync(join(tmpdir(), 'redline-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('acquireOutputLock', () => {
  it('gives the lock to one build at a time, and to the next once released', () => {
    const lockPath = outputLockPath(join(root, 'dist-a'));
    const first = acquireOutputLock(lockPath, 101, () => true);
    expect(first.ok).toBe(true);
    expect(readFileSync(lockPath, 'utf8')).toBe('101');
    expect(acquireOutputLock(lockPath, 202, () => true)).toEqual({ ok: false, holder: 101 });
    if (first.ok) first.release();
    expect(existsSync(lockPath)).toBe(false);
    expect(acquireOutputLock(lockPath, 202, () => true).ok).toBe(true);
  });

  it('takes the lock of an output folder whose parent does not exist yet (a first build into a new folder)', () => {
    const lockPath = outputLockPath(join(root, 'not', 'made', 'yet', 'dist'));
    const lock = acquireOutputLock(lockPath, 505, () => true);
    expect(lock.ok).toBe(true);
    expect(readFileSync(lockPath, 'utf8')).toBe('505');
  });

  it('takes over the lock of a build that was killed', () => {
    const lockPath = outputLockPath(join(root, 'dist-b'));
    writeFileSync(lockPath, '303');
    const lock = acquireOutputLock(lockPath, 404, (pid) => pid !== 303);
    expect(lock.ok).toBe(true);
    expect(readFileSync(lockPath, 'utf8')).toBe('404');
  });

  it('does not release a lock another build has taken over since', () => {
    const lockPath = outputLockPath(join(root, 'dist-c'));
    const lock = acquireOutputLock(lockPath, 505, () => true);
    writeFileSync(lockPath, '606');
    if (lock.ok) lock.release();
    expect(readFileSync(lockPath, 'utf8')).toBe('606');
  });
});

describe('leftoverBuildFolders', () => {
  it('finds the staging and previous folders of the output folder, and nothing else', () => {
    const parent = join(root, 'site');
    for (const name of ['dist', 'dist.staging-12', 'dist.previous-34', 'dist-other.staging-1', 'distant']) mkdirSync(join(parent, name), { recursive: true });
    expect(leftoverBuildFolders(join(parent, 'dist'))).toEqual([join(parent, 'dist.previous-34'), join(parent, 'dist.staging-12')]);
  });
});

describe('.gitignore', () => {
  it('ignores what a build writes beside dist/, so a killed build never leaves files to commit', () => {
    const paths = ['dist.staging-123/index.html', 'dist.previous-456/index.html', 'dist.lock'];
    const result = spawnSync('git', ['check-ignore', '--no-index', ...paths], { cwd: join(import.meta.dirname, '../..'), encoding: 'utf8' });
    expect(result.stdout.trim().split('\n')).toEqual(paths);
  });
});

describe('processIsAlive', () => {
  it('knows this process is running', () => {
    expect(processIsAlive(process.pid)).toBe(true);
  });
});
