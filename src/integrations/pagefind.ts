import { createHash } from 'node:crypto';
import { glob, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import { writeFileAtomically } from '../lib/atomic-write.ts';
import { routePath } from '../lib/permalinks.ts';
import {
  compareSearchInputs,
  type IndexedPage,
  indexedPageCount,
  PAGEFIND_FOLDER,
  pageUrlOfFile,
  reusesSearchPages,
  SEARCH_EXCLUDED_SELECTORS,
  type SearchInput,
  searchInputOf,
  searchPagesToReuse,
} from '../lib/search-index.ts';
import type { LegalDocument } from '../lib/types.ts';

/** The built files that can be version permalink pages (`/<document>/<version>/`), the only pages indexed. */
const VERSION_PAGE_GLOB = '*/*/index.html';

const INDEX_OPTIONS = { excludeSelectors: [...SEARCH_EXCLUDED_SELECTORS] };

// The last build's search inputs, under Astro's cacheDir. Nothing else needs to match: the early index is made by
// this build's Pagefind with this build's options, and used only if its inputs are this build's.
const INPUTS_FILE = 'redline-search/inputs.json';

function failOn(errors: readonly string[], what: string): void {
  if (errors.length > 0) throw new AstroError(`Pagefind could not ${what}: ${errors.join('; ')}`);
}

const hashOf = (input: SearchInput): string => createHash('sha256').update(input.html).digest('hex');

async function newIndex(): Promise<PagefindIndex> {
  const { index, errors } = await pagefind.createIndex(INDEX_OPTIONS);
  failOn(errors, 'start');
  if (!index) throw new AstroError('Pagefind could not start.');
  return index;
}

/** Adds `inputs` in order; resolves when Pagefind has them all. */
async function addAll(index: PagefindIndex, inputs: readonly SearchInput[]): Promise<void> {
  // Sent at once and handled in order by Pagefind's service (one page at a time whichever way they are sent).
  const results = await Promise.all(inputs.map((input) => index.addHTMLFile({ url: input.url, content: input.html })));
  results.forEach((added, i) => failOn(added.errors, `index ${inputs[i]?.url}`));
}

/** An index started with the last build's pages while Vite bundles, and which pages it was given. */
interface EarlyIndex {
  index: PagefindIndex;
  pages: IndexedPage[];
  /** Settles when Pagefind has every page; false if it failed (the index is then not used). */
  ready: Promise<boolean>;
}

/**
 * Builds the Pagefind search index as part of `astro build`, over the version pages Astro just wrote (the staging
 * folder of scripts/build.ts, given by the hook's `dir`). Only pages marked `data-pagefind-body` are indexed,
 * and only version permalink pages carry it (src/lib/search-index.ts): `/<document>/` duplicates the
 * version in force, and compare, history, feed and notice pages are not legal text.
 *
 * Pagefind has no incremental mode, so a rebuild would index every version again after the pages are written.
 * Instead, as soon as the build starts and while Vite bundles, the last build's inputs (in Astro's cacheDir) go
 * into an index, as far as they match the start of this build's order of version pages (from `documents`, which
 * the content check read: URL and announcement date, see compareSearchInputs). When the pages are written, that index is
 * used if what it was given is exactly how the new index starts (the same pages, byte for byte, in the same
 * order), and only the rest is added; otherwise it is dropped and everything is indexed again. Either way the
 * index is the one a cold build makes.
 */
export function redlinePagefind({ documents }: { documents?: () => readonly LegalDocument[] | undefined } = {}): AstroIntegration {
  let inputsFile: string | undefined;
  let early: EarlyIndex | undefined;
  return {
    name: 'redline:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        inputsFile = join(fileURLToPath(config.cacheDir), INPUTS_FILE);
      },
      'astro:build:start': async () => {
        if (!inputsFile) return;
        let previous: SearchInput[];
        try {
          previous = JSON.parse(await readFile(inputsFile, 'utf8')) as SearchInput[];
        } catch {
          return; // No earlier build: the index is made at the end.
        }
        // This build's version pages, by the URL pageUrlOfFile gives their files (no base path).
        const expected = documents?.()?.flatMap((document) =>
          document.versions.map((version) => ({ url: routePath({ kind: 'version', document: document.slug, version: version.id }, '/'), published: version.published })),
        );
        const reusable = expected ? previous.slice(0, searchPagesToReuse(previous, expected)) : [];
        if (reusable.length === 0) return;
        const index = await newIndex().catch(() => undefined);
        if (!index) return;
        early = {
          index,
          pages: reusable.map((input) => ({ url: input.url, hash: hashOf(input) })),
          ready: addAll(index, reusable).then(
            () => true,
            () => false,
          ),
        };
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        try {
          // Only files at `<document>/<version>/index.html` can be version permalink pages, so only those are
          // read (with history and picker pages, which have no body element): never the compare pages below
          // them, which are most of the site's bytes and never indexed.
          const inputs: SearchInput[] = [];
          for await (const file of glob(VERSION_PAGE_GLOB, { cwd: outDir })) {
            const input = searchInputOf(pageUrlOfFile(file), await readFile(join(outDir, file), 'utf8'));
            if (input) inputs.push(input);
          }
          inputs.sort(compareSearchInputs);
          const pages = inputs.map((input) => ({ url: input.url, hash: hashOf(input) }));

          let index: PagefindIndex;
          let reused = 0;
          let note = '';
          if (early && (await early.ready) && reusesSearchPages(early.pages, pages)) {
            index = early.index;
            reused = early.pages.length;
            note = ` (${reused} given to Pagefind while the site was bundled, from the last build)`;
          } else {
            if (early) {
              await early.index.deleteIndex().catch(() => undefined);
              note = ` (all again: the ${early.pages.length} pages given to Pagefind from the last build had changed)`;
            }
            index = await newIndex();
          }
          await addAll(index, inputs.slice(reused));

          const bundle = join(outDir, PAGEFIND_FOLDER);
          failOn((await index.writeFiles({ outputPath: bundle })).errors, 'write its index');
          const indexed = indexedPageCount(await readFile(join(bundle, 'pagefind-entry.json'), 'utf8'));
          if (indexed === 0) {
            throw new AstroError('Pagefind indexed no page.', 'Version pages must carry data-pagefind-body (see searchIndexAttributes in src/lib/search-index.ts).');
          }
          // For the next build.
          if (inputsFile) await writeFileAtomically(inputsFile, JSON.stringify(inputs));
          logger.info(`Indexed ${indexed} version pages in ${Math.round(performance.now() - started)} ms${note}.`);
        } finally {
          // Pagefind runs a native service; stop it so the build process can exit.
          await pagefind.close();
        }
      },
    },
  };
}
