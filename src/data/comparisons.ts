/**
 * The compare pages' data: which pairs are built (src/lib/compare-pairs.ts) and, for one pair, the
 * comparison of its rendered blocks (src/lib/comparison.ts) plus the MDX source diff for authors.
 */
import { createHash } from 'node:crypto';
import { comparePairs, pairSlug } from '../lib/compare-pairs.ts';
import { type Comparison, buildComparison } from '../lib/comparison.ts';
import { formatDate } from '../lib/dates.ts';
import { type SourceDiff, renderSourceDiff } from '../lib/diff/index.ts';
import { timeStage } from '../lib/stage-timer.ts';
import type { LegalDocument, Version } from '../lib/types.ts';
import { nextVersion, previousVersion } from '../lib/versions.ts';
import { getLegalDocuments, versionSource } from './documents.ts';
import { type CacheCodec, cachedResult } from './build-cache.ts';
import { renderedBlocks } from './rendered-blocks.ts';
import { buildDate, pathTo, site } from './site.ts';

/** The label of a version in a redline's column heading and in pickers: "Version of 1 February 2025". */
export function versionLabel(version: Pick<Version, 'effective'>): string {
  return `Version of ${formatDate(version.effective)}`;
}

/**
 * Params and props of every built compare page: linear in the number of versions. Each carries a `cacheKey`
 * (Astro's experimental incremental build): a page whose key and code are unchanged since the last build is
 * copied from it instead of rendered again, so a rebuild after adding a version renders only its new pairs.
 */
export async function comparePagePaths() {
  const documents = await getLegalDocuments();
  return documents.flatMap((document) =>
    comparePairs(document.versions, buildDate).map(({ from, to }) => ({
      params: { document: document.slug, pair: pairSlug(from, to) },
      props: { document, from, to },
      cacheKey: comparePageKey(document, from, to),
    })),
  );
}

/**
 * Everything a compare page shows besides code and site config: the two sources (their sha256 covers the
 * frontmatter: dates, summary), the document's title, the neighbours the source-changes note links to, and
 * the URL settings (env, not config). The build date only decides which pairs are built, not what they show.
 */
export function comparePageKey(document: LegalDocument, from: Version, to: Version): string {
  const next = nextVersion(document.versions, from);
  const previous = previousVersion(document.versions, to);
  return createHash('sha256')
    .update(
      JSON.stringify([
        document.slug,
        document.title,
        [from.id, from.sha256],
        [to.id, to.sha256],
        [next?.id, next?.effective],
        [previous?.id, previous?.effective],
        site.siteUrl,
        site.basePath,
      ]),
    )
    .digest('hex');
}

/** A comparison as a compare page shows it: everything but the change model. */
export type PageComparison = Omit<Comparison, 'model'>;

// On disk without the change model (no page shows it), and with the Set and the Map as arrays.
const pageComparisonCodec: CacheCodec<PageComparison> = {
  encode: (comparison) => ({ ...comparison, changedToc: [...comparison.changedToc], firstChange: [...comparison.firstChange] }),
  decode: (stored) => {
    const value = stored as Omit<PageComparison, 'changedToc' | 'firstChange'> & { changedToc: string[]; firstChange: Array<[string, string]> };
    return { ...value, changedToc: new Set(value.changedToc), firstChange: new Map(value.firstChange) };
  },
};

// The change counts of feeds and notices (./change-counts.ts) are the summary of the same comparison as a
// version's compare page against the version before it: whichever asks first computes it, the other gets it
// from here instead of diffing the pair again. A compare page releases its entry once it has it (each page is
// rendered once), so only the comparisons asked for by counts and not yet by a page stay in memory.
const comparisons = new Map<string, Promise<PageComparison>>();

/** The comparison of `from` and `to` (diffed once per build, and cached on disk by the two sources' sha256). */
export function pairComparison(document: LegalDocument, from: Version, to: Version, { release = false } = {}): Promise<PageComparison> {
  const key = `${document.slug}/${pairSlug(from, to)}`;
  let comparison = comparisons.get(key);
  if (!comparison) {
    const options = {
      oldLabel: versionLabel(from),
      newLabel: versionLabel(to),
      minHeadings: site.tocMinHeadings,
      newHref: pathTo({ kind: 'version', document: document.slug, version: to.id }),
    };
    comparison = timeStage('diff', () =>
      cachedResult(
        'comparison',
        [from.sha256, to.sha256, JSON.stringify(options)],
        async (): Promise<PageComparison> => {
          const [oldBlocks, newBlocks] = await Promise.all([renderedBlocks(from), renderedBlocks(to)]);
          const { summary, toc, changedToc, firstChange, inlineHtml, sideBySideHtml } = buildComparison(oldBlocks, newBlocks, options);
          return { summary, toc, changedToc, firstChange, inlineHtml, sideBySideHtml };
        },
        pageComparisonCodec,
      ),
    );
  }
  if (release) comparisons.delete(key);
  else comparisons.set(key, comparison);
  return comparison;
}

/** One built compare page's content. */
export interface ComparePageData {
  comparison: PageComparison;
  /** The MDX source diff: only on a version's page against the version before it (see sourceSteps). */
  source: { diff: SourceDiff; /** CSP hash of its stylesheet (`sha256-...`), which the page inlines. */ styleHash: `sha256-${string}` } | undefined;
  /**
   * For any other pair, the first and last of the one-version steps between `from` and `to`, whose pages
   * hold the source changes. A source diff across many versions mixes every step's markup edits into one
   * long patch (a third of such a page, and half of the source-diff time), and authors review markup one
   * version at a time.
   */
  sourceSteps: { first: { from: Version; to: Version }; last: { from: Version; to: Version } } | undefined;
}

/**
 * Diffs `from` and `to` of `document` from the memoised rendered blocks, and, when `from` is the version before
 * `to`, their MDX sources. Both results are cached on disk by the two sources' sha256 (./build-cache.ts), so a
 * rebuild diffs only new pairs.
 */
export async function comparePageData(document: LegalDocument, from: Version, to: Version): Promise<ComparePageData> {
  const names = { old: `${document.slug}/${from.id}.mdx`, new: `${document.slug}/${to.id}.mdx` };
  const comparison = await pairComparison(document, from, to, { release: true });
  const previous = previousVersion(document.versions, to);
  if (previous?.id !== from.id) {
    const next = nextVersion(document.versions, from);
    const steps = next && previous ? { first: { from, to: next }, last: { from: previous, to } } : undefined;
    return { comparison, source: undefined, sourceSteps: steps };
  }
  const diff = await timeStage('source diff', () =>
    cachedResult('source-diff', [from.sha256, to.sha256, JSON.stringify(names)], async () => {
      const [oldSource, newSource] = await Promise.all([versionSource(from), versionSource(to)]);
      return renderSourceDiff(oldSource, newSource, names);
    }),
  );
  return { comparison, source: { diff, styleHash: `sha256-${createHash('sha256').update(diff.css).digest('base64')}` }, sourceSteps: undefined };
}
