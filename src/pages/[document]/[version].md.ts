import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getLegalDocuments, versionSource } from '../../data/documents.ts';

export const getStaticPaths = (async () =>
  (await getLegalDocuments()).flatMap((document) =>
    document.versions.map((version) => ({ params: { document: document.slug, version: version.id }, props: { version } })),
  )) satisfies GetStaticPaths;

/** The raw MDX source of a version, byte for byte as committed: its sha256 is the one the feeds and the API cite. */
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props }) =>
  new Response(await versionSource(props.version), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
