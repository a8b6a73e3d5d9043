/**
 * One change-feed model, built once from the documents, that rss.ts, atom.ts and json-feed.ts render
 * (the jpmonette/feed layout: one model, one pure module per format).
 */
import { byDate, daysBetween, formatDate } from '../../content/dates.ts';
import type { ChangeCounts as DiffChangeCounts } from '../../diff/model.ts';
import { type FeedFormat, type Route, routeUrl } from '../../site/permalinks.ts';
import { versionHashes } from '../../content/lock.ts';
import type { SiteConfig } from '../../site/config.ts';
import type { ChangeKind, LegalDocument, Version } from '../../content/types.ts';
import { sortVersions } from '../../content/versions.ts';
import { escapeHtml } from './escape.ts';

/**
 * How much a version changed against the previous one: block counts plus words added and removed, the part
 * of the diff engine's counts that feeds and notices print (its summary total can be passed in as it is).
 */
export type ChangeCounts = Pick<DiffChangeCounts, 'blocksAdded' | 'blocksRemoved' | 'blocksChanged' | 'blocksMoved' | 'wordsAdded' | 'wordsRemoved'>;

/** Looks up the change counts of `version` against its predecessor; undefined when not computed. */
export type ChangeCountsLookup = (document: LegalDocument, version: Version) => ChangeCounts | undefined;

/** One feed entry: one published version of one document. */
export interface FeedEntry {
  /**
   * The version's absolute permalink. Feed readers use it to tell entries apart, so it must never change:
   * a new id makes every subscriber see the change again as a new item (Open Terms Archive keeps its feed
   * ids stable for the same reason). Version URLs are permanent (docs/decisions/0001-url-scheme.md).
   */
  id: string;
  /** The version's page (same as `id`). */
  url: string;
  title: string;
  document: { slug: string; title: string };
  version: string;
  change: ChangeKind;
  effective: string;
  /** Announcement date: the date the entry is published under, so subscribers hear of a change when it is announced. */
  published: string;
  /** Latest of the announcement and any correction to the published text. */
  updated: string;
  summary: string;
  /** Id of the previous published version; undefined for a document's first version. */
  previousVersion: string | undefined;
  /** The redline against the previous published version; undefined for a document's first version. */
  compareUrl: string | undefined;
  /** The raw source of the version (`.md`). */
  sourceUrl: string;
  sha256: string;
  /** Every sha256 the version has had (the original, then one per correction), with dates: corrections reach the feeds. */
  sha256History: { sha256: string; date: string; reason: string | null }[];
  changeCounts: ChangeCounts | undefined;
  contentHtml: string;
  contentText: string;
}

/** A change feed (site-wide or for one document), independent of the format it is written in. */
export interface ChangeFeed {
  /** Permanent id of the feed: its home page URL, which never changes either. */
  id: string;
  title: string;
  description: string;
  /** The HTML page this feed mirrors: the home page, or the document's history. */
  homeUrl: string;
  /** Absolute URL of this feed in every format, for rel="self" and alternates. */
  feedUrls: Record<FeedFormat, string>;
  /** Page explaining the feeds (used as the JSON Feed extension's `about`). */
  aboutUrl: string;
  language: string;
  author: { name: string; email: string };
  /** Latest `updated` of the entries; the Unix epoch for an empty feed, so the output never depends on the clock. */
  updated: string;
  /** Newest announcement first. */
  entries: FeedEntry[];
}

/** Options of `buildChangeFeed`. */
export interface ChangeFeedOptions {
  documents: readonly LegalDocument[];
  site: SiteConfig;
  /** Slug of the document for a per-document feed; the site-wide feed when absent. */
  document?: string | undefined;
  changeCounts?: ChangeCountsLookup | undefined;
}

const CHANGE_LABELS: Record<ChangeKind, string> = {
  initial: 'first version',
  material: 'material change',
  minor: 'minor change',
};

/** Plain words for a kind of change ("material change"). */
export function changeKindLabel(change: ChangeKind): string {
  return CHANGE_LABELS[change];
}

/** A kind of change as a label on its own ("Material change"). */
export function changeKindTitle(change: ChangeKind): string {
  const label = changeKindLabel(change);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** "45 days", "1 day". */
export function formatDays(days: number): string {
  return `${days} ${Math.abs(days) === 1 ? 'day' : 'days'}`;
}

/** How much changed, in words a reader can follow: "Passages: 2 added, 0 removed, 3 changed, 1 moved. Words: 120 added, 40 removed." */
export function describeChangeCounts(counts: ChangeCounts): string {
  // "Passage" rather than "block": readers think in paragraphs, headings and list items, not diff blocks.
  return (
    `Passages: ${counts.blocksAdded} added, ${counts.blocksRemoved} removed, ${counts.blocksChanged} changed, ${counts.blocksMoved} moved. ` +
    `Words: ${counts.wordsAdded} added, ${counts.wordsRemoved} removed.`
  );
}

/** The published (non-draft) versions of a document, oldest first: the only versions anything public may show. */
export function publishedVersions(document: LegalDocument): Version[] {
  return sortVersions(document.versions.filter((version) => !version.draft));
}

/**
 * The published versions of `document`, oldest first, each with the published version before it: the one it
 * replaces and is compared against (a draft in between has no page to link to).
 */
export function publishedWithPrevious(document: LegalDocument): Array<{ version: Version; previous: Version | undefined }> {
  const versions = publishedVersions(document);
  return versions.map((version, index) => ({ version, previous: versions[index - 1] }));
}

/** Absolute URL of the redline of `version` against `previous`; undefined for a first version. */
export function compareUrlOf(document: Pick<LegalDocument, 'slug'>, previous: Version | undefined, version: Version, site: SiteConfig): string | undefined {
  return previous ? siteUrlOf({ kind: 'compare', document: document.slug, from: previous.id, to: version.id }, site) : undefined;
}

/** Absolute URL of `route` on the configured site, base path included. */
export function siteUrlOf(route: Route, site: SiteConfig): string {
  return routeUrl(route, site.siteUrl, site.basePath);
}

/** Title of a feed entry: "Privacy Policy: material change, effective 15 January 2027". */
export function entryTitle(document: Pick<LegalDocument, 'title'>, version: Pick<Version, 'change' | 'effective'>): string {
  return `${document.title}: ${changeKindLabel(version.change)}, effective ${formatDate(version.effective)}`;
}

function latest(dates: readonly string[]): string {
  return dates.reduce((max, date) => (date > max ? date : max));
}

function noticeSentence(version: Version): string {
  const days = daysBetween(version.published, version.effective);
  const announced = `announced ${formatDate(version.published)}`;
  return days > 0 ? `${announced}, ${formatDays(days)} before it takes effect` : announced;
}

function buildEntry(document: LegalDocument, version: Version, previous: Version | undefined, site: SiteConfig, counts: ChangeCounts | undefined): FeedEntry {
  const url = siteUrlOf({ kind: 'version', document: document.slug, version: version.id }, site);
  const compareUrl = compareUrlOf(document, previous, version, site);
  const title = entryTitle(document, version);
  const when = `Takes effect on ${formatDate(version.effective)} (${noticeSentence(version)}).`;
  const countsText = counts ? describeChangeCounts(counts) : undefined;
  const corrections = byDate(version.corrections);

  const html = [
    `<p>${escapeHtml(version.summary)}</p>`,
    `<p>${escapeHtml(when)}</p>`,
    countsText ? `<p>${escapeHtml(countsText)}</p>` : '',
    ...corrections.map((correction) => `<p>Corrected on ${escapeHtml(formatDate(correction.date))}: ${escapeHtml(correction.reason)}</p>`),
    '<ul>',
    `<li><a href="${escapeHtml(url)}">Read the version of ${escapeHtml(formatDate(version.effective))}</a></li>`,
    compareUrl && previous
      ? `<li><a href="${escapeHtml(compareUrl)}">See what changed since the version of ${escapeHtml(formatDate(previous.effective))}</a></li>`
      : '',
    '</ul>',
  ]
    .filter((line) => line !== '')
    .join('\n');

  const text = [
    version.summary,
    when,
    countsText,
    ...corrections.map((correction) => `Corrected on ${formatDate(correction.date)}: ${correction.reason}`),
    `Read the version of ${formatDate(version.effective)}: ${url}`,
    compareUrl && previous ? `See what changed since the version of ${formatDate(previous.effective)}: ${compareUrl}` : undefined,
  ]
    .filter((line): line is string => line !== undefined)
    .join('\n\n');

  return {
    id: url,
    url,
    title,
    document: { slug: document.slug, title: document.title },
    version: version.id,
    change: version.change,
    effective: version.effective,
    published: version.published,
    updated: latest([version.published, ...version.corrections.map((correction) => correction.date)]),
    summary: version.summary,
    previousVersion: previous?.id,
    compareUrl,
    sourceUrl: siteUrlOf({ kind: 'version-source', document: document.slug, version: version.id }, site),
    sha256: version.sha256,
    sha256History: versionHashes(version).map((text) => ({ sha256: text.sha256, date: text.date, reason: text.reason ?? null })),
    changeCounts: counts,
    contentHtml: html,
    contentText: text,
  };
}

// Newest announcement first; ties (several versions announced the same day) fall back to the effective date,
// then document and version id, so the order never depends on the input order.
function compareEntries(a: FeedEntry, b: FeedEntry): number {
  if (a.published !== b.published) return a.published > b.published ? -1 : 1;
  if (a.effective !== b.effective) return a.effective > b.effective ? -1 : 1;
  if (a.document.slug !== b.document.slug) return a.document.slug < b.document.slug ? -1 : 1;
  return a.version > b.version ? -1 : a.version < b.version ? 1 : 0;
}

/** The documents a site-wide (no `slug`) or one-document feed covers; throws on an unknown slug. */
export function documentScope(
  documents: readonly LegalDocument[],
  slug: string | undefined,
  caller: string,
): { documents: readonly LegalDocument[]; single: LegalDocument | undefined } {
  if (slug === undefined) return { documents, single: undefined };
  const single = documents.find((candidate) => candidate.slug === slug);
  if (!single) throw new Error(`${caller}: no document "${slug}"`);
  return { documents: [single], single };
}

/** The change feed of every document, or of one document when `document` is given. Drafts never appear. */
export function buildChangeFeed(options: ChangeFeedOptions): ChangeFeed {
  const { site, changeCounts } = options;
  const { documents, single } = documentScope(options.documents, options.document, 'buildChangeFeed');

  const entries: FeedEntry[] = [];
  for (const document of documents) {
    for (const { version, previous } of publishedWithPrevious(document)) {
      entries.push(buildEntry(document, version, previous, site, changeCounts?.(document, version)));
    }
  }
  entries.sort(compareEntries);

  const slug = single?.slug;
  const feedUrl = (format: FeedFormat) => siteUrlOf(slug ? { kind: 'feed', format, document: slug } : { kind: 'feed', format }, site);
  const homeUrl = siteUrlOf(slug ? { kind: 'history', document: slug } : { kind: 'home' }, site);
  return {
    id: homeUrl,
    title: single ? `${single.title} (${site.siteName}): changes` : `${site.siteName} legal documents: changes`,
    description: single
      ? `Every published version of the ${site.siteName} ${single.title}, announced before it takes effect.`
      : `Every published version of the ${site.siteName} legal documents, announced before it takes effect.`,
    homeUrl,
    feedUrls: { rss: feedUrl('rss'), atom: feedUrl('atom'), json: feedUrl('json') },
    aboutUrl: siteUrlOf({ kind: 'subscribe' }, site),
    language: site.lang,
    author: { name: site.company, email: site.contact.email },
    updated: entries.length > 0 ? latest(entries.map((entry) => entry.updated)) : '1970-01-01',
    entries,
  };
}

/** An ISO date as an RFC 3339 timestamp at midnight UTC (Atom, JSON Feed). */
export function rfc3339(date: string): string {
  return `${date}T00:00:00Z`;
}
