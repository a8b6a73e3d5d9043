import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** One commit of a made-up history: the file's path and text at that commit, its date and message. */
export interface HistoryCommit {
  path: string;
  /** Renamed from this path in this commit (git mv), when given. */
  renamedFrom?: string;
  text: string;
  date: string;
  message: string;
}

/** A real git repository in a temp folder with `commits` made in order, dated as given; returns its path. */
export function makeGitRepository(commits: readonly HistoryCommit[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'redline-git-'));
  const git = (args: string[], date?: string) => {
    const result = spawnSync('git', ['-C', dir, ...args], {
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 'Legal', GIT_AUTHOR_EMAIL: 'legal@example.com', GIT_COMMITTER_NAME: 'Legal', GIT_COMMITTER_EMAIL: 'legal@example.com', ...(date ? { GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` } : {}) },
    });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  };
  git(['init', '-q', '-b', 'main']);
  for (const commit of commits) {
    const path = join(dir, commit.path);
    mkdirSync(dirname(path), { recursive: true });
    if (commit.renamedFrom) renameSync(join(dir, commit.renamedFrom), path);
    writeFileSync(path, commit.text);
    git(['add', '-A']);
    git(['commit', '-q', '--allow-empty', '-m', commit.message], commit.date);
  }
  return dir;
}
