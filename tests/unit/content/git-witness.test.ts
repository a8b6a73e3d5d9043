import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gitTextsOf, parseGitAdditions, readGitWitness } from '../../../src/lib/content/git-witness.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function repo(): { dir: string; commit: (message: string, date: string, files: Record<string, string>) => void } {
  const dir = mkdtempSync(join(tmpdir(), 'redline-git-'));
  dirs.push(dir);
  const git = (args: string[], date?: string) =>
    execFileSync('git', ['-C', dir, ...args], {
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
      stdio: 'ignore',
    });
  git(['init', '-q']);
  return {
    dir,
    commit: (message, date, files) => {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(dir, path, '..'), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      git(['add', '-A']);
      git(['commit', '-q', '-m', message], date);
    },
  };
}

describe('readGitWitness', () => {
  it('dates each file by the commit that first added it, in the committer time zone', () => {
    const { dir, commit } = repo();
    commit('first', '2025-01-10T09:00:00+00:00', { 'content/privacy/2025-02-01.mdx': 'one' });
    commit('edit', '2025-03-01T09:00:00+00:00', { 'content/privacy/2025-02-01.mdx': 'one, corrected' });
    commit('second', '2025-06-01T23:30:00-05:00', { 'content/privacy/2025-07-01.mdx': 'two', 'README.md': 'not content' });
    const witness = readGitWitness(dir, join(dir, 'content'));
    if (!witness.available) throw new Error(witness.reason);
    expect([...witness.additions].map(([path, addition]) => [path, addition.date])).toEqual([
      ['content/privacy/2025-07-01.mdx', '2025-06-01'],
      ['content/privacy/2025-02-01.mdx', '2025-01-10'],
    ]);
    expect(gitTextsOf(dir, 'content/privacy/2025-02-01.mdx')).toEqual(['one, corrected', 'one']);
  });

  it('says why when there is no history to read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'redline-nogit-'));
    dirs.push(dir);
    expect(readGitWitness(dir, join(dir, 'content'))).toEqual({ available: false, reason: expect.stringMatching(/not a git repository/) });
  });

  it('refuses to witness from a shallow clone', () => {
    const { dir, commit } = repo();
    commit('first', '2025-01-10T09:00:00+00:00', { 'content/a.mdx': 'one' });
    commit('second', '2025-02-10T09:00:00+00:00', { 'content/b.mdx': 'two' });
    const shallow = join(dirs[0] ?? tmpdir(), '..', `redline-shallow-${Date.now()}`);
    dirs.push(shallow);
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${dir}`, shallow], { stdio: 'ignore' });
    expect(readGitWitness(shallow, join(shallow, 'content'))).toEqual({ available: false, reason: expect.stringMatching(/shallow.*fetch-depth: 0/) });
  });
});

describe('parseGitAdditions', () => {
  it('keeps the oldest addition of a path that was added twice', () => {
    const log = '\0bbb 2025-05-01\n\ncontent/a.mdx\n\0aaa 2025-01-01\n\ncontent/a.mdx\ncontent/b.mdx\n';
    expect(Object.fromEntries(parseGitAdditions(log))).toEqual({ 'content/a.mdx': { commit: 'aaa', date: '2025-01-01' }, 'content/b.mdx': { commit: 'aaa', date: '2025-01-01' } });
  });
});
