/**
 * Each version's rendered text as the diff engine's blocks, rendered once per build and memoised. The
 * compare pages, the blocks JSON the browser diffs, and the change counts of feeds and notices all read
 * from here, so they agree and no version is rendered twice.
 *
 * We diff what readers see (the rendered HTML, MDX components included), not the MDX source.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import mdxRenderer from '@astrojs/mdx/server.js';
import Callout from '../components/Callout.astro';
import DocLink from '../components/DocLink.astro';
import { type Block, extractBlocks } from '../lib/diff/index.ts';
import { timeStage } from '../lib/stage-timer.ts';
import type { Version } from '../lib/types.ts';
import { cachedResult } from './build-cache.ts';
import { renderVersion, versionSource } from './documents.ts';

let container: Promise<AstroContainer> | undefined;

async function getContainer(): Promise<AstroContainer> {
  container ??= AstroContainer.create().then((created) => {
    // Without the MDX renderer the container cannot render MDX content (NoMatchingRenderer).
    created.addServerRenderer({ name: 'astro:jsx', renderer: mdxRenderer });
    return created;
  });
  return container;
}

const blocksCache = new Map<string, Promise<Block[]>>();

/** The diff engine's blocks of one version's rendered text; rendered once per build. */
export function renderedBlocks(version: Pick<Version, 'document' | 'id'>): Promise<Block[]> {
  const key = `${version.document}/${version.id}`;
  let blocks = blocksCache.get(key);
  if (!blocks) {
    // Cached on disk by the version's source (the build cache's fingerprint covers components and config).
    blocks = timeStage('rendered blocks', async () =>
      cachedResult('rendered-blocks', [await versionSource(version)], async () => {
        const [{ Content }, renderer] = await Promise.all([renderVersion(version), getContainer()]);
        // The same components as the version page (src/layouts/VersionLayout.astro), so the text matches.
        const html = await renderer.renderToString(Content, { props: { components: { Callout, DocLink } } });
        return extractBlocks(html);
      }),
    );
    blocksCache.set(key, blocks);
  }
  return blocks;
}
