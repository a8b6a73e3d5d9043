import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createDiffRunner } from '../../src/data/diff-pool.ts';
import { diffWorkerThreads } from '../../src/integrations/diff-workers.ts';
import { buildComparison } from '../../src/lib/diff/comparison.ts';
import { extractBlocks } from '../../src/lib/diff/blocks.ts';
import { renderSourceDiff } from '../../src/lib/diff/source-diff.ts';
import { cases } from '../fixtures/diff/cases.ts';

const WORKER_FILE = fileURLToPath(new URL('../../src/workers/diff-tasks.ts', import.meta.url));
const options = { oldLabel: 'Version of 1 March 2024', newLabel: 'Version of 1 July 2024', minHeadings: 1, newHref: '/privacy/2024-07-01/' };

describe('diffWorkerThreads', () => {
  it('uses every core but the main thread’s, at least one', () => {
    expect(diffWorkerThreads(undefined, 8)).toBe(7);
    expect(diffWorkerThreads(undefined, 2)).toBe(1);
    expect(diffWorkerThreads(undefined, 1)).toBe(1);
    expect(diffWorkerThreads('  ', 4)).toBe(3);
  });

  it('takes REDLINE_DIFF_THREADS, 0 meaning the main thread', () => {
    expect(diffWorkerThreads('0', 8)).toBe(0);
    expect(diffWorkerThreads('3', 2)).toBe(3);
  });

  it('rejects a value that is not a whole number of threads, saying what it wants', () => {
    for (const bad of ['two', '-1', '1.5']) {
      expect(() => diffWorkerThreads(bad, 2)).toThrow(`REDLINE_DIFF_THREADS must be a whole number of worker threads (0 diffs in the main thread), not "${bad}"`);
    }
  });
});

describe('diff workers', () => {
  const runner = createDiffRunner({ filename: WORKER_FILE, threads: 2 });
  afterAll(() => runner.close());

  it('load the task file with Node itself and give the main thread’s answers, pair by pair', async () => {
    expect(runner.inWorkers).toBe(true);
    for (const [index, fixture] of cases.entries()) {
      // Both versions of a pair under one affinity, as the site sends a document's pairs to one worker.
      const from = { key: `${index}/old`, html: fixture.old };
      const to = { key: `${index}/new`, html: fixture.new };
      const stored = await runner.run('compareVersions', { from, to, options }, 'diff', { affinity: String(index) });
      const expected = buildComparison(extractBlocks(fixture.old), extractBlocks(fixture.new), options);
      expect(stored.inlineHtml, fixture.name).toBe(expected.inlineHtml);
      expect(stored.sideBySideHtml, fixture.name).toBe(expected.sideBySideHtml);
      expect(stored.summary, fixture.name).toEqual(expected.summary);
      expect(stored.toc, fixture.name).toEqual(expected.toc);
      expect(new Set(stored.changedToc), fixture.name).toEqual(expected.changedToc);
      expect(new Map(stored.firstChange), fixture.name).toEqual(expected.firstChange);
    }
    expect(runner.inWorkers).toBe(true);
  });

  it('give the blocks JSON and the source diff the main thread would', async () => {
    const fixture = cases[0]!;
    const json = await runner.run('versionBlocksJson', { version: { key: 'json', html: fixture.new } }, 'rendered blocks', { affinity: 'a' });
    expect(json).toBe(JSON.stringify(extractBlocks(fixture.new)));
    const names = { old: 'privacy/2024-03-01.mdx', new: 'privacy/2024-07-01.mdx' };
    const sources = { oldSource: '# Privacy\n\nWe keep data for ninety days.\n', newSource: '# Privacy\n\nWe keep data for thirty days.\n' };
    const diff = await runner.run('diffSources', { ...sources, names }, 'source diff', { affinity: 'b' });
    expect(diff).toEqual(await renderSourceDiff(sources.oldSource, sources.newSource, names));
  });

  it('are sent every task as soon as it is asked for, so that they diff while the main thread is busy', async () => {
    const fixture = cases[0]!;
    const input = (i: number) => ({ from: { key: `queue/${i}/old`, html: fixture.old }, to: { key: `queue/${i}/new`, html: fixture.new }, options });
    // Once the worker is up (the first task answered), every task asked for is in the worker's own queue at once,
    // none held back in this thread until the one before it has been answered.
    await runner.run('compareVersions', input(0), 'diff', { affinity: 'queue' });
    const results = Array.from({ length: 12 }, (_, i) => runner.run('compareVersions', input(i + 1), 'diff', { affinity: 'queue' }));
    expect(runner.waitingToBeSent).toBe(0);
    const expected = buildComparison(extractBlocks(fixture.old), extractBlocks(fixture.new), options).inlineHtml;
    for (const result of await Promise.all(results)) expect(result.inlineHtml).toBe(expected);
  });

  it('keep working after a task that fails, which fails with its own error', async () => {
    const broken = { from: { key: 'x', html: '<p>a</p>' }, to: { key: 'y', html: '<p>b</p>' }, options: undefined as unknown as typeof options };
    await expect(runner.run('compareVersions', broken, 'diff', { affinity: 'c' })).rejects.toThrow();
    expect(runner.inWorkers).toBe(true);
  });
});

describe('without workers', () => {
  it('a runner without settings diffs in the main thread', async () => {
    const runner = createDiffRunner(undefined);
    expect(runner.inWorkers).toBe(false);
    const fixture = cases[0]!;
    // A key names one HTML (the site uses the version and its sha256).
    const stored = await runner.run('compareVersions', { from: { key: 'main/old', html: fixture.old }, to: { key: 'main/new', html: fixture.new }, options }, 'diff', { affinity: 'd' });
    expect(stored.inlineHtml).toBe(buildComparison(extractBlocks(fixture.old), extractBlocks(fixture.new), options).inlineHtml);
  });

  it('workers that cannot load the task file fall back to the main thread once, with a warning, and give the same answer', async () => {
    const warnings: string[] = [];
    const runner = createDiffRunner({ filename: fileURLToPath(new URL('./no-such-worker.ts', import.meta.url)), threads: 1 }, (message) => warnings.push(message));
    expect(runner.inWorkers).toBe(true);
    const fixture = cases[1]!;
    const input = { from: { key: 'fallback/old', html: fixture.old }, to: { key: 'fallback/new', html: fixture.new }, options };
    const first = await runner.run('compareVersions', input, 'diff', { affinity: 'e' });
    const second = await runner.run('compareVersions', input, 'diff', { affinity: 'e' });
    expect(first.inlineHtml).toBe(buildComparison(extractBlocks(fixture.old), extractBlocks(fixture.new), options).inlineHtml);
    expect(second).toEqual(first);
    expect(runner.inWorkers).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Diff workers are off, diffing in the main thread instead: /u);
    await runner.close();
  });
});
