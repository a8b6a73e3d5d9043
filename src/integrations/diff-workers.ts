import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The diff workers' file, which Node loads itself (src/workers/diff-tasks.ts). */
const WORKER_FILE = 'src/workers/diff-tasks.ts';

/**
 * How many diff worker threads a build uses: `REDLINE_DIFF_THREADS` when set (0 diffs in the main thread), else
 * one per core besides the main thread's, at least one (on two cores, a second worker measured no faster and
 * took 250 MB more: docs/benchmarks.md). Throws on a value that is not a whole number.
 */
export function diffWorkerThreads(setting: string | undefined, cores: number): number {
  if (setting === undefined || setting.trim() === '') return Math.max(1, cores - 1);
  const threads = Number(setting);
  if (!Number.isInteger(threads) || threads < 0) {
    throw new Error(`REDLINE_DIFF_THREADS must be a whole number of worker threads (0 diffs in the main thread), not "${setting}".`);
  }
  return threads;
}

/**
 * Astro's `build.concurrency` with the diff workers on: every page at once (Astro renders at most 100,000 at a
 * time). The pages that wait for the workers (blocks JSON, feeds, notices, compare pages: over a thousand at
 * 300 versions) come first in Astro's route order; with a smaller limit they would fill it, and the main thread
 * would wait with them instead of rendering the version pages meanwhile. A waiting page holds only its props.
 */
const ALL_PAGES_AT_ONCE = 100_000;

/**
 * Under `astro build`, diffs in worker threads (src/data/diff-pool.ts) while the main thread renders the pages
 * (docs/benchmarks.md, "Diff workers").
 */
export function redlineDiffWorkers(): AstroIntegration {
  return {
    name: 'redline:diff-workers',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        if (command !== 'build') return;
        const threads = diffWorkerThreads(process.env['REDLINE_DIFF_THREADS'], availableParallelism());
        if (threads === 0) {
          logger.info('Diffing in the main thread (REDLINE_DIFF_THREADS=0).');
          return;
        }
        const filename = fileURLToPath(new URL(WORKER_FILE, config.root));
        updateConfig({
          build: { concurrency: ALL_PAGES_AT_ONCE },
          vite: { define: { 'import.meta.env.REDLINE_DIFF_WORKERS': JSON.stringify({ filename, threads }) } },
        });
        logger.info(`Diffing in ${threads} worker thread${threads === 1 ? '' : 's'}.`);
      },
    },
  };
}
