import type { APIRoute, GetStaticPaths } from 'astro';
import { getLegalDocuments } from '../../data/documents.ts';
import { getChangeFeed } from '../../data/feeds.ts';
import { buildAtomFeed } from '../../lib/publish/feeds/atom.ts';

export const getStaticPaths = (async () => (await getLegalDocuments()).map((document) => ({ params: { document: document.slug } }))) satisfies GetStaticPaths;

/** One document's change feed, Atom 1.0. */
export const GET: APIRoute = async ({ params }) =>
  new Response(buildAtomFeed(await getChangeFeed(params['document'])), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
