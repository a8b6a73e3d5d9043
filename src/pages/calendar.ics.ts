import type { APIRoute } from 'astro';
import { getCalendar } from '../data/feeds.ts';

/** Upcoming effective dates of every document, iCalendar (RFC 5545). */
export const GET: APIRoute = async () => new Response(await getCalendar(), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
