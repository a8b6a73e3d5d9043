import type { APIRoute } from 'astro';
import { getChangeFeed } from '../data/feeds.ts';
import { buildRssFeed } from '../lib/publish/feeds/rss.ts';

/** Site-wide change feed, RSS 2.0. */
export const GET: APIRoute = async () => new Response(buildRssFeed(await getChangeFeed()), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
