/**
 * `npm run new-document`: a new document's `document.yaml` and a first version to write. The first
 * version is a draft with `[INSERT ...]` placeholders where the legal text goes: a skeleton must never be
 * published by accident, and the site will not publish a document until its first version is finished.
 */
import type { ContentTree } from '../content/files.ts';
import { DOCUMENT_META_FILE, DOCUMENT_SLUG_PATTERN, documentMetaSchema } from '../content/schema.ts';
import { isIsoDate } from '../content/dates.ts';
import { makeMdxSafe } from '../import/mdx-safe.ts';
import { RESERVED_SLUGS } from '../content/validation.ts';
import { type AuthoringPlan, issuesIntroduced, nextStepsAfterWriting, refuse, refuseIssues } from './plan.ts';
import { documentFileText, versionFileText } from './version-file.ts';

/** Notice period of a new document when none is given: a common contractual minimum, and safer than none. */
export const DEFAULT_NOTICE_DAYS = 30;

/** What the author asked for, with the site defaults the command fills in. */
export interface NewDocumentRequest {
  slug: string;
  title?: string | undefined;
  description?: string | undefined;
  noticeDays?: number | undefined;
  contact?: string | undefined;
  order?: number | undefined;
  /** Effective date of the first version; defaults to `today`. */
  effective?: string | undefined;
  /** The date the command runs, YYYY-MM-DD: the first version's `published`. */
  today: string;
  /** Legal name of the company, from redline.config.ts, for the default description. */
  company: string;
  /** The site's contact address, the default contact of a document. */
  siteContact: string;
  /** Configured placeholder patterns. */
  placeholders: readonly string[];
  hasLockScript: boolean;
}

/** Why a slug cannot name a new document, or undefined when it can. */
export function slugProblem(slug: string, tree: ContentTree): string | undefined {
  if (!DOCUMENT_SLUG_PATTERN.test(slug)) return `"${slug}" is not a valid document slug: use lowercase words joined by hyphens, e.g. acceptable-use`;
  if (RESERVED_SLUGS.has(slug)) return `"${slug}" is reserved for the site's own pages (${[...RESERVED_SLUGS].join(', ')}): choose another slug`;
  const existing = tree.documents.find((document) => document.slug === slug);
  if (existing) return `a document "${slug}" already exists in ${existing.dir}: add a version with npm run new-version -- ${slug}`;
  return undefined;
}

/** The next free position on the home page: after every document there is. */
export function nextOrder(tree: ContentTree): number {
  const orders = tree.documents.map((document) => {
    const parsed = document.meta?.ok ? documentMetaSchema.safeParse(document.meta.value) : undefined;
    return parsed?.success ? parsed.data.order : 0;
  });
  return orders.length === 0 ? 1 : Math.max(...orders) + 1;
}

/** A link to a contact that is an e-mail address or a URL. */
export function contactLink(contact: string): string {
  return contact.includes('@') && !contact.includes('://') ? `[${contact}](mailto:${contact})` : `[${contact}](${contact})`;
}

/** Plans a new document, or says why it cannot be created. */
export function planNewDocument(request: NewDocumentRequest, tree: ContentTree): AuthoringPlan {
  const errors: string[] = [];
  const slugError = slugProblem(request.slug, tree);
  if (slugError) errors.push(slugError);
  const title = request.title?.trim() ?? '';
  if (title === '') errors.push('--title is required: the document\'s title as readers see it, e.g. --title "Acceptable Use Policy"');
  const effective = request.effective ?? request.today;
  if (!isIsoDate(effective)) errors.push(`--effective "${effective}" is not a date: write it as YYYY-MM-DD`);
  else if (effective < request.today) {
    errors.push(
      `--effective ${effective} is before today (${request.today}): a version cannot take effect before it is announced. To bring in a policy that was already in force, use npm run import with --published`,
    );
  }
  const noticeDays = request.noticeDays ?? DEFAULT_NOTICE_DAYS;
  if (!Number.isInteger(noticeDays) || noticeDays < 0) errors.push(`--notice-days must be a whole number of days, zero or more (got ${String(request.noticeDays)})`);
  if (request.order !== undefined && !Number.isInteger(request.order)) errors.push(`--order must be a whole number (got ${String(request.order)})`);
  const contact = request.contact?.trim() || request.siteContact;
  if (contact.length < 3) errors.push('--contact must be an e-mail address or URL');
  if (errors.length > 0) return refuse(...errors);

  const description = request.description?.trim() || `The ${title} of ${request.company}.`;
  const order = request.order ?? nextOrder(tree);
  const metaPath = `${request.slug}/${DOCUMENT_META_FILE}`;
  const versionPath = `${request.slug}/${effective}.mdx`;
  const body = makeMdxSafe(
    [
      `This ${title} explains [INSERT what this document covers and who it applies to].`,
      '## [INSERT first section heading]',
      '[INSERT the text of this section.]',
      '## Contact',
      `If you have any questions about this ${title}, contact us at ${contactLink(contact)}.`,
    ].join('\n\n'),
  ).markdown;
  const files = [
    { path: metaPath, text: documentFileText({ title, description, order, noticeDays, contact }) },
    {
      path: versionPath,
      text: versionFileText({ effective, published: request.today, change: 'initial', summary: `First version of the ${title}.`, draft: true }, `\n${body}`),
    },
  ];
  // The draft leaves the document without a published version; that is the point, so it is not a refusal.
  const introduced = issuesIntroduced(tree, files, request.placeholders).filter((issue) => issue.field !== 'versions');
  if (introduced.length > 0) return refuseIssues(introduced);

  const notes = [
    `notice period for material changes: ${noticeDays} days${request.noticeDays === undefined ? ` (the default; change noticeDays in ${metaPath})` : ''}`,
    `position on the home page: ${order}${request.order === undefined ? ' (after the existing documents)' : ''}`,
    `contact: ${contact}${request.contact ? '' : ' (the site contact from redline.config.ts)'}`,
    ...(request.description ? [] : [`description: "${description}" (a default: say in one sentence what the document covers)`]),
  ];
  const nextSteps = nextStepsAfterWriting(
    `${tree.contentDir}/${request.slug}/`,
    [
      `Write the text in ${tree.contentDir}/${versionPath}: replace every [INSERT ...] with the final wording, using ## for sections.`,
      ...(request.description ? [] : [`Replace the default description in ${tree.contentDir}/${metaPath}.`]),
      `When the text is final, delete the line "draft: true". Until then the site leaves "${request.slug}" out (npm run check warns that it has only drafts): the site never publishes an unfinished document.`,
    ],
    request.hasLockScript,
  );
  return { ok: true, files, notes, nextSteps };
}
