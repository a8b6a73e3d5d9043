import { z } from 'zod';
import { normalizeBasePath } from './permalinks.ts';

/**
 * Placeholders that must never reach a published version (text, frontmatter, document.yaml); `redline.config.ts`
 * can replace the list. Each is a case-insensitive regular expression, or `/source/flags` to give the flags.
 */
export const DEFAULT_PLACEHOLDERS: readonly string[] = [
  '\\[INSERT [^\\]]*\\]',
  '\\[LEGAL ENTITY NAME\\]',
  '\\[COMPANY NAME\\]',
  // Any bracketed run of capitalised words ([JURISDICTION], [Registered Address]); not a link's text
  // ([Privacy Policy](...), [Terms][1], [Terms]: https://...), and not an editorial [T]he or [sic]. Case-sensitive.
  "/\\[[A-Z][A-Za-z'’.&-]+(?:[ _/-]+[A-Z0-9][A-Za-z0-9'’.&-]*)*\\](?![(\\[:])/",
  // Template and mail-merge fields: {{company_name}}, {% data reusables.x %}, «CompanyName», <<Company>>.
  '\\{\\{[^}]*\\}\\}',
  '\\{%[^%]*%\\}',
  '«[A-Za-z_][\\w.]*»',
  '<<[A-Za-z_][\\w. ]*>>',
  // Blanks: XXXX (not the numeral XXX), and ____ to fill in (a line of only underscores is a rule).
  '/\\bX{4,}\\b/',
  '/(?<![\\p{L}\\p{N}_])_{3,}(?![\\p{L}\\p{N}_])/u',
  '\\bTODO\\b',
  '\\bTBD\\b',
  '\\bFIXME\\b',
  '\\blorem ipsum\\b',
];

/** The shape of `redline.config.ts`: everything about the site that is not a legal document. */
export const siteConfigSchema = z.object({
  /** Legal name of the company publishing the documents. */
  company: z.string().min(1),
  /** Short product or brand name, used in titles. */
  siteName: z.string().min(1),
  /** Canonical origin of the site, e.g. `https://legal.example.com`; a path here becomes the base path. */
  siteUrl: z.url(),
  /** Path the site is served under, e.g. `/` or `/legal/`. */
  basePath: z.string().default('/'),
  /** Where readers write about the legal pages in general. */
  contact: z.object({ email: z.email(), address: z.string().optional() }),
  /** Language of the documents (BCP 47). */
  lang: z.string().default('en'),
  /** Case-insensitive regular expressions that mark unfinished text; any match fails a non-draft version. */
  placeholders: z.array(z.string()).default([...DEFAULT_PLACEHOLDERS]),
  /** Exact texts the placeholder patterns match that this site means literally, e.g. `[sic]` or `[REDACTED]`. */
  placeholderAllow: z.array(z.string()).default([]),
  /** Documents with at least this many headings get a table of contents. */
  tocMinHeadings: z.number().int().nonnegative().default(4),
});

export type SiteConfigInput = z.input<typeof siteConfigSchema>;
export type SiteConfig = z.output<typeof siteConfigSchema>;

/** Environment variables that override the configuration at build time. */
export interface SiteEnv {
  SITE_URL?: string | undefined;
  BASE_PATH?: string | undefined;
}

/**
 * Validates the site configuration and applies `SITE_URL` / `BASE_PATH`.
 * A path in the site URL (`https://example.com/legal/`) is the base path unless `BASE_PATH` says otherwise.
 */
export function resolveSiteConfig(input: SiteConfigInput, env: SiteEnv = {}): SiteConfig {
  const parsed = siteConfigSchema.safeParse({ ...input, ...(env.SITE_URL ? { siteUrl: env.SITE_URL } : {}) });
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`).join('\n');
    throw new Error(`redline.config.ts is invalid:\n${details}`);
  }
  const config = parsed.data;
  const url = new URL(config.siteUrl);
  const pathFromUrl = url.pathname;
  const basePath = normalizeBasePath(env.BASE_PATH ?? (env.SITE_URL && pathFromUrl !== '/' ? pathFromUrl : config.basePath));
  return { ...config, siteUrl: url.origin, basePath };
}

/**
 * Who publishes the site, as the footer names it: the company and its postal address, with the company named
 * once when the address already starts with it ("Tallyfield Ltd, 12 Harbour Row…").
 */
export function publisherLine(site: Pick<SiteConfig, 'company' | 'contact'>): string {
  const address = site.contact.address?.trim();
  if (!address) return site.company;
  return address.toLowerCase().startsWith(site.company.trim().toLowerCase()) ? address : `${site.company} · ${address}`;
}
