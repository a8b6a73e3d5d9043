import type { APIRoute, GetStaticPaths } from 'astro';
import { getLegalDocuments } from '../../data/documents.ts';
import { getChangeFeed } from '../../data/feeds.ts';
import { buildRssFeed } from '../../lib/publish/feeds/rss.ts';

export const getStaticPaths = (async () => (await getLegalDocuments()).map((document) => ({ params: { document: document.slug } }))) satisfies GetStaticPaths;

/** One document's change feed, RSS 2.0. */
export const GET: APIRoute = async ({ params }) =>
  new Response(buildRssFeed(await getChangeFeed(params['document'])), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
