import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildResult, builtFiles, differingFiles, runBuild } from '../support/build-site.ts';

// The example site built twice from cold caches (each its own cacheDir, so Astro's incremental build copies
// nothing): diffing in worker threads, as `npm run build` does, and in the main thread.
describe('diff workers', () => {
  const caches = mkdtempSync(join(tmpdir(), 'redline-diff-workers-'));
  let inWorkers: BuildResult;
  let inMainThread: BuildResult;

  beforeAll(() => {
    inWorkers = runBuild({ name: 'diff-in-workers', env: { REDLINE_CACHE_DIR: join(caches, 'workers'), REDLINE_DIFF_THREADS: '2' } });
    inMainThread = runBuild({ name: 'diff-in-main-thread', env: { REDLINE_CACHE_DIR: join(caches, 'main'), REDLINE_DIFF_THREADS: '0' } });
  });
  afterAll(() => rmSync(caches, { recursive: true, force: true }));

  it('builds with the diff in worker threads, or in the main thread when asked', () => {
    expect(inWorkers.status, inWorkers.output).toBe(0);
    expect(inWorkers.output).toContain('Diffing in 2 worker threads.');
    expect(inWorkers.output).not.toContain('Diff workers are off');
    expect(inMainThread.status, inMainThread.output).toBe(0);
    expect(inMainThread.output).toContain('Diffing in the main thread (REDLINE_DIFF_THREADS=0).');
  });

  it('logs the route list as one line although pages render concurrently, and ends with what it wrote', () => {
    const lines = inWorkers.output.split('\n');
    expect(lines.filter((line) => /\broutes? generated in /.test(line))).toHaveLength(1);
    // Astro writes each route's timing on a line of its own when pages render concurrently; none may reach the log.
    expect(lines.filter((line) => /^\s*\(\+[\d.]+m?s\)\s*$/.test(line))).toEqual([]);
    expect(lines.filter((line) => line.includes('├─'))).toEqual([]);
    expect(inWorkers.output).toMatch(/Redline: \d+ HTML pages, \d+ feeds, \d+ JSON files, \d+ search index files and \d+ other files \([\d.]+ MB\) written to /);
    expect(lines.length).toBeLessThan(40);
  });

  it('gives the same site either way, byte for byte: compare pages, blocks JSON, feeds, notices and search index', () => {
    const built = builtFiles(inWorkers.outDir);
    expect(built).toEqual(builtFiles(inMainThread.outDir));
    expect(built.filter((path) => path.includes('/compare/')).length).toBeGreaterThan(5);
    expect(built.some((path) => path.endsWith('.blocks.json'))).toBe(true);
    const different = differingFiles(inWorkers.outDir, inMainThread.outDir);
    expect(different).toEqual([]);
  });

  it('fails the build on a REDLINE_DIFF_THREADS that is not a number, saying what it wants', () => {
    const result = runBuild({ name: 'diff-threads-bad', env: { REDLINE_DIFF_THREADS: 'many' } });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('REDLINE_DIFF_THREADS must be a whole number of worker threads (0 diffs in the main thread), not "many"');
  });
});
