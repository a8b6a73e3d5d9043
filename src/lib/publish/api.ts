/**
 * The JSON API for tools and consent records: `/api/documents.json` and `/api/<document>/versions.json`.
 * Keys are snake_case like the JSON Feed `_redline` extension, so one vocabulary serves both.
 * Absent values are `null`, not missing keys, so a consumer can tell "none" from "older API".
 */
import { compareUrlOf, publishedVersions, publishedWithPrevious, siteUrlOf } from './feeds/model.ts';
import { versionHashes } from '../content/lock.ts';
import type { SiteConfig } from '../site/config.ts';
import type { ChangeKind, LegalDocument, Version, VersionStatus } from '../content/types.ts';
import { inForcePeriod, upcomingVersions, versionInForce, versionStatus } from '../content/versions.ts';

/** A version as listed in `/api/documents.json`. */
export interface ApiVersionRef {
  id: string;
  effective: string;
  published: string;
  change: ChangeKind;
  summary: string;
  url: string;
  source_url: string;
  sha256: string;
}

/** One document in `/api/documents.json`. */
export interface ApiDocument {
  slug: string;
  title: string;
  description: string;
  notice_days: number;
  contact: string;
  urls: {
    page: string;
    history: string;
    versions_api: string;
    feeds: { rss: string; atom: string; json: string };
    calendar: string;
  };
  /** The version in force on `as_of`; null before the first version takes effect. */
  in_force: ApiVersionRef | null;
  /** Announced versions not yet in force on `as_of`, soonest first. */
  upcoming: ApiVersionRef[];
}

/** The body of `/api/documents.json`. */
export interface DocumentsApi {
  /** The date statuses were computed for (the build date). */
  as_of: string;
  site: { name: string; company: string; url: string };
  documents: ApiDocument[];
}

/** One version in `/api/<document>/versions.json`: enough for a consent record to cite exactly what was accepted. */
export interface ApiVersion {
  id: string;
  effective: string;
  published: string;
  change: ChangeKind;
  status: VersionStatus;
  summary: string;
  in_force_from: string;
  /** Last day in force; null while no later version is announced. */
  in_force_until: string | null;
  previous_version: string | null;
  urls: { permalink: string; source: string; compare: string | null };
  /** sha256 (hex) of the version's source file, as served at `urls.source`. */
  sha256: string;
  /**
   * Every sha256 the version has had, oldest first: the original (dated its announcement) and one per correction
   * (dated the correction, with its reason), so a consent record holding an earlier hash still resolves.
   */
  sha256_history: { sha256: string; date: string; reason: string | null }[];
  corrections: { date: string; reason: string }[];
}

/** The body of `/api/<document>/versions.json`. */
export interface VersionsApi {
  as_of: string;
  document: { slug: string; title: string; url: string };
  /** Oldest first, drafts never listed. */
  versions: ApiVersion[];
}

function versionRef(document: LegalDocument, version: Version, site: SiteConfig): ApiVersionRef {
  return {
    id: version.id,
    effective: version.effective,
    published: version.published,
    change: version.change,
    summary: version.summary,
    url: siteUrlOf({ kind: 'version', document: document.slug, version: version.id }, site),
    source_url: siteUrlOf({ kind: 'version-source', document: document.slug, version: version.id }, site),
    sha256: version.sha256,
  };
}

function byOrder(a: LegalDocument, b: LegalDocument): number {
  if (a.order !== b.order) return a.order - b.order;
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

/** The body of `/api/documents.json`: every document, its URLs, and what is in force or coming on `today`. */
export function buildDocumentsApi(documents: readonly LegalDocument[], site: SiteConfig, today: string): DocumentsApi {
  return {
    as_of: today,
    site: { name: site.siteName, company: site.company, url: siteUrlOf({ kind: 'home' }, site) },
    documents: [...documents].sort(byOrder).map((document) => {
      const versions = publishedVersions(document);
      const inForce = versionInForce(versions, today);
      return {
        slug: document.slug,
        title: document.title,
        description: document.description,
        notice_days: document.noticeDays,
        contact: document.contact,
        urls: {
          page: siteUrlOf({ kind: 'document', document: document.slug }, site),
          history: siteUrlOf({ kind: 'history', document: document.slug }, site),
          versions_api: siteUrlOf({ kind: 'api-versions', document: document.slug }, site),
          feeds: {
            rss: siteUrlOf({ kind: 'feed', format: 'rss', document: document.slug }, site),
            atom: siteUrlOf({ kind: 'feed', format: 'atom', document: document.slug }, site),
            json: siteUrlOf({ kind: 'feed', format: 'json', document: document.slug }, site),
          },
          calendar: siteUrlOf({ kind: 'calendar', document: document.slug }, site),
        },
        in_force: inForce ? versionRef(document, inForce, site) : null,
        upcoming: upcomingVersions(versions, today).map((version) => versionRef(document, version, site)),
      };
    }),
  };
}

/** The body of `/api/<document>/versions.json`: every published version with its dates, status on `today`, URLs and sha256. */
export function buildVersionsApi(document: LegalDocument, site: SiteConfig, today: string): VersionsApi {
  // Status, periods and "previous" are computed among published versions only: a draft is not part of the record.
  const versions = publishedVersions(document);
  return {
    as_of: today,
    document: { slug: document.slug, title: document.title, url: siteUrlOf({ kind: 'document', document: document.slug }, site) },
    versions: publishedWithPrevious(document).map(({ version, previous }) => {
      const period = inForcePeriod(versions, version);
      return {
        id: version.id,
        effective: version.effective,
        published: version.published,
        change: version.change,
        status: versionStatus(versions, version, today),
        summary: version.summary,
        in_force_from: period.from,
        in_force_until: period.to ?? null,
        previous_version: previous?.id ?? null,
        urls: {
          permalink: siteUrlOf({ kind: 'version', document: document.slug, version: version.id }, site),
          source: siteUrlOf({ kind: 'version-source', document: document.slug, version: version.id }, site),
          compare: compareUrlOf(document, previous, version, site) ?? null,
        },
        sha256: version.sha256,
        sha256_history: versionHashes(version).map((text) => ({ sha256: text.sha256, date: text.date, reason: text.reason ?? null })),
        corrections: version.corrections.map((correction) => ({ date: correction.date, reason: correction.reason })),
      };
    }),
  };
}
