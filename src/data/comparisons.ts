/**
 * The compare pages' data: which pairs are built (src/lib/diff/compare-pairs.ts) and, for one pair, the
 * comparison of its rendered versions (src/lib/diff/comparison.ts) plus the MDX source diff for authors.
 */
import { createHash } from 'node:crypto';
import { comparePairs, pairSlug } from '../lib/diff/compare-pairs.ts';
import type { Comparison } from '../lib/diff/comparison.ts';
import { formatDate } from '../lib/content/dates.ts';
import type { SourceDiff } from '../lib/diff/index.ts';
import type { LegalDocument, Version } from '../lib/content/types.ts';
import { nextVersion, previousVersion, sortVersions, versionInForce } from '../lib/content/versions.ts';
import { compareSearchInputs, searchOrderOf } from '../lib/publish/search-index.ts';
import type { StoredComparison } from '../workers/diff-tasks.ts';
import { getLegalDocuments, versionKey, versionSource } from './documents.ts';
import { previousBuildKeys } from './build-cache.ts';
import { diffRunner } from './diff-pool.ts';
import { versionHtml } from './rendered-versions.ts';
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
  const paths = documents.flatMap((document) =>
    comparePairs(document.versions, buildDate).map(({ from, to }) => ({
      params: { document: document.slug, pair: pairSlug(from, to) },
      props: { document, from, to },
      cacheKey: comparePageKey(document, from, to),
    })),
  );
  if (diffRunner.inWorkers) startDiffWork(paths);
  return paths;
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

function fromStored(stored: StoredComparison): PageComparison {
  return { ...stored, changedToc: new Set(stored.changedToc), firstChange: new Map(stored.firstChange) };
}

// The change counts of feeds and notices (./change-counts.ts) are the summary of the same comparison as a
// version's compare page against the version before it: whichever asks first computes it, the other gets it
// from here instead of diffing the pair again. A compare page releases its entry once it has it (each page is
// rendered once), so only the comparisons asked for by counts and not yet by a page stay in memory.
const comparisons = new Map<string, Promise<PageComparison>>();

/** The comparison of `from` and `to`: diffed once per build (in a diff worker under `astro build`, ./diff-pool.ts). */
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
    comparison = Promise.all([versionHtml(from), versionHtml(to)])
      .then(([fromHtml, toHtml]) => diffRunner.run('compareVersions', { from: fromHtml, to: toHtml, options }, 'diff', { affinity: document.slug }))
      .then(fromStored);
  }
  if (release) comparisons.delete(key);
  else comparisons.set(key, comparison);
  return comparison;
}

const sourceDiffs = new Map<string, Promise<SourceDiff>>();

/** The MDX source diff of `from` and its next version `to`; made once per build. */
function pairSourceDiff(document: LegalDocument, from: Version, to: Version, { release = false } = {}): Promise<SourceDiff> {
  const key = `${document.slug}/${pairSlug(from, to)}`;
  let diff = sourceDiffs.get(key);
  if (!diff) {
    const names = { old: `${document.slug}/${from.id}.mdx`, new: `${document.slug}/${to.id}.mdx` };
    diff = Promise.all([versionSource(from), versionSource(to)]).then(([oldSource, newSource]) =>
      diffRunner.run('diffSources', { oldSource, newSource, names }, 'source diff', { affinity: document.slug }),
    );
  }
  if (release) sourceDiffs.delete(key);
  else sourceDiffs.set(key, diff);
  return diff;
}

let diffWorkStarted = false;

/**
 * With the diff workers on (./diff-pool.ts), gives them the comparisons of the compare pages this build will
 * render before the first page is rendered (getStaticPaths() of every route runs first): it renders each
 * version's HTML here, in the main thread, and sends each pair to the workers as soon as its two versions are
 * rendered, without waiting for the diff. The workers then diff while the main thread renders the other pages,
 * and each compare page, feed and notice finds its comparison done or under way. A page whose key the last build
 * had too is left out: Astro's incremental build copies it, and if it does not, the page asks for its comparison
 * itself. Errors reach the pages that await the results.
 *
 * Versions render one at a time, in the order first asked for (./rendered-versions.ts), and that order is set
 * here: first each document's version in force, which every far pair needs, then the rest in the search index's
 * order (announcement date, then URL). Each version page goes to Pagefind as soon as it and every page before it
 * in that order are rendered (src/integrations/pagefind.ts): in document order, the first version of the last
 * document held up nearly every page until the end, and Pagefind took them all at once after the last page. In
 * this order pages go in as they render, and each pair is diffed as soon as its older version is rendered.
 */
function startDiffWork(paths: ReadonlyArray<{ props: { document: LegalDocument; from: Version; to: Version }; cacheKey: string }>): void {
  if (diffWorkStarted) return;
  diffWorkStarted = true;
  const builtBefore = previousBuildKeys('compare-page-keys', paths.map((path) => path.cacheKey));
  const toDiff = paths.filter((path) => !builtBefore.has(path.cacheKey));
  for (const version of renderOrder(toDiff.flatMap(({ props }) => [props.from, props.to]))) {
    // A version that fails to render fails the pages that show it, with the same error.
    void versionHtml(version).catch(() => undefined);
  }
  for (const { props } of toDiff) {
    const { document, from, to } = props;
    void pairComparison(document, from, to).catch(() => undefined);
    if (previousVersion(document.versions, to)?.id === from.id) void pairSourceDiff(document, from, to).catch(() => undefined);
  }
}

/** `versions` once each: every document's version in force first, then the search index's order (see startDiffWork). */
function renderOrder(versions: readonly Version[]): Version[] {
  const unique = [...new Map(versions.map((version) => [versionKey(version), version])).values()];
  const byDocument = Map.groupBy(unique, (version) => version.document);
  const inForce = new Set([...byDocument.values()].map((ofDocument) => versionInForce(sortVersions(ofDocument), buildDate)));
  const rest = unique.filter((version) => !inForce.has(version)).sort((a, b) => compareSearchInputs(searchOrderOf(a), searchOrderOf(b)));
  return [...unique.filter((version) => inForce.has(version)), ...rest];
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
 * Diffs `from` and `to` of `document` from their rendered HTML, and, when `from` is the version before
 * `to`, their MDX sources. A rebuild renders only the pages whose `cacheKey` changed (comparePageKey), so it
 * diffs only those pairs.
 */
export async function comparePageData(document: LegalDocument, from: Version, to: Version): Promise<ComparePageData> {
  const comparison = await pairComparison(document, from, to, { release: true });
  const previous = previousVersion(document.versions, to);
  if (previous?.id !== from.id) {
    const next = nextVersion(document.versions, from);
    const steps = next && previous ? { first: { from, to: next }, last: { from: previous, to } } : undefined;
    return { comparison, source: undefined, sourceSteps: steps };
  }
  const diff = await pairSourceDiff(document, from, to, { release: true });
  return { comparison, source: { diff, styleHash: `sha256-${createHash('sha256').update(diff.css).digest('base64')}` }, sourceSteps: undefined };
}
