/**
 * The git witness: the commit that first added each version file, read from the repository's history.
 * It proves the file did not exist in this history before that commit's date (within the limits in
 * docs/decisions/0005-witnessed-history.md: committer dates can be set by whoever commits, and a shallow
 * clone has no history to read, so it then says the witness is unavailable rather than guess).
 */
import { execFileSync } from 'node:child_process';
import { join, relative } from 'node:path';

/** The commit that first added a file, with its committer date (YYYY-MM-DD, in the committer's time zone). */
export interface GitAddition {
  commit: string;
  date: string;
}

/** The git witness of a content folder: when each file was first added, or why that cannot be known. */
export type GitWitness = { available: true; additions: ReadonlyMap<string, GitAddition> } | { available: false; reason: string };

function git(cwd: string, args: readonly string[]): string {
  return execFileSync('git', ['-C', cwd, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
}

/**
 * Parses `git log --diff-filter=A --format=%x00%H %cs --name-only` output (newest first) into the first
 * addition of each path; paths are as git prints them, relative to the repository's top level.
 */
export function parseGitAdditions(log: string): Map<string, GitAddition> {
  const additions = new Map<string, GitAddition>();
  for (const record of log.split('\0')) {
    const [header = '', ...paths] = record.split('\n');
    const [commit, date] = header.trim().split(' ');
    if (!commit || !date) continue;
    // Newest first: a later (older) addition of the same path replaces an earlier one, so the first wins.
    for (const path of paths) if (path.trim() !== '') additions.set(path.trim(), { commit, date });
  }
  return additions;
}

/** When each file under `contentDir` was first committed, keyed by its path relative to `projectRoot`. */
export function readGitWitness(projectRoot: string, contentDir: string): GitWitness {
  let top: string;
  try {
    top = git(projectRoot, ['rev-parse', '--show-toplevel']).trim();
  } catch {
    return { available: false, reason: 'the project is not a git repository (or git is not installed)' };
  }
  try {
    if (git(projectRoot, ['rev-parse', '--is-shallow-repository']).trim() === 'true') {
      return { available: false, reason: 'the clone is shallow, so the commits that added older versions are missing (fetch the full history: actions/checkout with fetch-depth: 0)' };
    }
    const log = git(top, ['log', '--diff-filter=A', '--no-renames', '--format=%x00%H %cs', '--name-only', '--', relative(top, contentDir) || '.']);
    const additions = new Map<string, GitAddition>();
    for (const [path, addition] of parseGitAdditions(log)) additions.set(relative(projectRoot, join(top, path)), addition);
    return { available: true, additions };
  } catch {
    // A repository without any commit yet has no history to witness anything.
    return { available: true, additions: new Map() };
  }
}

/** The text of `path` (relative to `projectRoot`) in each commit that changed it, newest first: where a corrected version's earlier text is found. */
export function gitTextsOf(projectRoot: string, path: string): string[] {
  try {
    const commits = git(projectRoot, ['log', '--format=%H', '--', path]).split('\n').filter((line) => line !== '');
    const top = git(projectRoot, ['rev-parse', '--show-toplevel']).trim();
    const fromTop = relative(top, join(projectRoot, path));
    return commits.map((commit) => git(top, ['show', `${commit}:${fromTop}`]));
  } catch {
    return [];
  }
}
