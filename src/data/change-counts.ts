/**
 * How much each version changed against the previous published version, from the diff engine: the counts
 * that feed entries and notices carry ("Passages: 2 added ... Words: 120 added ...").
 *
 * We diff what readers see (the rendered HTML, MDX components included), as the compare pages do, so both
 * agree. Each version is rendered once per build and memoised here; the compare pages should share this
 * cache (`renderedBlocks`) rather than render the same versions a second time.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import mdxRenderer from '@astrojs/mdx/server.js';
import Callout from '../components/Callout.astro';
import DocLink from '../components/DocLink.astro';
import type { ChangeCountsLookup } from '../lib/feeds/model.ts';
import { publishedVersions } from '../lib/feeds/model.ts';
import { type Block, type ChangeCounts, diffBlocks, extractBlocks, summarizeChanges } from '../lib/diff/index.ts';
import type { LegalDocument, Version } from '../lib/types.ts';
import { previousVersion } from '../lib/versions.ts';
import { renderVersion } from './documents.ts';

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
    blocks = (async () => {
      const [{ Content }, renderer] = await Promise.all([renderVersion(version), getContainer()]);
      // The same components as the version page (src/layouts/VersionLayout.astro), so the text matches.
      const html = await renderer.renderToString(Content, { props: { components: { Callout, DocLink } } });
      return extractBlocks(html);
    })();
    blocksCache.set(key, blocks);
  }
  return blocks;
}

/** The diff engine's counts of `version` against the previous published version; undefined for a first version. */
export async function changeCountsFor(document: LegalDocument, version: Version): Promise<ChangeCounts | undefined> {
  const versions = publishedVersions(document);
  const previous = previousVersion(versions, version);
  if (!previous) return undefined;
  const [oldBlocks, newBlocks] = await Promise.all([renderedBlocks(previous), renderedBlocks(version)]);
  return summarizeChanges(diffBlocks(oldBlocks, newBlocks)).total;
}

/** The change counts of every published version of `documents`, computed up front for the synchronous feed builders. */
export async function changeCountsLookup(documents: readonly LegalDocument[]): Promise<ChangeCountsLookup> {
  const counts = new Map<string, ChangeCounts | undefined>();
  for (const document of documents) {
    for (const version of publishedVersions(document)) {
      counts.set(`${document.slug}/${version.id}`, await changeCountsFor(document, version));
    }
  }
  return (document, version) => counts.get(`${document.slug}/${version.id}`);
}
