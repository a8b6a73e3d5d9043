import { describe, expect, it } from 'vitest';
import { buildDocumentsApi, buildVersionsApi } from '../../../src/lib/publish/api.ts';
import { legalDocument, sampleDocuments, site, version } from './feeds/fixtures.ts';

const documents = sampleDocuments();
const privacy = documents[0];
const terms = documents[2];
if (!privacy || !terms) throw new Error('fixtures changed');

describe('buildDocumentsApi', () => {
  const api = buildDocumentsApi(documents, site, '2026-06-15');

  it('lists every document by its order, with site and date', () => {
    expect(api.as_of).toBe('2026-06-15');
    expect(api.site).toEqual({ name: 'Example', company: 'Example Ltd', url: 'https://example.com/legal/' });
    expect(api.documents.map((document) => document.slug)).toEqual(['privacy', 'terms', 'cookies']);
  });

  it('gives each document its absolute URLs under the base path', () => {
    expect(api.documents[0]).toMatchObject({
      slug: 'privacy',
      title: 'Privacy Policy',
      description: 'What the Privacy Policy covers.',
      notice_days: 30,
      contact: 'privacy@example.com',
      urls: {
        page: 'https://example.com/legal/privacy/',
        history: 'https://example.com/legal/privacy/history/',
        versions_api: 'https://example.com/legal/api/privacy/versions.json',
        feeds: {
          rss: 'https://example.com/legal/privacy/feed.xml',
          atom: 'https://example.com/legal/privacy/atom.xml',
          json: 'https://example.com/legal/privacy/feed.json',
        },
        calendar: 'https://example.com/legal/privacy/calendar.ics',
      },
    });
  });

  it.each([
    { today: '2025-01-31', inForce: null, upcoming: ['2025-02-01', '2026-03-01', '2027-01-15'] },
    { today: '2025-02-01', inForce: '2025-02-01', upcoming: ['2026-03-01', '2027-01-15'] },
    { today: '2026-06-15', inForce: '2026-03-01', upcoming: ['2027-01-15'] },
    { today: '2027-12-31', inForce: '2027-01-15', upcoming: [] },
  ])('on $today: privacy in force $inForce, upcoming $upcoming (drafts never)', ({ today, inForce, upcoming }) => {
    const document = buildDocumentsApi(documents, site, today).documents.find((item) => item.slug === 'privacy');
    expect(document?.in_force?.id ?? null).toBe(inForce);
    expect(document?.upcoming.map((item) => item.id)).toEqual(upcoming);
  });

  it('describes a version with its dates, change, URLs and sha256', () => {
    const source = privacy.versions.find((item) => item.id === '2027-01-15');
    expect(api.documents[0]?.upcoming[0]).toEqual({
      id: '2027-01-15',
      effective: '2027-01-15',
      published: '2026-12-01',
      change: 'material',
      summary: source?.summary,
      url: 'https://example.com/legal/privacy/2027-01-15/',
      source_url: 'https://example.com/legal/privacy/2027-01-15.md',
      sha256: source?.sha256,
    });
  });

  it('never mentions a draft', () => {
    const text = JSON.stringify(buildDocumentsApi(documents, site, '2027-03-01'));
    expect(text).not.toContain('2027-06-01');
    expect(text).not.toContain('Draft: never shown');
  });
});

describe('buildVersionsApi', () => {
  it('lists every published version oldest first, with status on the given date', () => {
    const api = buildVersionsApi(privacy, site, '2026-06-15');
    expect(api.as_of).toBe('2026-06-15');
    expect(api.document).toEqual({ slug: 'privacy', title: 'Privacy Policy', url: 'https://example.com/legal/privacy/' });
    expect(api.versions.map((item) => [item.id, item.status])).toEqual([
      ['2025-02-01', 'past'],
      ['2026-03-01', 'in-force'],
      ['2027-01-15', 'upcoming'],
    ]);
  });

  it('gives the exact record a consent log needs', () => {
    const api = buildVersionsApi(privacy, site, '2026-06-15');
    const source = privacy.versions.find((item) => item.id === '2026-03-01');
    expect(api.versions[1]).toEqual({
      id: '2026-03-01',
      effective: '2026-03-01',
      published: '2026-02-20',
      change: 'minor',
      status: 'in-force',
      summary: 'Fixed typos & clarified wording.',
      in_force_from: '2026-03-01',
      in_force_until: '2027-01-14',
      previous_version: '2025-02-01',
      urls: {
        permalink: 'https://example.com/legal/privacy/2026-03-01/',
        source: 'https://example.com/legal/privacy/2026-03-01.md',
        compare: 'https://example.com/legal/privacy/compare/2025-02-01...2026-03-01/',
      },
      sha256: source?.sha256,
      sha256_history: [{ sha256: source?.sha256, date: '2026-02-20', reason: null }],
      corrections: [],
    });
    expect(api.versions[2]?.in_force_until).toBeNull();
    expect(api.versions[2]?.corrections).toEqual([{ date: '2026-12-03', reason: 'Fixed a broken cross-reference.' }]);
  });

  it('lists every sha256 a corrected version has had, with its date, so an old consent record still resolves', () => {
    const corrected = legalDocument('privacy', 'Privacy Policy', [
      version('privacy', {
        id: '2025-02-01',
        published: '2025-01-10',
        change: 'initial',
        sha256: 'c'.repeat(64),
        corrections: [{ date: '2025-03-02', reason: 'Fixed the link to the complaints form.' }],
        texts: [
          { sha256: 'a'.repeat(64), date: '2025-01-10' },
          { sha256: 'c'.repeat(64), date: '2025-03-02', reason: 'Fixed the link to the complaints form.', patch: '--- a\n+++ b\n' },
        ],
      }),
    ]);
    expect(buildVersionsApi(corrected, site, '2025-06-15').versions[0]?.sha256_history).toEqual([
      { sha256: 'a'.repeat(64), date: '2025-01-10', reason: null },
      { sha256: 'c'.repeat(64), date: '2025-03-02', reason: 'Fixed the link to the complaints form.' },
    ]);
    // Without the lock's texts (a version 1 lock), only the current sha256 is known, dated by its latest correction.
    const { texts: _texts, ...unknown } = corrected.versions[0] ?? version('privacy', { id: 'x', published: 'x', change: 'initial' });
    expect(buildVersionsApi({ ...corrected, versions: [unknown] }, site, '2025-06-15').versions[0]?.sha256_history).toEqual([
      { sha256: 'c'.repeat(64), date: '2025-03-02', reason: 'Fixed the link to the complaints form.' },
    ]);
  });

  it('has no compare URL or previous version for a first version', () => {
    const api = buildVersionsApi(privacy, site, '2026-06-15');
    expect(api.versions[0]?.previous_version).toBeNull();
    expect(api.versions[0]?.urls.compare).toBeNull();
  });

  it('skips drafts: the period and the redline run between published versions', () => {
    const api = buildVersionsApi(terms, site, '2025-07-01');
    expect(api.versions.map((item) => item.id)).toEqual(['2025-02-01', '2026-01-01']);
    expect(api.versions[0]).toMatchObject({ status: 'in-force', in_force_until: '2025-12-31' });
    expect(api.versions[1]?.urls.compare).toBe('https://example.com/legal/terms/compare/2025-02-01...2026-01-01/');
    expect(JSON.stringify(api)).not.toContain('2025-06-01');
  });

  it('handles a document with only drafts', () => {
    const drafts = legalDocument('faq', 'FAQ', [version('faq', { id: '2025-01-01', published: '2024-12-01', change: 'initial', draft: true })]);
    expect(buildVersionsApi(drafts, site, '2025-06-01').versions).toEqual([]);
    expect(buildDocumentsApi([drafts], site, '2025-06-01').documents[0]).toMatchObject({ in_force: null, upcoming: [] });
  });

  it('survives a JSON round trip unchanged (no undefined, no Dates)', () => {
    const api = buildVersionsApi(privacy, site, '2026-06-15');
    expect(JSON.parse(JSON.stringify(api))).toStrictEqual(api);
  });
});
