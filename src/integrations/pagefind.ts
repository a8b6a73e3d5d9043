import { glob, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import * as pagefind from 'pagefind';
import { indexedPageCount, pageUrlOfFile, SEARCH_BODY_ATTRIBUTE, SEARCH_EXCLUDED_SELECTORS, withoutHeadingAnchors } from '../lib/search-index.ts';

/** Where the search bundle is written, relative to the output folder (the search page loads `<base>pagefind/pagefind.js`). */
export const PAGEFIND_FOLDER = 'pagefind';

/** The built files that can be version permalink pages (`/<document>/<version>/`), the only pages indexed. */
export const VERSION_PAGE_GLOB = '*/*/index.html';

function failOn(errors: readonly string[], what: string): void {
  if (errors.length > 0) throw new AstroError(`Pagefind could not ${what}: ${errors.join('; ')}`);
}

/**
 * Builds the Pagefind search index as part of `astro build`, over the pages Astro just wrote (the staging
 * folder of scripts/build.ts, given by the hook's `dir`). Only pages marked `data-pagefind-body` are indexed,
 * and only version permalink pages carry it (src/lib/search-index.ts): `/<document>/` duplicates the
 * version in force, and compare, history, feed and notice pages are not legal text.
 */
export function redlinePagefind(): AstroIntegration {
  return {
    name: 'redline:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors } = await pagefind.createIndex({ excludeSelectors: [...SEARCH_EXCLUDED_SELECTORS] });
          failOn(errors, 'start');
          if (!index) throw new AstroError('Pagefind could not start.');
          // Pages are handed over as text rather than with addDirectory so that heading-anchor links can be
          // taken out first (see withoutHeadingAnchors); the URL is the one addDirectory would give.
          // Only files at `<document>/<version>/index.html` can be version permalink pages, so only those
          // are read (with history and picker pages, which the attribute check skips): never the compare
          // pages below them, which are most of the site's bytes and never indexed.
          // In a fixed order: Pagefind's output depends on the order pages are added, and a directory's order
          // depends on the file system, so the same site would otherwise get a different index elsewhere.
          const files = (await Array.fromAsync(glob(VERSION_PAGE_GLOB, { cwd: outDir }))).sort();
          for (const file of files) {
            const html = await readFile(join(outDir, file), 'utf8');
            if (!html.includes(SEARCH_BODY_ATTRIBUTE)) continue;
            const added = await index.addHTMLFile({ url: pageUrlOfFile(file), content: withoutHeadingAnchors(html) });
            failOn(added.errors, `index ${file}`);
          }
          const bundle = join(outDir, PAGEFIND_FOLDER);
          failOn((await index.writeFiles({ outputPath: bundle })).errors, 'write its index');
          const indexed = indexedPageCount(await readFile(join(bundle, 'pagefind-entry.json'), 'utf8'));
          if (indexed === 0) {
            throw new AstroError('Pagefind indexed no page.', 'Version pages must carry data-pagefind-body (see searchIndexAttributes in src/lib/search-index.ts).');
          }
          logger.info(`Indexed ${indexed} version pages in ${Math.round(performance.now() - started)} ms.`);
        } finally {
          // Pagefind runs a native service; stop it so the build process can exit.
          await pagefind.close();
        }
      },
    },
  };
}
