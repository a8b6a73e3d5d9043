/**
 * What the Pagefind index learns from a version page: the HTML attributes that mark its text for indexing
 * and carry its filters, metadata and sort key (https://pagefind.app/docs/filtering/, /docs/metadata/,
 * /docs/sorts/). The integration (src/integrations/pagefind.ts) indexes only pages marked this way.
 */
import { HEADING_ANCHOR_CLASS } from './heading-anchors.ts';
import type { VersionStatus } from './types.ts';

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
}

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
