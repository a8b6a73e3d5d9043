import type { APIRoute } from 'astro';
import { getChangeFeed } from '../data/feeds.ts';
import { buildJsonFeed } from '../lib/publish/feeds/json-feed.ts';

/** Site-wide change feed, JSON Feed 1.1. */
export const GET: APIRoute = async () => new Response(buildJsonFeed(await getChangeFeed()), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
