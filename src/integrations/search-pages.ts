/**
 * Middleware the search integration (./pagefind.ts) adds for `astro build`: a version page's HTML, as rendered,
 * goes to the search index at once, so that Pagefind indexes while the other pages render instead of after the
 * last one. The page itself is returned as it was rendered, byte for byte; every other page is not touched.
 * Outside a build (no listener on the global), it does nothing.
 */
import type { MiddlewareHandler } from 'astro';
import { SEARCH_PAGE_SINK, type SearchPageSink } from '../lib/publish/search-index.ts';

/** Hands wanted pages to the listener of SEARCH_PAGE_SINK. */
export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next();
  const sink = (globalThis as { [SEARCH_PAGE_SINK]?: SearchPageSink })[SEARCH_PAGE_SINK];
  if (!sink?.wants(context.url.pathname)) return response;
  const html = await response.text();
  sink.add(context.url.pathname, html);
  return new Response(html, response);
};
