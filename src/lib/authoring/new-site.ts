/**
 * `npm run new-site`: the example company's site replaced by an empty one of your own: `redline.config.ts` for
 * your company, no documents, and an empty lock (a valid lock records nothing until something is published).
 * Refused once the site is no longer the example's, so that it can never wipe a real site's published versions.
 */
import type { ContentTree } from '../content/files.ts';
import { emptyLock, serializeLock } from '../content/lock.ts';
import { siteConfigSchema } from '../site/config.ts';

/** The company of the example site shipped with Redline: only its site may be replaced without --force. */
export const EXAMPLE_COMPANY = 'Tallyfield Ltd';

/** What the author asked for. */
export interface NewSiteRequest {
  company: string;
  siteName?: string | undefined;
  siteUrl?: string | undefined;
  email?: string | undefined;
  address?: string | undefined;
  lang?: string | undefined;
  /** The company named in redline.config.ts now. */
  currentCompany: string;
  force: boolean;
}

/** What new-site does: the document folders to remove, the new config and lock texts; or why it refuses. */
export type NewSitePlan = { ok: true; remove: string[]; configText: string; lockText: string; notes: string[] } | { ok: false; errors: string[] };

/** A single-quoted TypeScript string literal. */
const quoted = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;

/** Plans replacing the example with an empty site of `request.company`. */
export function planNewSite(request: NewSiteRequest, tree: ContentTree): NewSitePlan {
  const errors: string[] = [];
  if (request.currentCompany !== EXAMPLE_COMPANY && !request.force) {
    errors.push(`redline.config.ts is already the site of ${request.currentCompany}, not the example's: new-site would delete its documents. Pass --force only if that is what you want`);
  }
  const company = request.company.trim();
  const host = company.toLowerCase().replace(/\b(ltd|limited|inc|llc|gmbh|sas|bv|plc)\b\.?/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'company';
  const siteUrl = request.siteUrl ?? `https://legal.${host}.example`;
  const config = {
    company,
    siteName: request.siteName ?? `${company.replace(/,?\s+(Ltd|Limited|Inc|LLC|GmbH|SAS|BV|PLC)\.?$/i, '')} Legal`,
    siteUrl,
    basePath: '/',
    contact: { email: request.email ?? `legal@${new URL(URL.canParse(siteUrl) ? siteUrl : 'https://x.example').hostname.replace(/^legal\./, '')}`, ...(request.address ? { address: request.address } : {}) },
    lang: request.lang ?? 'en',
  };
  const parsed = siteConfigSchema.safeParse(config);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.push(`${issue.path.join('.')}: ${issue.message} (pass ${issue.path[0] === 'siteUrl' ? '--site-url https://legal.example.com' : issue.path[1] === 'email' ? '--email legal@example.com' : `a valid --${String(issue.path[0])}`})`);
  }
  if (errors.length > 0) return { ok: false, errors };

  const configText = [
    "import type { SiteConfigInput } from './src/lib/site/config.ts';",
    '',
    '/**',
    ' * Site metadata, in one place. `SITE_URL` and `BASE_PATH` environment variables override',
    ' * `siteUrl` and `basePath` at build time (see README, "Deploying").',
    ' */',
    'const config: SiteConfigInput = {',
    `  company: ${quoted(config.company)},`,
    `  siteName: ${quoted(config.siteName)},`,
    `  siteUrl: ${quoted(config.siteUrl)},`,
    "  basePath: '/',",
    '  contact: {',
    `    email: ${quoted(config.contact.email)},`,
    ...(request.address ? [`    address: ${quoted(request.address)},`] : []),
    '  },',
    `  lang: ${quoted(config.lang)},`,
    '};',
    '',
    'export default config;',
    '',
  ].join('\n');
  const remove = tree.documents.map((document) => document.dir);
  const notes = [
    `site: ${config.siteName} (${config.siteUrl}), contact ${config.contact.email}: review them in redline.config.ts`,
    'the site has no documents yet: the build and npm run check refuse an empty site until you add one',
  ];
  return { ok: true, remove, configText, lockText: serializeLock(emptyLock()), notes };
}
