import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CollectionEntry, getCollection, render } from 'astro:content';
import { LOCK_FILE, sourceSha256 } from '../lib/content/files.ts';
import { contentDirectory } from '../lib/content/location.ts';
import { parseLock, type VersionLock } from '../lib/content/lock.ts';
import { markStage } from '../integrations/stage-timer.ts';
import type { LegalDocument, Version } from '../lib/content/types.ts';
import { type VersionContext, sortVersions } from '../lib/content/versions.ts';
import { buildDate, site } from './site.ts';

/** Drafts are shown (with a banner) under `astro dev` and never published. */
const includeDrafts: boolean = import.meta.env.REDLINE_INCLUDE_DRAFTS === true;

/** The collections read once per build: documents, version entries by id, and each version's source text. */
interface LoadedContent {
  documents: LegalDocument[];
  entries: Map<string, CollectionEntry<'versions'>>;
  sources: Map<string, string>;
}

let cache: Promise<LoadedContent> | undefined;

/** The lock of the content folder, read once: it holds each version's earlier texts (corrections). The content check already refused a missing or unreadable lock in production. */
function readLock(): VersionLock | undefined {
  const path = join(contentDirectory(process.cwd(), process.env['REDLINE_CONTENT_DIR']), LOCK_FILE);
  if (!existsSync(path)) return undefined;
  const parsed = parseLock(readFileSync(path, 'utf8'));
  return parsed.ok ? parsed.lock : undefined;
}

function toVersion(entry: CollectionEntry<'versions'>, source: string, lock: VersionLock | undefined): Version {
  const [document = '', id = ''] = entry.id.split('/');
  const sha256 = sourceSha256(source);
  const locked = lock?.versions[entry.id];
  return {
    document,
    id,
    effective: entry.data.effective,
    published: entry.data.published,
    change: entry.data.change,
    summary: entry.data.summary,
    draft: entry.data.draft,
    imported: entry.data.imported,
    corrections: entry.data.corrections,
    sourcePath: entry.filePath ?? entry.id,
    sha256,
    // Only texts that lead to this very file: a lock out of step with the content is the content check's to report.
    ...(locked && locked.texts.at(-1)?.sha256 === sha256 ? { texts: locked.texts } : {}),
  };
}

async function loadContent(): Promise<LoadedContent> {
  const [documentEntries, versionEntries] = await Promise.all([getCollection('documents'), getCollection('versions')]);
  const entries = new Map<string, CollectionEntry<'versions'>>();
  const sources = new Map<string, string>();
  const bySlug = new Map<string, Version[]>();
  const lock = readLock();
  for (const entry of versionEntries) {
    // Each source is read once: its sha256 is in the API and the lock, its text on the .md page and in source diffs.
    const source = entry.filePath ? readFileSync(entry.filePath, 'utf8') : (entry.body ?? '');
    entries.set(entry.id, entry);
    sources.set(entry.id, source);
    const version = toVersion(entry, source, lock);
    if (version.draft && !includeDrafts) continue;
    // Announced after the build date: published on its day by the daily rebuild, never earlier (nor dated ahead in a feed).
    if (version.published > buildDate && !includeDrafts) continue;
    bySlug.set(version.document, [...(bySlug.get(version.document) ?? []), version]);
  }
  const documents = documentEntries
    .map((entry) => ({ slug: entry.id, ...entry.data, versions: sortVersions(bySlug.get(entry.id) ?? []) }))
    .filter((document) => document.versions.length > 0)
    .sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
  return { documents, entries, sources };
}

function loadedContent(): Promise<LoadedContent> {
  cache ??= loadContent();
  return cache;
}

/** Every document with its publishable versions, oldest first; documents in home-page order. */
export async function getLegalDocuments(): Promise<LegalDocument[]> {
  // The first call is the first getStaticPaths(): page generation starts (for `npm run bench`).
  markStage('pages:start');
  return (await loadedContent()).documents;
}

/** A version's key in the collections: `<document>/<id>`. */
export const versionKey = (version: Pick<Version, 'document' | 'id'>): string => `${version.document}/${version.id}`;

const renders = new Map<string, ReturnType<typeof render>>();

/** Renders one version's MDX (its Content component and headings), once per build. */
export function renderVersion(version: Pick<Version, 'document' | 'id'>): ReturnType<typeof render> {
  const key = versionKey(version);
  let rendered = renders.get(key);
  if (!rendered) {
    rendered = loadedContent().then((content) => {
      const entry = content.entries.get(key);
      if (!entry) throw new Error(`No version ${key}`);
      return render(entry);
    });
    renders.set(key, rendered);
  }
  return rendered;
}

/** The raw MDX source of a version, as committed. */
export async function versionSource(version: Pick<Version, 'document' | 'id'>): Promise<string> {
  const source = (await loadedContent()).sources.get(versionKey(version));
  if (source === undefined) throw new Error(`No source for ${versionKey(version)}`);
  return source;
}

/**
 * The `cacheKey` of a version page (Astro's experimental incremental build): everything the page shows besides
 * code, site config and the rendered MDX (which Astro tracks itself): the document's metadata, where the
 * version stands (status, period, neighbours, the version in force and the upcoming ones, each by id and the
 * sha256 of its source, which covers its frontmatter) and the URL settings (env, not config). An unchanged
 * page is copied from the previous build instead of rendered again.
 */
export function versionPageKey(document: LegalDocument, context: VersionContext<Version>): string {
  const { versions: _versions, ...meta } = document;
  const ref = (version: Version | undefined) => (version === undefined ? null : [version.id, version.sha256]);
  const { version, status, period, previous, next, current, upcoming } = context;
  return createHash('sha256')
    .update(JSON.stringify([meta, ref(version), status, period, ref(previous), ref(next), ref(current), upcoming.map(ref), site.siteUrl, site.basePath]))
    .digest('hex');
}
