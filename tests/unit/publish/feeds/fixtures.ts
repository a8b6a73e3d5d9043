/** Small documents with known answers, shared by the feed, calendar, API and notice tests. */
import { resolveSiteConfig } from '../../../../src/lib/site/config.ts';
import type { LegalDocument, Version } from '../../../../src/lib/content/types.ts';

/** A site served under a base path, so every absolute URL must carry `/legal/`. */
export const site = resolveSiteConfig({
  company: 'Example Ltd',
  siteName: 'Example',
  siteUrl: 'https://example.com',
  basePath: '/legal/',
  contact: { email: 'legal@example.com' },
});

type VersionInput = Pick<Version, 'id' | 'published' | 'change'> & Partial<Version>;

/** A version of `document` with sensible defaults; the effective date is the id's date unless given. */
export function version(document: string, input: VersionInput): Version {
  return {
    document,
    effective: input.id.slice(0, 10),
    summary: `Summary of ${document} ${input.id}.`,
    draft: false,
    imported: false,
    corrections: [],
    sourcePath: `content/${document}/${input.id}.mdx`,
    sha256: `${document}-${input.id}`.padEnd(64, '0').slice(0, 64),
    ...input,
  };
}

/** A document with the given versions (any order) and default metadata. */
export function legalDocument(slug: string, title: string, versions: Version[], extra: Partial<LegalDocument> = {}): LegalDocument {
  return {
    slug,
    title,
    description: `What the ${title} covers.`,
    order: 1,
    noticeDays: 30,
    contact: 'privacy@example.com',
    versions,
    ...extra,
  };
}

/**
 * privacy: initial, minor, an announced material change (summary with markup to escape) and a draft.
 * cookies: a single version. terms: a draft between two published versions.
 */
export function sampleDocuments(): LegalDocument[] {
  return [
    legalDocument(
      'privacy',
      'Privacy Policy',
      [
        version('privacy', { id: '2027-06-01', published: '2027-04-01', change: 'material', draft: true, summary: 'Secret draft: not announced yet.' }),
        version('privacy', { id: '2025-02-01', published: '2025-01-15', change: 'initial', summary: 'First published version.' }),
        version('privacy', { id: '2026-03-01', published: '2026-02-20', change: 'minor', summary: 'Fixed typos & clarified wording.' }),
        version('privacy', {
          id: '2027-01-15',
          published: '2026-12-01',
          change: 'material',
          summary: 'We now share <b>usage data</b> with "partners" & processors.',
          corrections: [{ date: '2026-12-03', reason: 'Fixed a broken cross-reference.' }],
        }),
      ],
      { order: 1, noticeDays: 30 },
    ),
    legalDocument('cookies', 'Cookie Policy', [version('cookies', { id: '2025-02-01', published: '2025-01-20', change: 'initial' })], {
      order: 3,
      noticeDays: 0,
      contact: 'https://example.com/contact',
    }),
    legalDocument(
      'terms',
      'Terms of Service',
      [
        version('terms', { id: '2025-02-01', published: '2025-01-10', change: 'initial' }),
        version('terms', { id: '2025-06-01', published: '2025-05-01', change: 'material', draft: true, summary: 'Draft: never shown.' }),
        version('terms', { id: '2026-01-01', published: '2025-11-15', change: 'material', summary: 'New arbitration clause.' }),
      ],
      { order: 2, noticeDays: 14, contact: 'terms@example.com' },
    ),
  ];
}

/** Every published (document, version) pair of `sampleDocuments()`. */
export const PUBLISHED_COUNT = 6;
