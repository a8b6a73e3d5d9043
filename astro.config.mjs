// @ts-check
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import siteInput from './redline.config.ts';
import { redlineContentCheck } from './src/integrations/content-check.ts';
import { withStageTimings } from './src/integrations/stage-timings.ts';
import { headingAnchorsPlugin } from './src/lib/heading-anchors.ts';
import { resolveSiteConfig } from './src/lib/site-config.ts';

const site = resolveSiteConfig(siteInput, { SITE_URL: process.env.SITE_URL, BASE_PATH: process.env.BASE_PATH });

export default defineConfig({
  site: site.siteUrl,
  base: site.basePath,
  trailingSlash: 'ignore',
  outDir: process.env.REDLINE_OUT_DIR ?? './dist',
  // `npm run bench` gives its builds their own cache, so cold and warm builds are what they say.
  cacheDir: process.env.REDLINE_CACHE_DIR ?? './node_modules/.astro',
  markdown: {
    processor: satteri({ hastPlugins: [headingAnchorsPlugin()] }),
  },
  // Stage timings for `npm run bench` only; without REDLINE_BENCH_TIMINGS the list is returned as is.
  integrations: withStageTimings([redlineContentCheck({ placeholders: site.placeholders }), mdx()], process.env.REDLINE_BENCH_TIMINGS),
  vite: {
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
