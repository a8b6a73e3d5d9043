import siteInput from '../../redline.config.ts';
import { resolveBuildDate } from '../lib/content/dates.ts';
import { type Route, routePath, routeUrl } from '../lib/site/permalinks.ts';
import { resolveSiteConfig } from '../lib/site/config.ts';

/** The site configuration, with `SITE_URL` / `BASE_PATH` applied. */
export const site = resolveSiteConfig(siteInput, { SITE_URL: process.env['SITE_URL'], BASE_PATH: process.env['BASE_PATH'] });

/** The date the build is for: `REDLINE_NOW` or today. The only clock read of the site. */
export const buildDate = resolveBuildDate(process.env['REDLINE_NOW'], new Date());

/** Site-relative URL of a route, under the base path. */
export function pathTo(route: Route): string {
  return routePath(route, site.basePath);
}

/** Absolute URL of a route. */
export function urlOf(route: Route): string {
  return routeUrl(route, site.siteUrl, site.basePath);
}
