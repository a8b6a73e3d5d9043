/**
 * How much each version changed against the previous published version, from the diff engine: the counts
 * that feed entries and notices carry ("Passages: 2 added ... Words: 120 added ...").
 *
 * We diff what readers see, from the same memoised blocks as the compare pages (./rendered-blocks.ts), so
 * both agree and no version is rendered twice.
 */
import type { ChangeCountsLookup } from '../lib/feeds/model.ts';
import { publishedVersions } from '../lib/feeds/model.ts';
import { type ChangeCounts, diffBlocks, summarizeChanges } from '../lib/diff/index.ts';
import { timeStage } from '../lib/stage-timer.ts';
import type { LegalDocument, Version } from '../lib/types.ts';
import { previousVersion } from '../lib/versions.ts';
import { cachedResult } from './build-cache.ts';
import { renderedBlocks } from './rendered-blocks.ts';

// Every feed format, site-wide and per document, and every notice asks for the same counts: diff each pair once
// per build, and not at all when an earlier build stored the counts of the same two sources (./build-cache.ts).
const countsCache = new Map<string, Promise<ChangeCounts>>();

/** The diff engine's counts of `version` against the previous published version; undefined for a first version. */
export async function changeCountsFor(document: LegalDocument, version: Version): Promise<ChangeCounts | undefined> {
  const versions = publishedVersions(document);
  const previous = previousVersion(versions, version);
  if (!previous) return undefined;
  const key = `${document.slug}/${previous.id}/${version.id}`;
  let counts = countsCache.get(key);
  if (!counts) {
    counts = timeStage('diff', () =>
      cachedResult('change-counts', [previous.sha256, version.sha256], async () => {
        const [oldBlocks, newBlocks] = await Promise.all([renderedBlocks(previous), renderedBlocks(version)]);
        return summarizeChanges(diffBlocks(oldBlocks, newBlocks)).total;
      }),
    );
    countsCache.set(key, counts);
  }
  return counts;
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
