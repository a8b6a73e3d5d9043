import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getLegalDocuments } from '../../../data/documents.ts';
import { buildDate, site } from '../../../data/site.ts';
import { buildVersionsApi } from '../../../lib/publish/api.ts';

export const getStaticPaths = (async () =>
  (await getLegalDocuments()).map((document) => ({ params: { document: document.slug }, props: { document } }))) satisfies GetStaticPaths;

/** Every published version of one document with its dates, status, URLs and sha256. */
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) =>
  Response.json(buildVersionsApi(props.document, site, buildDate), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
