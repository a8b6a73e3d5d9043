import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type BuildResult, runBuild } from '../support/build-site.ts';

function files(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(root, join(dir, entry.name)) : [relative(root, join(dir, entry.name))],
  );
}

/** Paths of the files that differ between two builds (or exist in only one). */
function differences(a: string, b: string): string[] {
  const left = files(a).sort();
  const right = files(b).sort();
  const onlyOne = [...left.filter((path) => !right.includes(path)), ...right.filter((path) => !left.includes(path))];
  return [...onlyOne, ...left.filter((path) => right.includes(path) && !readFileSync(join(a, path)).equals(readFileSync(join(b, path))))];
}

// Pagefind has no incremental mode; a rebuild gives it the last build's pages while Vite bundles and uses that
// index only if it is exactly how the new one starts (src/integrations/pagefind.ts).
describe('the search index of a rebuild', () => {
  const caches = mkdtempSync(join(tmpdir(), 'redline-search-rebuild-'));
  afterAll(() => rmSync(caches, { recursive: true, force: true }));
  const build = (name: string, cache: string, now: string): BuildResult => {
    const result = runBuild({ name, env: { REDLINE_CACHE_DIR: join(caches, cache), REDLINE_NOW: now } });
    expect(result.status, result.output).toBe(0);
    return result;
  };

  it('reuses the last build’s pages when nothing changed, and is the index a cold build makes', () => {
    const cold = build('search-cold', 'a', '2026-11-23');
    expect(cold.output).not.toContain('given to Pagefind while the site was bundled');
    const warm = build('search-warm', 'a', '2026-11-23');
    expect(warm.output).toMatch(/Indexed (\d+) version pages in \d+ ms \(\1 given to Pagefind while the site was bundled, from the last build\)/u);
    expect(differences(cold.outDir, warm.outDir)).toEqual([]);
  });

  it('indexes everything again when a page it was given has changed, and is the index a cold build makes', () => {
    // Years later every upcoming version is in force: statuses, which the index filters on, have changed.
    const later = build('search-later-warm', 'a', '2031-01-01');
    expect(later.output).toMatch(/Indexed (\d+) version pages in \d+ ms \(all again: the \1 pages given to Pagefind from the last build had changed\)/u);
    const cold = build('search-later-cold', 'b', '2031-01-01');
    expect(differences(cold.outDir, later.outDir)).toEqual([]);
  });
});
