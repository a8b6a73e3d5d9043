import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getLegalDocuments, versionSource } from '../../data/documents.ts';

// The file is the source itself: with the same sha256 and code, Astro's incremental build copies the last build's.
export const getStaticPaths = (async () =>
  (await getLegalDocuments()).flatMap((document) =>
    document.versions.map((version) => ({ params: { document: document.slug, version: version.id }, props: { version }, cacheKey: version.sha256 })),
  )) satisfies GetStaticPaths;

/** The raw MDX source of a version, byte for byte as committed: its sha256 is the one the feeds and the API cite. */
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props }) =>
  new Response(await versionSource(props.version), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
