/**
 * The diff work of a build as plain functions of plain data: a version's rendered HTML to blocks, a pair of
 * versions to everything its compare page shows, two MDX sources to the source diff. Under `astro build`,
 * src/data/diff-pool.ts runs them in worker threads, so they use the cores that page rendering leaves idle;
 * without workers (dev server, `REDLINE_DIFF_THREADS=0`, or a Node that cannot load this file) the same
 * functions run in the main thread.
 *
 * Node loads this file itself in a worker (type stripping, no Vite), so it imports only src/lib and packages, with
 * `.ts` extensions, and nothing that needs Vite (`astro:*`, `import.meta.env`).
 */
import pLimit from 'p-limit';
import { type ComparisonOptions, buildComparison } from '../lib/diff/comparison.ts';
import { type Block, type ChangeSummary, extractBlocks, renderSourceDiff, type SourceDiff, type SourceFileNames } from '../lib/diff/index.ts';
import type { TocEntry } from '../lib/site/toc.ts';

/** A version's rendered HTML and a key that names it (the version's sha256): equal keys mean equal HTML. */
export interface VersionHtml {
  key: string;
  html: string;
}

/** A comparison as a compare page shows it (everything but the change model, which no page shows), in plain data. */
export interface StoredComparison {
  summary: ChangeSummary;
  toc: TocEntry[];
  /** `slug`s of the `toc` entries whose section changed. */
  changedToc: string[];
  /** First change anchor of each changed section: [section id, anchor]. */
  firstChange: Array<[string, string]>;
  inlineHtml: string;
  sideBySideHtml: string;
}

/** A task's result and how long the task took where it ran (for `npm run bench`'s stage timings). */
export interface TaskResult<T> {
  value: T;
  ms: number;
}

// Blocks by version key. A version is diffed against several others (the one before, the one after, the one in
// force) and its blocks are published as JSON, and the engine memoises its per-block work on the block objects,
// so a worker keeps the blocks it made rather than parsing the same HTML again (src/data/diff-pool.ts sends all
// the tasks of a document to the same worker). Bounded, least recently used out, for the dev server, where
// edited versions come and go; a build of a thousand versions keeps them all.
const BLOCKS_KEPT = 1024;
const blocksByKey = new Map<string, Block[]>();

function blocksOf(version: VersionHtml): Block[] {
  let blocks = blocksByKey.get(version.key);
  if (blocks) {
    blocksByKey.delete(version.key);
  } else {
    blocks = extractBlocks(version.html);
    if (blocksByKey.size >= BLOCKS_KEPT) blocksByKey.delete(blocksByKey.keys().next().value as string);
  }
  blocksByKey.set(version.key, blocks);
  return blocks;
}

// A worker holds many tasks at once (src/data/diff-pool.ts sends each as soon as it is asked for); they run one at
// a time, in the order sent, so that each task's time is its own and not the tasks that ran while it awaited.
const oneAtATime = pLimit(1);

function timed<T>(compute: () => T | Promise<T>): Promise<TaskResult<T>> {
  return oneAtATime(async () => {
    const start = performance.now();
    const value = await compute();
    return { value, ms: performance.now() - start };
  });
}

/** One version's blocks as the JSON the compare picker fetches (`/api/<document>/<version>.blocks.json`). */
export function versionBlocksJson(input: { version: VersionHtml }): Promise<TaskResult<string>> {
  return timed(() => JSON.stringify(blocksOf(input.version)));
}

/** Diffs two versions and renders everything their compare page shows. */
export function compareVersions(input: { from: VersionHtml; to: VersionHtml; options: ComparisonOptions }): Promise<TaskResult<StoredComparison>> {
  return timed(() => {
    const { summary, toc, changedToc, firstChange, inlineHtml, sideBySideHtml } = buildComparison(blocksOf(input.from), blocksOf(input.to), input.options);
    return { summary, toc, changedToc: [...changedToc], firstChange: [...firstChange], inlineHtml, sideBySideHtml };
  });
}

/** The highlighted MDX source diff of two versions. */
export function diffSources(input: { oldSource: string; newSource: string; names: SourceFileNames }): Promise<TaskResult<SourceDiff>> {
  return timed(() => renderSourceDiff(input.oldSource, input.newSource, input.names));
}
