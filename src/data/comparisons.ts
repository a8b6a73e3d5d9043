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
import { getLegalDocuments, versionSource } from './documents.ts';
import { renderedBlocks } from './rendered-blocks.ts';
import { buildDate, site } from './site.ts';

/** The label of a version in a redline's column heading and in pickers: "Version of 1 February 2025". */
export function versionLabel(version: Pick<Version, 'effective'>): string {
  return `Version of ${formatDate(version.effective)}`;
}

/** Params and props of every built compare page: linear in the number of versions. */
export async function comparePagePaths() {
  const documents = await getLegalDocuments();
  return documents.flatMap((document) =>
    comparePairs(document.versions, buildDate).map(({ from, to }) => ({
      params: { document: document.slug, pair: pairSlug(from, to) },
      props: { document, from, to },
    })),
  );
}

/** One built compare page's content. */
export interface ComparePageData {
  comparison: Comparison;
  source: SourceDiff;
  /** CSP hash of the source view's stylesheet (`sha256-...`), which the page inlines. */
  sourceStyleHash: `sha256-${string}`;
}

/** Diffs `from` and `to` of `document` from the memoised rendered blocks, and their MDX sources. */
export async function comparePageData(document: LegalDocument, from: Version, to: Version): Promise<ComparePageData> {
  const [oldBlocks, newBlocks, oldSource, newSource] = await Promise.all([renderedBlocks(from), renderedBlocks(to), versionSource(from), versionSource(to)]);
  const comparison = timeStage('diff', () => buildComparison(oldBlocks, newBlocks, { oldLabel: versionLabel(from), newLabel: versionLabel(to), minHeadings: site.tocMinHeadings }));
  const source = await timeStage('source diff', () => renderSourceDiff(oldSource, newSource, { old: `${document.slug}/${from.id}.mdx`, new: `${document.slug}/${to.id}.mdx` }));
  return { comparison, source, sourceStyleHash: `sha256-${createHash('sha256').update(source.css).digest('base64')}` };
}
