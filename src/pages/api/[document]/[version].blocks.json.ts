import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getLegalDocuments } from '../../../data/documents.ts';
import { renderedBlocks } from '../../../data/rendered-blocks.ts';

export const getStaticPaths = (async () =>
  (await getLegalDocuments()).flatMap((document) =>
    document.versions.map((version) => ({ params: { document: document.slug, version: version.id }, props: { version } })),
  )) satisfies GetStaticPaths;

/** One version's rendered text as the diff engine's blocks: what the compare picker diffs in the browser. */
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props }) =>
  Response.json(await renderedBlocks(props.version), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
