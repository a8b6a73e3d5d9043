/**
 * Search over version pages: what the index holds for each version (filters, metadata), how a search is
 * written in the URL, and how results are ranked. Pure: the browser code in src/client/search.ts and the
 * layouts call it; Pagefind itself is never imported here.
 */
import type { VersionStatus } from '../content/types.ts';

/** Statuses in the order results prefer them, with the label a reader sees. */
export const SEARCH_STATUS_LABELS: Readonly<Record<VersionStatus, string>> = { 'in-force': 'In force', upcoming: 'Upcoming', past: 'Past' };

/** Statuses searched unless past versions are asked for: the text that applies now and the text announced to apply. */
export const DEFAULT_SEARCH_STATUSES: readonly VersionStatus[] = ['in-force', 'upcoming'];

/** Every status, for "include past versions". */
export const ALL_SEARCH_STATUSES: readonly VersionStatus[] = ['in-force', 'upcoming', 'past'];

/**
 * How much a status weighs on a result's relevance. Versions of one document usually share most of their
 * text, so the same passage matches several versions about equally; these weights put the text in force
 * first, then the announced one, then past ones, while a clearly better match still wins.
 */
export const SEARCH_STATUS_WEIGHTS: Readonly<Record<VersionStatus, number>> = { 'in-force': 1, upcoming: 0.85, past: 0.7 };

/** URL parameters of the search page (`/search/?q=...&doc=privacy&past=1`). Shared links depend on them. */
export const SEARCH_PARAMS = { query: 'q', document: 'doc', past: 'past' } as const;

/** What a reader searches for. */
export interface SearchQuery {
  /** The words, trimmed. */
  text: string;
  /** Slugs of the documents to search; empty means every document. */
  documents: string[];
  /** Whether versions no longer in force are searched too. */
  includePast: boolean;
}

/** The search a URL's query string describes (`?q=cookies&doc=privacy&past=1`); unknown parameters are ignored. */
export function parseSearchQuery(search: string | URLSearchParams): SearchQuery {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const documents = [...new Set(params.getAll(SEARCH_PARAMS.document).map((slug) => slug.trim()).filter((slug) => slug !== ''))];
  const past = params.get(SEARCH_PARAMS.past);
  return {
    text: (params.get(SEARCH_PARAMS.query) ?? '').trim(),
    documents,
    includePast: past !== null && past !== '' && past !== '0',
  };
}

/** The query string (with its `?`, or '' for an empty search) that `parseSearchQuery` reads back as `query`. */
export function searchQueryString(query: SearchQuery): string {
  const params = new URLSearchParams();
  if (query.text !== '') params.set(SEARCH_PARAMS.query, query.text);
  for (const slug of query.documents) params.append(SEARCH_PARAMS.document, slug);
  if (query.includePast) params.set(SEARCH_PARAMS.past, '1');
  const string = params.toString();
  return string === '' ? '' : `?${string}`;
}

/** The statuses a query searches. */
export function searchedStatuses(query: Pick<SearchQuery, 'includePast'>): readonly VersionStatus[] {
  return query.includePast ? ALL_SEARCH_STATUSES : DEFAULT_SEARCH_STATUSES;
}

/** A Pagefind filter object (https://pagefind.app/docs/js-api-filtering/). */
export type PagefindFilters = Record<string, string | { any: string[] }>;

/**
 * The Pagefind filters for one status of a query: the status, and the chosen documents by title (the
 * value indexed in the `document` filter). Slugs without a known title are dropped; if none is left, the
 * search is not narrowed by document.
 */
export function searchFilters(query: Pick<SearchQuery, 'documents'>, status: VersionStatus, titles: ReadonlyMap<string, string>): PagefindFilters {
  const documents = query.documents.flatMap((slug) => {
    const title = titles.get(slug);
    return title === undefined ? [] : [title];
  });
  return documents.length > 0 ? { status, document: { any: documents } } : { status };
}

/** A search hit before its data is loaded, tagged with the status it was searched under. */
export interface StatusHit<R> {
  result: R;
  status: VersionStatus;
  score: number;
}

/**
 * Merges per-status hits into one list, best first: relevance weighted by status (SEARCH_STATUS_WEIGHTS),
 * then status order, then the original order, so equal scores keep a stable, predictable order.
 */
export function rankHits<R>(hits: ReadonlyArray<StatusHit<R>>): Array<StatusHit<R>> {
  const order = (status: VersionStatus) => ALL_SEARCH_STATUSES.indexOf(status);
  return hits
    .map((hit, index) => ({ hit, index, weighted: hit.score * SEARCH_STATUS_WEIGHTS[hit.status] }))
    .sort((a, b) => b.weighted - a.weighted || order(a.hit.status) - order(b.hit.status) || a.index - b.index)
    .map(({ hit }) => hit);
}

/** A run of excerpt text, highlighted or not. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, name: string) => ENTITIES[name] ?? '');
}

/**
 * Splits a Pagefind excerpt (escaped text with `<mark>` around matches) into plain and highlighted runs,
 * so the page can build it from text nodes instead of parsing HTML. Any other tag is dropped.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const pattern = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  const push = (raw: string, marked: boolean) => {
    const text = decodeEntities(raw.replace(/<[^>]*>/g, ''));
    if (text !== '') parts.push({ text, marked });
  };
  for (let match = pattern.exec(excerpt); match !== null; match = pattern.exec(excerpt)) {
    push(excerpt.slice(last, match.index), false);
    push(match[1] ?? '', true);
    last = match.index + match[0].length;
  }
  push(excerpt.slice(last), false);
  return parts;
}

/** A matched section of a page, as Pagefind reports it (a subset of its sub_results). */
export interface SectionMatch {
  url: string;
  title: string;
  excerpt: string;
  /** The matching words of the section, as they appear in the text. */
  words: readonly string[];
  /** The sum of Pagefind's balanced scores of those words. */
  strength: number;
}

function normalizedWord(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Search terms, normalised: `"Information Commissioner's"` -> `["information", "commissioners"]`. */
export function searchTerms(text: string): string[] {
  return [...new Set(text.split(/\s+/).map(normalizedWord).filter((term) => term !== ''))];
}

/** How many of `terms` a section's matching words cover; a word covers a term it starts with or that starts with it (Pagefind matches prefixes and stems). */
function coveredTerms(terms: readonly string[], words: readonly string[]): number {
  const normalized = words.map(normalizedWord).filter((word) => word !== '');
  return terms.filter((term) => normalized.some((word) => word.startsWith(term) || term.startsWith(word))).length;
}

/**
 * The section that matches best: the one covering the most search terms (so the section with the whole
 * phrase beats one that repeats a common word), then the strongest, then the earliest.
 */
export function bestSection<S extends SectionMatch>(sections: readonly S[], text: string): S | undefined {
  const terms = searchTerms(text);
  let best: { section: S; covered: number } | undefined;
  for (const section of sections) {
    const covered = coveredTerms(terms, section.words);
    if (!best || covered > best.covered || (covered === best.covered && section.strength > best.section.strength)) best = { section, covered };
  }
  return best?.section;
}

/** The fragment of a URL without its `#` (`/privacy/2025-09-01/#your-rights` -> `your-rights`), or undefined. */
export function anchorOf(url: string): string | undefined {
  const hash = url.indexOf('#');
  if (hash < 0 || hash === url.length - 1) return undefined;
  return decodeURIComponent(url.slice(hash + 1));
}

/** "1 version matches", "3 versions match", "No version matches". */
export function resultCountText(count: number, text: string): string {
  const quoted = `“${text}”`;
  if (count === 0) return `No version matches ${quoted}.`;
  return count === 1 ? `1 version matches ${quoted}.` : `${count} versions match ${quoted}.`;
}
