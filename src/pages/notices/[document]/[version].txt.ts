import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getNotice, getNoticeTargets } from '../../../data/feeds.ts';
import { plainTextMessage } from '../../../lib/publish/notices.ts';

export const getStaticPaths = (async () =>
  (await getNoticeTargets()).map((target) => ({ params: { document: target.document.slug, version: target.version.id }, props: { target } }))) satisfies GetStaticPaths;

/** The ready-to-send notice of a material change, plain text for the mailer, with its Subject line as `npm run notice` prints it. */
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props }) => new Response(plainTextMessage(await getNotice(props.target)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
