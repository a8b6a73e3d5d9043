// @ts-check
import { createHash } from 'node:crypto';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import siteInput from './redline.config.ts';
import { redlineBuildCache } from './src/integrations/build-cache.ts';
import { redlineContentCheck } from './src/integrations/content-check.ts';
import { redlineDiffWorkers } from './src/integrations/diff-workers.ts';
import { redlineHostFiles } from './src/integrations/host-files.ts';
import { redlinePagefind } from './src/integrations/pagefind.ts';
import { withStageTimings } from './src/integrations/stage-timings.ts';
import { clauseIdsPlugin } from './src/lib/site/heading-anchors.ts';
import { CSP_DIRECTIVES, CSP_SCRIPT_SOURCES, CSP_STYLE_SOURCES } from './src/lib/site/security.ts';
import { resolveBuildDate } from './src/lib/content/dates.ts';
import { resolveSiteConfig } from './src/lib/site/config.ts';

// Astro's build cache holds the content it synced; a folder per content folder keeps fixtures and benchmark
// corpora (REDLINE_CONTENT_DIR) from reading each other's entries.
const contentCacheKey = process.env.REDLINE_CONTENT_DIR
  ? createHash('sha256').update(process.env.REDLINE_CONTENT_DIR).digest('hex').slice(0, 12)
  : 'content';

/** The documents as the content check read them (src/integrations/content-check.ts), for the search index. */
/** @type {readonly import('./src/lib/content/types.ts').LegalDocument[] | undefined} */
let checkedDocuments;

const site = resolveSiteConfig(siteInput, { SITE_URL: process.env.SITE_URL, BASE_PATH: process.env.BASE_PATH });

export default defineConfig({
  site: site.siteUrl,
  base: site.basePath,
  trailingSlash: 'ignore',
  outDir: process.env.REDLINE_OUT_DIR ?? './dist',
  // `npm run bench` gives its builds their own cache (REDLINE_CACHE_DIR), so cold and warm builds are what they say.
  cacheDir: process.env.REDLINE_CACHE_DIR ?? `./node_modules/.astro/${contentCacheKey}`,
  security: {
    // No 'unsafe-inline' anywhere: Astro hashes what it inlines; everything else is same-origin.
    csp: {
      directives: [...CSP_DIRECTIVES],
      scriptDirective: { resources: [...CSP_SCRIPT_SOURCES] },
      styleDirective: { resources: [...CSP_STYLE_SOURCES] },
    },
  },
  experimental: {
    // Pages whose getStaticPaths() entry has a cacheKey (compare pages, blocks JSON, sources) are copied from
    // the previous build when their key and code are unchanged (docs/benchmarks.md, "The rebuild").
    incrementalBuild: true,
  },
  markdown: {
    // Shiki's inline styles would need 'unsafe-inline'; legal text has no code worth colouring.
    syntaxHighlight: false,
    processor: satteri({ hastPlugins: [clauseIdsPlugin()] }),
  },
  // Stage timings for `npm run bench` only; without REDLINE_BENCH_TIMINGS the list is returned as is.
  integrations: withStageTimings(
    [
      redlineContentCheck({ placeholders: site.placeholders, placeholderAllow: site.placeholderAllow, today: resolveBuildDate(process.env.REDLINE_NOW, new Date()), onChecked: (documents) => (checkedDocuments = documents) }),
      redlineBuildCache(),
      redlineDiffWorkers(),
      mdx(),
      redlineHostFiles({ basePath: site.basePath }),
      // The documents the build will index, known from the content check before anything is bundled.
      redlinePagefind({ documents: () => checkedDocuments }),
    ],
    process.env.REDLINE_BENCH_TIMINGS,
  ),
  vite: {
    // Test and benchmark builds write inside the project; the dev server must not restart on them.
    server: { watch: { ignored: ['**/.test-builds/**', '**/.bench/**', '**/dist/**'] } },
    build: {
      rolldownOptions: {
        // Every MDX module triggers a harmless "use astro:head-inject" directive warning (withastro/astro#18087);
        // hiding it keeps real warnings visible.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
