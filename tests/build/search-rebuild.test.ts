import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type BuildResult, differingFiles, runBuild } from '../support/build-site.ts';

// Pagefind has no incremental mode; a build gives it the last build's pages while Vite bundles, then each version
// page as it is rendered, and uses that index only if it is exactly how the new one starts
// (src/integrations/pagefind.ts).
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
    // Without a last build, every version page went to Pagefind as it was rendered, none after the last page, and
    // the index was written as soon as the last of them went in, while the rest of the site rendered.
    expect(cold.output).toMatch(/Indexed (\d+) version pages in \d+ ms \(\1 while the pages rendered, the index written while the rest of the site rendered\)/u);
    const warm = build('search-warm', 'a', '2026-11-23');
    expect(warm.output).toMatch(/Indexed (\d+) version pages in \d+ ms \(\1 given to Pagefind while the site was bundled, from the last build\)/u);
    // The warm build wrote its index after the last page (its pages were copied, not rendered): the same files.
    expect(warm.output).not.toContain('the index written while the rest of the site rendered');
    expect(differingFiles(cold.outDir, warm.outDir)).toEqual([]);
  });

  it('indexes everything again when a page it was given has changed, and is the index a cold build makes', () => {
    // Years later every upcoming version is in force: statuses, which the index filters on, have changed.
    const later = build('search-later-warm', 'a', '2031-01-01');
    expect(later.output).toMatch(/Indexed (\d+) version pages in \d+ ms \(all again: the \1 pages given to Pagefind from the last build had changed\)/u);
    const cold = build('search-later-cold', 'b', '2031-01-01');
    expect(differingFiles(cold.outDir, later.outDir)).toEqual([]);
  });
});
