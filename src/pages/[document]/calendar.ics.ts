import type { APIRoute, GetStaticPaths } from 'astro';
import { getLegalDocuments } from '../../data/documents.ts';
import { getCalendar } from '../../data/feeds.ts';

export const getStaticPaths = (async () => (await getLegalDocuments()).map((document) => ({ params: { document: document.slug } }))) satisfies GetStaticPaths;

/** Upcoming effective dates of one document, iCalendar (RFC 5545). */
export const GET: APIRoute = async ({ params }) =>
  new Response(await getCalendar(params['document']), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
