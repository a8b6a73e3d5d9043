/**
 * How much each version changed against the previous published version, from the diff engine: the counts
 * that feed entries and notices carry ("Passages: 2 added ... Words: 120 added ...").
 *
 * We diff what readers see, from the same rendered HTML as the compare pages (./rendered-versions.ts), so
 * both agree and no version is rendered twice.
 */
import { type ChangeCountsLookup, publishedVersions } from '../lib/publish/feeds/model.ts';
import type { ChangeCounts } from '../lib/diff/index.ts';
import type { LegalDocument, Version } from '../lib/content/types.ts';
import { previousVersion } from '../lib/content/versions.ts';
import { cachedResult } from './build-cache.ts';
import { pairComparison } from './comparisons.ts';

// Every feed format, site-wide and per document, and every notice asks for the same counts: they are the
// summary of the pair's comparison, which the version's compare page shows too (./comparisons.ts), so each
// pair is diffed once per build, and not at all when an earlier build stored its counts (./build-cache.ts).
const countsCache = new Map<string, Promise<ChangeCounts>>();

/** The diff engine's counts of `version` against the previous published version; undefined for a first version. */
export async function changeCountsFor(document: LegalDocument, version: Version): Promise<ChangeCounts | undefined> {
  const versions = publishedVersions(document);
  const previous = previousVersion(versions, version);
  if (!previous) return undefined;
  const key = `${document.slug}/${previous.id}/${version.id}`;
  let counts = countsCache.get(key);
  if (!counts) {
    // Stored on disk by the two sources: feeds and notices are rendered every build, their pairs' compare pages
    // are copied from the last one (Astro's incremental build), so a rebuild need not diff these pairs again.
    counts = cachedResult('change-counts', [previous.sha256, version.sha256], async () => (await pairComparison(document, previous, version)).summary.total);
    countsCache.set(key, counts);
  }
  return counts;
}

/** The change counts of every published version of `documents`, computed up front for the synchronous feed builders. */
export async function changeCountsLookup(documents: readonly LegalDocument[]): Promise<ChangeCountsLookup> {
  // All at once: with the diff workers on (./diff-pool.ts), they diff the pairs in parallel.
  const entries = await Promise.all(
    documents.flatMap((document) =>
      publishedVersions(document).map(async (version) => [`${document.slug}/${version.id}`, await changeCountsFor(document, version)] as const),
    ),
  );
  const counts = new Map<string, ChangeCounts | undefined>(entries);
  return (document, version) => counts.get(`${document.slug}/${version.id}`);
}
