/**
 * What the Pagefind index learns from a version page: the HTML attributes that mark its text for indexing
 * and carry its filters, metadata and sort key (https://pagefind.app/docs/filtering/, /docs/metadata/,
 * /docs/sorts/). The integration (src/integrations/pagefind.ts) indexes only pages marked this way.
 */
import { HEADING_ANCHOR_CLASS } from '../site/heading-anchors.ts';
import { routePath } from '../site/permalinks.ts';
import type { Version, VersionStatus } from '../content/types.ts';

/** Where the search bundle is written, in the output folder; the search page loads `<base>pagefind/pagefind.js`. */
export const PAGEFIND_FOLDER = 'pagefind';

/** Selectors of page chrome that is not legal text: never indexed, even inside an indexed page. */
export const SEARCH_EXCLUDED_SELECTORS: readonly string[] = [`.${HEADING_ANCHOR_CLASS}`, '.toc'];

/** Marks a page for indexing; pages without it are left out. */
export const SEARCH_BODY_ATTRIBUTE = 'data-pagefind-body';

/** Metadata keys a search result reads (see src/client/search.ts). */
export interface SearchMeta {
  /** Document title. */
  document: string;
  /** Document slug, for the result's permalink. */
  slug: string;
  /** Version id, for the result's permalink. */
  version: string;
  /** Effective date, YYYY-MM-DD. */
  effective: string;
  /** Effective date for people ("1 September 2025"). */
  effective_label: string;
  status: VersionStatus;
}

/** What a version page tells the index about itself. */
export interface SearchIndexInput {
  documentSlug: string;
  documentTitle: string;
  versionId: string;
  effective: string;
  effectiveLabel: string;
  status: VersionStatus;
  /** When the version was announced: orders the pages in the index (see compareSearchInputs). */
  published: string;
}

/** Carries the version's announcement date, for the order pages go into the index (not shown in results). */
export const PUBLISHED_ATTRIBUTE = 'data-search-published';

const META_ATTRIBUTES: Record<keyof SearchMeta, string> = {
  document: 'data-search-document',
  slug: 'data-search-slug',
  version: 'data-search-version',
  effective: 'data-search-effective',
  effective_label: 'data-search-effective-label',
  status: 'data-search-status',
};

/**
 * Attributes for the `<article>` of a version's permalink page: `data-pagefind-body` (only such pages are
 * indexed), `document` and `status` filters, the metadata results show, and `effective` as a sort key.
 * Values sit in data attributes and Pagefind reads them with its `key[attribute]` syntax, so a title with a
 * comma or colon needs no escaping.
 */
export function searchIndexAttributes(input: SearchIndexInput): Record<string, string> {
  const values: Record<keyof SearchMeta, string> = {
    document: input.documentTitle,
    slug: input.documentSlug,
    version: input.versionId,
    effective: input.effective,
    effective_label: input.effectiveLabel,
    status: input.status,
  };
  const attributes: Record<string, string> = { [SEARCH_BODY_ATTRIBUTE]: '' };
  for (const [key, attribute] of Object.entries(META_ATTRIBUTES)) attributes[attribute] = values[key as keyof SearchMeta];
  attributes['data-pagefind-filter'] = `document[${META_ATTRIBUTES.document}], status[${META_ATTRIBUTES.status}]`;
  attributes['data-pagefind-meta'] = Object.entries(META_ATTRIBUTES)
    .map(([key, attribute]) => `${key}[${attribute}]`)
    .join(', ');
  attributes['data-pagefind-sort'] = `effective[${META_ATTRIBUTES.effective}]`;
  attributes[PUBLISHED_ATTRIBUTE] = input.published;
  return attributes;
}

/** Pages in a Pagefind index, from its `pagefind-entry.json` (the sum over languages). */
export function indexedPageCount(entryJson: string): number {
  const entry = JSON.parse(entryJson) as { languages?: Record<string, { page_count?: number }> };
  return Object.values(entry.languages ?? {}).reduce((total, language) => total + (language.page_count ?? 0), 0);
}

const HEADING_ANCHOR_LINK = new RegExp(`<a\\b[^>]*\\bclass="(?:[^"]*\\s)?${HEADING_ANCHOR_CLASS}(?:\\s[^"]*)?"[^>]*>[\\s\\S]*?</a>`, 'g');

/**
 * A page's HTML without its "§" heading-anchor links. Pagefind titles a matched section with the text of
 * its heading, links included, and excluded selectors do not apply there: without this, every section
 * title would end in "§Link to the section …".
 */
export function withoutHeadingAnchors(html: string): string {
  return html.replace(HEADING_ANCHOR_LINK, '');
}

/** The site-relative URL (without base path) Pagefind gives a built HTML file: `privacy/2025-09-01/index.html` -> `/privacy/2025-09-01/`. */
export function pageUrlOfFile(relativePath: string): string {
  const path = relativePath.replace(/\\/g, '/').replace(/^\/+/, '');
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** One version page as the search index gets it: its URL, announcement date and the HTML Pagefind reads. */
export interface SearchInput {
  url: string;
  published: string;
  html: string;
}

/** The end (after its end tag) of the `tag` element whose start tag begins at `start`; nested ones counted. */
function elementEnd(html: string, start: number, tag: string): number {
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'giu');
  tags.lastIndex = start;
  let depth = 0;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] === '/' ? -1 : 1;
    if (depth === 0) return match.index + match[0].length;
  }
  return html.length;
}

const BODY_ELEMENT = new RegExp(`<([a-z][a-z0-9]*)\\b[^>]*\\s${SEARCH_BODY_ATTRIBUTE}(?=[\\s>=])`, 'u');
const IGNORED_ELEMENT = /<([a-z][a-z0-9]*)\b[^>]*\sdata-pagefind-ignore(?=[\s>=])/u;
const HTML_START_TAG = /<html\b[^>]*>/iu;
const PUBLISHED_VALUE = new RegExp(`\\s${PUBLISHED_ATTRIBUTE}="([^"]*)"`, 'u');

/**
 * What Pagefind gets from a built version page, or undefined for a page without `data-pagefind-body`: the
 * `<html>` start tag (its language) and the element marked `data-pagefind-body`, without the elements marked
 * `data-pagefind-ignore` (none of which carries a filter or metadata) and without heading anchors. Pagefind
 * indexes nothing else of a page that has a body element, so this indexes the same; and what is left out is what
 * changes when a neighbouring version is added (the version facts), so an unchanged text gives an unchanged input.
 */
export function searchInputOf(url: string, pageHtml: string): SearchInput | undefined {
  const body = BODY_ELEMENT.exec(pageHtml);
  if (!body?.[1]) return undefined;
  let element = pageHtml.slice(body.index, elementEnd(pageHtml, body.index, body[1]));
  for (let ignored = IGNORED_ELEMENT.exec(element); ignored?.[1]; ignored = IGNORED_ELEMENT.exec(element)) {
    element = element.slice(0, ignored.index) + element.slice(elementEnd(element, ignored.index, ignored[1]));
  }
  const html = `${HTML_START_TAG.exec(pageHtml)?.[0] ?? '<html>'}<body>${withoutHeadingAnchors(element)}</body></html>`;
  return { url, published: PUBLISHED_VALUE.exec(element)?.[1] ?? '', html };
}

/**
 * The order pages go into the index: by the date the version was announced, then URL. Pagefind's output depends
 * on the order pages are added; this one is the same on any machine, and puts a new version last (it is announced
 * after every version before it, whatever the date it takes effect), so that a rebuild can reuse the pages the
 * last build indexed (see reusesSearchPages).
 */
export function compareSearchInputs(a: Pick<SearchInput, 'url' | 'published'>, b: Pick<SearchInput, 'url' | 'published'>): number {
  if (a.published !== b.published) return a.published < b.published ? -1 : 1;
  return a.url < b.url ? -1 : a.url > b.url ? 1 : 0;
}

/**
 * Where a version's page stands in the index's order: its page's URL as pageUrlOfFile gives it (no base path) and
 * its announcement date, for compareSearchInputs.
 */
export function searchOrderOf(version: Pick<Version, 'document' | 'id' | 'published'>): Pick<SearchInput, 'url' | 'published'> {
  return { url: routePath({ kind: 'version', document: version.document, version: version.id }, '/'), published: version.published };
}

/**
 * How many of `previous` (the last build's inputs, in order) can go into this build's index before its pages
 * are written: those whose URLs start the order of this build's version pages, `expected` (URL and announcement
 * date, from the content). Whether their text is unchanged is checked when the pages are written.
 */
export function searchPagesToReuse(previous: ReadonlyArray<Pick<SearchInput, 'url'>>, expected: ReadonlyArray<Pick<SearchInput, 'url' | 'published'>>): number {
  const order = [...expected].sort(compareSearchInputs);
  let count = 0;
  while (count < previous.length && count < order.length && previous[count]?.url === order[count]?.url) count += 1;
  return count;
}

/** A page as it went into an index: its URL and the hash of its input. */
export interface IndexedPage {
  url: string;
  hash: string;
}

/**
 * Whether an index that was given `added` (in order) is the start of the index `pages` (in order) calls for:
 * then only the rest of `pages` needs adding. Pagefind cannot take a page out, so any other difference means
 * starting again.
 */
export function reusesSearchPages(added: readonly IndexedPage[], pages: readonly IndexedPage[]): boolean {
  return added.length <= pages.length && added.every((page, i) => page.url === pages[i]?.url && page.hash === pages[i]?.hash);
}

/** The site-relative URL (no base path, ending in `/`) of a page rendered at `pathname` under `basePath`: the URL pageUrlOfFile gives its file. */
export function pageUrlOfPath(pathname: string, basePath: string): string {
  const base = basePath.replace(/\/+$/, '');
  const trimmed = (base && pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : pathname).replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Pages in the index's order as they arrive in any order: what `add` hands back is ready to go into the index. */
export interface SearchPageQueue {
  /** Whether a page at `url` is one the queue is waiting for. */
  wants(url: string): boolean;
  /** Takes a page that was waited for; returns the pages, in order, that can now go into the index (possibly none). */
  add(input: SearchInput): SearchInput[];
}

/**
 * Orders version pages as they are rendered (in whatever order Astro finishes them) into the order of the index
 * (compareSearchInputs over `expected`, URL and announcement date from the content), from position `start` on (the
 * pages before it are already in the index, given from the last build). A page goes out once every page before it
 * in that order has: so Pagefind can index while the other pages render, and the index comes out as a cold build's.
 */
export function searchPageQueue(expected: ReadonlyArray<Pick<SearchInput, 'url' | 'published'>>, start: number): SearchPageQueue {
  const order = [...expected].sort(compareSearchInputs).map((page) => page.url);
  const wanted = new Set(order.slice(start));
  const arrived = new Map<string, SearchInput>();
  let next = start;
  return {
    wants: (url) => wanted.has(url),
    add(input) {
      if (!wanted.delete(input.url)) return [];
      arrived.set(input.url, input);
      const ready: SearchInput[] = [];
      for (let page = arrived.get(order[next] ?? ''); page; page = arrived.get(order[next] ?? '')) {
        ready.push(page);
        arrived.delete(page.url);
        next += 1;
      }
      return ready;
    },
  };
}

/** The global the search integration listens on for rendered pages (Symbol.for: the integration and the middleware get separate copies of this module). */
export const SEARCH_PAGE_SINK = Symbol.for('redline.search-pages');

/** What the middleware (src/integrations/search-pages.ts) hands rendered pages to. */
export interface SearchPageSink {
  /** Whether the page rendered at `pathname` (with the base path) is wanted. */
  wants(pathname: string): boolean;
  /** Takes its HTML. */
  add(pathname: string, html: string): void;
}
