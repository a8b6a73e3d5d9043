/**
 * Every URL of the site is built here, and only here (see docs/decisions/0001-url-scheme.md).
 * Version URLs are permanent: changing a pattern below breaks links that people have cited.
 */

/** Feed formats the site publishes. */
export type FeedFormat = 'rss' | 'atom' | 'json';

/** Everything the site can link to. */
export type Route =
  | { kind: 'home' }
  | { kind: 'search' }
  | { kind: 'subscribe' }
  | { kind: 'not-found' }
  | { kind: 'document'; document: string }
  /** `date` asks for the version in force on that day (`?date=YYYY-MM-DD`; answered by the page's script, explained without it). */
  | { kind: 'history'; document: string; date?: string }
  | { kind: 'version'; document: string; version: string; anchor?: string }
  | { kind: 'version-source'; document: string; version: string }
  | { kind: 'compare'; document: string; from: string; to: string; anchor?: string }
  | { kind: 'compare-picker'; document: string }
  | { kind: 'version-blocks'; document: string; version: string }
  | { kind: 'feed'; format: FeedFormat; document?: string }
  | { kind: 'calendar'; document?: string }
  | { kind: 'api-documents' }
  | { kind: 'api-versions'; document: string }
  | { kind: 'notice'; document: string; version: string; format: 'txt' | 'html' }
  | { kind: 'asset'; path: string };

const FEED_FILES: Record<FeedFormat, string> = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' };

/** Normalises a base path to start and end with `/` (`legal` -> `/legal/`). */
export function normalizeBasePath(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** The path of `route` relative to the site root, without the base path (`privacy/2025-01-15/`). */
export function routeSubpath(route: Route): string {
  const prefix = (document: string | undefined) => (document ? `${document}/` : '');
  switch (route.kind) {
    case 'home':
      return '';
    case 'search':
      return 'search/';
    case 'subscribe':
      return 'subscribe/';
    case 'not-found':
      return '404.html';
    case 'document':
      return `${route.document}/`;
    case 'history':
      return `${route.document}/history/${route.date ? `?date=${encodeURIComponent(route.date)}` : ''}`;
    case 'version':
      return `${route.document}/${route.version}/${route.anchor ? `#${route.anchor}` : ''}`;
    case 'version-source':
      return `${route.document}/${route.version}.md`;
    case 'compare':
      return `${route.document}/compare/${route.from}...${route.to}/${route.anchor ? `#${route.anchor}` : ''}`;
    case 'compare-picker':
      return `${route.document}/compare/`;
    case 'version-blocks':
      return `api/${route.document}/${route.version}.blocks.json`;
    case 'feed':
      return `${prefix(route.document)}${FEED_FILES[route.format]}`;
    case 'calendar':
      return `${prefix(route.document)}calendar.ics`;
    case 'api-documents':
      return 'api/documents.json';
    case 'api-versions':
      return `api/${route.document}/versions.json`;
    case 'notice':
      return `notices/${route.document}/${route.version}.${route.format}`;
    case 'asset':
      return route.path.replace(/^\/+/, '');
  }
}

/** The site-relative URL of `route` under `basePath` (`/legal/privacy/2025-01-15/`). */
export function routePath(route: Route, basePath: string): string {
  return `${normalizeBasePath(basePath)}${routeSubpath(route)}`;
}

/** The absolute URL of `route` on `siteUrl` (origin only; the base path comes from `basePath`). */
export function routeUrl(route: Route, siteUrl: string, basePath: string): string {
  return new URL(routePath(route, basePath), siteUrl).href;
}
