import { createHash } from 'node:crypto';
import { globSync, readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { writeFileAtomically } from '../lib/site/atomic-write.ts';
import {
  compareSearchInputs,
  type IndexedPage,
  indexedPageCount,
  PAGEFIND_FOLDER,
  pageUrlOfFile,
  pageUrlOfPath,
  reusesSearchPages,
  SEARCH_EXCLUDED_SELECTORS,
  SEARCH_PAGE_SINK,
  type SearchInput,
  searchInputOf,
  searchOrderOf,
  type SearchPageSink,
  searchPageQueue,
  searchPagesToReuse,
} from '../lib/publish/search-index.ts';
import type { LegalDocument } from '../lib/content/types.ts';
import { type SearchIndexThread, startSearchIndexThread } from './search-index-thread.ts';

/** The built files that can be version permalink pages (`/<document>/<version>/`), the only pages indexed. */
const VERSION_PAGE_GLOB = '*/*/index.html';

/** The middleware that hands rendered version pages to the index (relative to the project root, as Astro loads it). */
const MIDDLEWARE_FILE = 'src/integrations/search-pages.ts';

const INDEX_OPTIONS = { excludeSelectors: [...SEARCH_EXCLUDED_SELECTORS] };

/** Pagefind's index runs in this worker (relative to the project root): see the file. */
const INDEX_THREAD_FILE = 'src/workers/search-index.mjs';

// The last build's search inputs, under Astro's cacheDir. Nothing else needs to match: the early index is made by
// this build's Pagefind with this build's options, and used only if its inputs are this build's.
const INPUTS_FILE = 'redline-search/inputs.json';

const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

// An input is hashed when it is given and again when the written pages are checked: once.
const inputHashes = new WeakMap<SearchInput, string>();
function hashOf(input: SearchInput): string {
  let hash = inputHashes.get(input);
  if (hash === undefined) {
    hash = sha256(input.html);
    inputHashes.set(input, hash);
  }
  return hash;
}

/** A version page rendered in this build and given to the index: its input, and the hash of the whole page. */
interface RenderedPage {
  input: SearchInput;
  pageHash: string;
}

/** Adds `inputs` in order; resolves when Pagefind has them all. */
function addAll(index: SearchIndexThread, inputs: readonly SearchInput[]): Promise<void> {
  return index.add(inputs.map((input) => ({ url: input.url, content: input.html })));
}

/** An index under way before the pages are all written, and which pages it was given, in order. */
interface IndexUnderWay {
  index: SearchIndexThread;
  pages: IndexedPage[];
  /** How many of `pages` came from the last build's inputs (the rest from pages rendered in this build). */
  fromLastBuild: number;
  /** Settles when Pagefind has every page given so far; false if adding one failed (the index is then not used). */
  ready: Promise<boolean>;
  /** How many version pages this build will write, from the content: once they are all given, the index is written. */
  expected: number;
  /**
   * The index written into `bundle` as soon as every expected page was given while the pages rendered, without
   * waiting for the rest of the site; true when Pagefind wrote it without errors.
   */
  written?: Promise<boolean>;
}

/** Whether `before` was true and `work` succeeded; both run at once. */
function bothSucceed(before: Promise<boolean>, work: Promise<void>): Promise<boolean> {
  const succeeded = work.then(
    () => true,
    () => false,
  );
  return Promise.all([before, succeeded]).then(([earlier, now]) => earlier && now);
}

/** Gives `inputs` to the index after everything given before; they are used only if all of them go in. */
function giveInOrder(underWay: IndexUnderWay, inputs: readonly SearchInput[]): void {
  underWay.pages.push(...inputs.map((input) => ({ url: input.url, hash: hashOf(input) })));
  // Sent now: the index's thread takes requests in the order sent, so this thread need not wait for the answer to
  // the last batch (which it would see only when it is free) before sending the next.
  underWay.ready = bothSucceed(underWay.ready, addAll(underWay.index, inputs));
}

/**
 * Once every version page the build will write has been given, writes the index into `bundle` at once: Pagefind
 * (a separate process) then writes it while the compare pages and the rest of the site still render, instead of
 * after the last page. The build's end checks that the written pages are the ones given before using it.
 */
function writeWhenComplete(underWay: IndexUnderWay, bundle: string): void {
  if (underWay.written || underWay.pages.length !== underWay.expected) return;
  // Sent at once, after the pages in the thread's order; used only if every page went in.
  underWay.written = bothSucceed(underWay.ready, underWay.index.writeFiles(bundle));
}

type WithSink = typeof globalThis & { [SEARCH_PAGE_SINK]?: SearchPageSink };

/**
 * Builds the Pagefind search index as part of `astro build`, over the version pages Astro writes (the staging
 * folder of scripts/build.ts, given by the hook's `dir`). Only pages marked `data-pagefind-body` are indexed,
 * and only version permalink pages carry it (src/lib/publish/search-index.ts): `/<document>/` duplicates the
 * version in force, and compare, history, feed and notice pages are not legal text.
 *
 * Pagefind has no incremental mode and its index depends on the order pages go in, so the order is fixed (by
 * announcement date, then URL: compareSearchInputs), and the index is started before the pages are written:
 * - as soon as the build starts and while Vite bundles, with the last build's inputs (in Astro's cacheDir), as far
 *   as they match the start of this build's order of version pages (from `documents`, which the content check
 *   read: URL and announcement date);
 * - then, while Astro renders, with each version page as it is rendered (a middleware, ./search-pages.ts, hands
 *   over its HTML), in that order: a page goes in once every page before it has.
 * When the pages are all written, that index is used if what it was given is exactly how the new index starts
 * (the same pages, byte for byte, in the same order, read back from the files), and only the rest is added
 * (in a rebuild, the pages Astro copied instead of rendering); otherwise it is dropped and everything is indexed
 * again. Either way the index is the one a cold build makes.
 */
export function redlinePagefind({ documents }: { documents?: () => readonly LegalDocument[] | undefined } = {}): AstroIntegration {
  let inputsFile: string | undefined;
  let indexThreadFile: string | undefined;
  let bundleDir: string | undefined;
  let basePath = '/';
  let underWay: IndexUnderWay | undefined;
  /** Every index thread started (normally one), each stopped at the end of the build. */
  const threads: SearchIndexThread[] = [];
  const newIndex = async (): Promise<SearchIndexThread> => {
    if (!indexThreadFile) throw new AstroError('The search index was asked for before the configuration was done.');
    const thread = await startSearchIndexThread(indexThreadFile, INDEX_OPTIONS);
    threads.push(thread);
    return thread;
  };
  /** By URL: the version pages the middleware handed over, as rendered. */
  const rendered = new Map<string, RenderedPage>();
  return {
    name: 'redline:pagefind',
    hooks: {
      'astro:config:setup': ({ command, config, addMiddleware }) => {
        if (command === 'build') addMiddleware({ entrypoint: new URL(MIDDLEWARE_FILE, config.root), order: 'pre' });
      },
      'astro:config:done': ({ config }) => {
        inputsFile = join(fileURLToPath(config.cacheDir), INPUTS_FILE);
        indexThreadFile = fileURLToPath(new URL(INDEX_THREAD_FILE, config.root));
        // The folder the build writes (astro:build:done's `dir` for a static site), emptied by Astro before any page.
        bundleDir = join(fileURLToPath(config.outDir), PAGEFIND_FOLDER);
        basePath = config.base;
      },
      'astro:build:start': async () => {
        // This build's version pages, by the URL pageUrlOfFile gives their files (no base path).
        const expected = documents?.()?.flatMap((document) => document.versions.map(searchOrderOf));
        if (!expected) return; // Without the content check's documents, the index is made at the end.
        let previous: SearchInput[] = [];
        try {
          if (inputsFile) previous = JSON.parse(await readFile(inputsFile, 'utf8')) as SearchInput[];
        } catch {
          // No earlier build: every page is given as it is rendered.
        }
        const reusable = previous.slice(0, searchPagesToReuse(previous, expected));
        const index = await newIndex().catch(() => undefined);
        if (!index) return;
        const started: IndexUnderWay = { index, pages: [], fromLastBuild: reusable.length, ready: Promise.resolve(true), expected: expected.length };
        giveInOrder(started, reusable);
        underWay = started;
        const queue = searchPageQueue(expected, reusable.length);
        const sink: SearchPageSink = {
          wants: (pathname) => queue.wants(pageUrlOfPath(pathname, basePath)),
          add: (pathname, html) => {
            const input = searchInputOf(pageUrlOfPath(pathname, basePath), html);
            // A page without a search body is not what the order expected: the pages after it wait for the end.
            if (input) {
              rendered.set(input.url, { input, pageHash: sha256(html) });
              giveInOrder(started, queue.add(input));
            }
            // Only from a rendered page: Astro empties the output folder after this hook, before the first page.
            if (bundleDir) writeWhenComplete(started, bundleDir);
          },
        };
        (globalThis as WithSink)[SEARCH_PAGE_SINK] = sink;
      },
      'astro:build:done': async ({ dir, logger }) => {
        delete (globalThis as WithSink)[SEARCH_PAGE_SINK];
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        try {
          // Only files at `<document>/<version>/index.html` can be version permalink pages, so only those are
          // read (with history and picker pages, which have no body element): never the compare pages below
          // them, which are most of the site's bytes and never indexed. A file written as it was rendered (the same
          // bytes as the middleware had) gives the input made then; any other is read for its input.
          const inputs: SearchInput[] = [];
          // Read synchronously: nothing else is left to run, and each asynchronous read waited its turn behind the
          // build's last writes in libuv's thread pool (0.5 s for 297 pages on a busy machine).
          for (const file of globSync(VERSION_PAGE_GLOB, { cwd: outDir })) {
            const url = pageUrlOfFile(file);
            const bytes = readFileSync(join(outDir, file));
            const asRendered = rendered.get(url);
            const input = asRendered?.pageHash === sha256(bytes) ? asRendered.input : searchInputOf(url, bytes.toString('utf8'));
            if (input) inputs.push(input);
          }
          rendered.clear();
          inputs.sort(compareSearchInputs);
          const pages = inputs.map((input) => ({ url: input.url, hash: hashOf(input) }));

          const bundle = join(outDir, PAGEFIND_FOLDER);
          // Written early (writeWhenComplete), to this folder and without errors: usable if it holds every page.
          const writtenEarly = underWay?.written !== undefined && bundle === bundleDir && (await underWay.written);
          let index: SearchIndexThread;
          let reused = 0;
          /** What the log line says about how the index was made. */
          const parts: string[] = [];
          if (underWay && (await underWay.ready) && reusesSearchPages(underWay.pages, pages)) {
            index = underWay.index;
            reused = underWay.pages.length;
            const fromLastBuild = Math.min(underWay.fromLastBuild, reused);
            if (fromLastBuild > 0) parts.push(`${fromLastBuild} given to Pagefind while the site was bundled, from the last build`);
            if (reused > fromLastBuild) parts.push(`${reused - fromLastBuild} while the pages rendered`);
          } else {
            if (underWay) {
              await underWay.index.deleteIndex().catch(() => undefined);
              await underWay.index.close().catch(() => undefined);
              const { pages: given, fromLastBuild } = underWay;
              parts.push(
                fromLastBuild === given.length
                  ? `all again: the ${given.length} pages given to Pagefind from the last build had changed`
                  : `all again: of the ${given.length} pages given to Pagefind before the end, ${fromLastBuild} from the last build, some had changed`,
              );
            }
            index = await newIndex();
          }
          if (writtenEarly && reused === inputs.length) {
            parts.push('the index written while the rest of the site rendered');
          } else {
            // Anything written early is not this index: Pagefind would leave its fragments beside the new ones.
            if (underWay?.written) await rm(bundle, { recursive: true, force: true });
            await addAll(index, inputs.slice(reused));
            await index.writeFiles(bundle);
          }
          const indexed = indexedPageCount(await readFile(join(bundle, 'pagefind-entry.json'), 'utf8'));
          if (indexed === 0) {
            throw new AstroError('Pagefind indexed no page.', 'Version pages must carry data-pagefind-body (see searchIndexAttributes in src/lib/publish/search-index.ts).');
          }
          const note = parts.length > 0 ? ` (${parts.join(', ')})` : '';
          // For the next build.
          if (inputsFile) await writeFileAtomically(inputsFile, JSON.stringify(inputs));
          logger.info(`Indexed ${indexed} version pages in ${Math.round(performance.now() - started)} ms${note}.`);
        } finally {
          // Pagefind runs a native service in each thread; stop them so the build process can exit.
          await Promise.all(threads.splice(0).map((thread) => thread.close().catch(() => undefined)));
        }
      },
    },
  };
}
