import type { APIRoute } from 'astro';
import { getLegalDocuments } from '../../data/documents.ts';
import { buildDate, site } from '../../data/site.ts';
import { buildDocumentsApi } from '../../lib/publish/api.ts';

/** Every document with its URLs and the versions in force and announced on the build date. */
export const GET: APIRoute = async () =>
  Response.json(buildDocumentsApi(await getLegalDocuments(), site, buildDate), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
