/**
 * Each version's rendered text: the HTML of its MDX with the site's components, rendered once per build and
 * memoised. The version pages show it (with the headings' "§" links), the diff engine reads it, and the
 * blocks JSON the compare picker diffs in the browser is made from it, so they all agree.
 *
 * We diff what readers see (the rendered HTML, MDX components included), not the MDX source.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import mdxRenderer from '@astrojs/mdx/server.js';
import pLimit from 'p-limit';
import Callout from '../components/Callout.astro';
import DocLink from '../components/DocLink.astro';
import { addHeadingAnchors } from '../lib/site/heading-anchors.ts';
import { timeStage } from '../integrations/stage-timer.ts';
import type { Version } from '../lib/content/types.ts';
import type { VersionHtml } from '../workers/diff-tasks.ts';
import { diffRunner } from './diff-pool.ts';
import { renderVersion, versionKey } from './documents.ts';

let container: Promise<AstroContainer> | undefined;

async function getContainer(): Promise<AstroContainer> {
  container ??= AstroContainer.create().then((created) => {
    // Without the MDX renderer the container cannot render MDX content (NoMatchingRenderer).
    created.addServerRenderer({ name: 'astro:jsx', renderer: mdxRenderer });
    return created;
  });
  return container;
}

const htmlCache = new Map<string, Promise<VersionHtml>>();

// Versions are rendered one at a time, in the order they are first asked for. Every page of a build starts at
// once (`build.concurrency`), and 300 renders interleaved would all finish together near the end, leaving the
// diff workers and the search index idle until then. The compare pages' getStaticPaths() (./comparisons.ts) asks
// first, in the order that feeds them both (startDiffWork there; docs/benchmarks.md).
const renderQueue = pLimit(1);

/** One version's rendered HTML, keyed by the version and its source's sha256; rendered once per build. */
export function versionHtml(version: Pick<Version, 'document' | 'id' | 'sha256'>): Promise<VersionHtml> {
  const key = `${versionKey(version)}@${version.sha256}`;
  let html = htmlCache.get(key);
  if (!html) {
    html = renderQueue(() =>
      timeStage('version HTML', async () => {
        const [{ Content }, renderer] = await Promise.all([renderVersion(version), getContainer()]);
        // Every MDX component the content may use.
        return { key, html: await renderer.renderToString(Content, { props: { components: { Callout, DocLink } } }) };
      }),
    );
    htmlCache.set(key, html);
  }
  return html;
}

/**
 * One version's content as its pages show it: the rendered HTML with a "§" link in each heading, for citing a
 * clause (src/lib/site/heading-anchors.ts). The version page and `/<document>/` use this rather than rendering the
 * MDX again.
 */
export async function versionPageHtml(version: Pick<Version, 'document' | 'id' | 'sha256'>): Promise<string> {
  return addHeadingAnchors((await versionHtml(version)).html);
}

/** One version's blocks as JSON (`/api/<document>/<version>.blocks.json`), for the compare picker. */
export async function versionBlocksJson(version: Pick<Version, 'document' | 'id' | 'sha256'>): Promise<string> {
  return diffRunner.run('versionBlocksJson', { version: await versionHtml(version) }, 'rendered blocks', { affinity: version.document });
}
