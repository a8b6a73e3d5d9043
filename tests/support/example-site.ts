import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { buildSite } from './build-site.ts';
import { serveStatic, type StaticSite } from './static-server.ts';

/** The example site at the root and under a base path: one build each, shared by every test file. */
export const EXAMPLE_SITES = [
  { base: '/', name: 'example', env: {} },
  { base: '/legal/', name: 'example-legal', env: { BASE_PATH: '/legal/' } },
] as const;

/** The example site served on localhost, with a Chromium to read it. */
export interface ServedExample {
  site: StaticSite;
  browser: Browser;
  close(): Promise<void>;
}

/** Builds (or reuses) the example site for `base`, serves it under that base and launches Chromium. */
export async function serveExample(base: (typeof EXAMPLE_SITES)[number]['base'] = '/'): Promise<ServedExample> {
  const example = EXAMPLE_SITES.find((candidate) => candidate.base === base) ?? EXAMPLE_SITES[0];
  const site = await serveStatic(buildSite({ name: example.name, env: example.env }), example.base);
  const browser = await launchBrowser();
  return {
    site,
    browser,
    close: async () => {
      await browser.close();
      await site.close();
    },
  };
}
