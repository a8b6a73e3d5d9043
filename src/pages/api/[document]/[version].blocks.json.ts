import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getLegalDocuments } from '../../../data/documents.ts';
import { versionBlocksJson } from '../../../data/rendered-versions.ts';
import { site } from '../../../data/site.ts';

// The blocks depend on the version's source and on the URL settings (links are rendered with the base path):
// with the same key and code, Astro's incremental build copies the last build's file instead.
export const getStaticPaths = (async () =>
  (await getLegalDocuments()).flatMap((document) =>
    document.versions.map((version) => ({
      params: { document: document.slug, version: version.id },
      props: { version },
      cacheKey: JSON.stringify([version.sha256, site.siteUrl, site.basePath]),
    })),
  )) satisfies GetStaticPaths;

/** One version's rendered text as the diff engine's blocks: what the compare picker diffs in the browser. */
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props }) =>
  new Response(await versionBlocksJson(props.version), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
