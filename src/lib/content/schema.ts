import { z } from 'zod';
import { isIsoDate } from './dates.ts';

/** A calendar date written `YYYY-MM-DD`; YAML may already have turned it into a Date. */
export const isoDateSchema = z.union([z.string(), z.date()]).transform((value, ctx) => {
  const text = value instanceof Date ? (Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10)) : value.trim();
  if (!isIsoDate(text)) {
    ctx.addIssue({ code: 'custom', message: `"${String(value)}" is not a real date; write it as YYYY-MM-DD, e.g. 2025-03-01` });
    return z.NEVER;
  }
  return text;
});

/** Kinds of change, as written in a version's `change` field. */
export const changeKindSchema = z.enum(['initial', 'material', 'minor'], {
  error: 'must be one of initial, material or minor',
});

/** Frontmatter of one version file, `content/<document>/<version>.mdx`. */
export const versionFrontmatterSchema = z.strictObject({
  effective: isoDateSchema,
  published: isoDateSchema,
  change: changeKindSchema,
  summary: z
    .string({ error: 'is required: say in a sentence what changed and why' })
    .trim()
    .min(10, 'is too short: say in a sentence what changed and why'),
  draft: z.boolean().default(false),
  /**
   * True for a version brought in from the document's history before the document was first published on this
   * site (`npm run import -- --history`): its dates are recorded as they were, not witnessed by this site.
   */
  imported: z.boolean().default(false),
  corrections: z
    .array(z.strictObject({ date: isoDateSchema, reason: z.string().trim().min(5, 'must say why the text was corrected') }))
    .default([]),
});

export type VersionFrontmatter = z.output<typeof versionFrontmatterSchema>;

/**
 * A document's contact becomes a link on every version page: an e-mail address (linked with mailto:) or an
 * https URL, never a `javascript:` or other scheme.
 */
export function isContactAddress(value: string): boolean {
  if (/^[^\s@<>"'(),:;\\/]+@[^\s@<>"'(),:;\\/]+\.[^\s@<>"'(),:;\\/]+$/u.test(value)) return true;
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' && url.hostname !== '' && !/\s/u.test(value);
}

/** The link of a document's contact: `mailto:` for an e-mail address, the URL itself otherwise. */
export function contactHref(contact: string): string {
  return /^https:/iu.test(contact) ? contact : `mailto:${contact}`;
}

/** Metadata of one document, `content/<document>/document.yaml`. */
export const documentMetaSchema = z.strictObject({
  title: z.string({ error: 'is required, e.g. "Privacy Policy"' }).trim().min(1, 'must not be empty'),
  description: z.string({ error: 'is required: one sentence on what the document covers' }).trim().min(1),
  order: z.number({ error: 'must be a number (position on the home page)' }).int().default(100),
  noticeDays: z
    .number({ error: 'must be a whole number of days' })
    .int()
    .nonnegative('must be zero or more days')
    .default(0),
  contact: z
    .string({ error: 'is required: an e-mail address or URL for questions' })
    .trim()
    .refine(isContactAddress, 'must be an e-mail address (privacy@example.com) or an https:// URL'),
});

export type DocumentMetaInput = z.output<typeof documentMetaSchema>;

/** File name of a document's metadata inside `content/<document>/`. */
export const DOCUMENT_META_FILE = 'document.yaml';

/** A version id: the effective date, optionally followed by `-<suffix>` (lowercase letters and digits). */
export const VERSION_ID_PATTERN = /^(\d{4}-\d{2}-\d{2})(?:-([a-z0-9]+))?$/;

/** A document slug: lowercase words joined by hyphens. */
export const DOCUMENT_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
