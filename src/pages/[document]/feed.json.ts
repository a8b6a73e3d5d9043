import type { APIRoute, GetStaticPaths } from 'astro';
import { getLegalDocuments } from '../../data/documents.ts';
import { getChangeFeed } from '../../data/feeds.ts';
import { buildJsonFeed } from '../../lib/publish/feeds/json-feed.ts';

export const getStaticPaths = (async () => (await getLegalDocuments()).map((document) => ({ params: { document: document.slug } }))) satisfies GetStaticPaths;

/** One document's change feed, JSON Feed 1.1. */
export const GET: APIRoute = async ({ params }) =>
  new Response(buildJsonFeed(await getChangeFeed(params['document'])), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
