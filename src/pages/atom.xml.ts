import type { APIRoute } from 'astro';
import { getChangeFeed } from '../data/feeds.ts';
import { buildAtomFeed } from '../lib/publish/feeds/atom.ts';

/** Site-wide change feed, Atom 1.0. */
export const GET: APIRoute = async () => new Response(buildAtomFeed(await getChangeFeed()), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
