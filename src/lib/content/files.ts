import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';
import { DOCUMENT_META_FILE } from './schema.ts';

/**
 * The lock file records every published version with the sha256 of its source, so a published text can never
 * change silently and a published version (and its URL) can never disappear. It lives in the content folder,
 * committed next to the text it protects. See docs/decisions/0002-version-lock.md.
 */
export const LOCK_FILE = 'versions.lock.json';

/** A YAML value as read, before validation, or the reason it could not be read. */
export type ParsedYaml =
  | { ok: true; value: unknown; lineOfKey: (key: string) => number | undefined }
  /** `fix`, when the reason calls for another fix than rewriting the YAML. */
  | { ok: false; message: string; line?: number; fix?: string };

/** One version file as found on disk. */
export interface VersionSource {
  /** Path relative to the project root, for messages. */
  path: string;
  /** File name without `.mdx`: the version id. */
  id: string;
  source: string;
  sha256: string;
  frontmatter: ParsedYaml;
  /** The MDX body after the frontmatter. */
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
}

/** One document folder as found on disk. */
export interface DocumentSource {
  slug: string;
  /** Folder path relative to the project root. */
  dir: string;
  /** Path of `document.yaml` relative to the project root. */
  metaPath: string;
  meta: ParsedYaml | undefined;
  versions: VersionSource[];
  /** Files in the folder that are neither `document.yaml`, a version nor an image. */
  strayFiles: string[];
  /** Image files in the folder, which versions may show (paths relative to the project root). */
  assets?: string[];
  /** Folders inside the document folder, which nothing reads (a `2026-01-20.mdx/` folder, for one). */
  folders?: string[];
  /** The text of `document.yaml`, for the character rules. */
  metaSource?: string;
}

/** Everything under the content folder. */
export interface ContentTree {
  contentDir: string;
  documents: DocumentSource[];
  /** Files directly in the content folder, where nothing belongs. */
  strayFiles: string[];
  /** Folders whose name starts with `.`, which nothing reads (paths relative to the project root). */
  hiddenFolders?: string[];
}

/** Image files a version may show: files in its document's folder, published with the site. */
export const IMAGE_FILE = /\.(?:png|jpe?g|gif|webp|avif)$/i;

/** sha256 (hex) of a version's source text, as recorded in the lock file and the API. */
export function sourceSha256(source: string): string {
  return createHash('sha256').update(source, 'utf8').digest('hex');
}

/**
 * Parses YAML without turning dates into Date objects (CORE schema), so `2025-02-30`
 * stays a string and can be reported instead of silently becoming 2 March.
 */
export function parseYaml(text: string, firstLine = 1): ParsedYaml {
  try {
    const value = yaml.load(text, { schema: yaml.CORE_SCHEMA });
    const lines = text.split('\n');
    return {
      ok: true,
      value,
      lineOfKey: (key) => {
        const index = lines.findIndex((line) => new RegExp(`^${key}\\s*:`).test(line));
        return index === -1 ? undefined : firstLine + index;
      },
    };
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    return { ok: false, message: reason, ...(mark?.line !== undefined ? { line: firstLine + mark.line } : {}) };
  }
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits an MDX source into its frontmatter (parsed) and body. */
export function splitFrontmatter(source: string): { frontmatter: ParsedYaml; body: string; bodyLine: number } {
  const match = FRONTMATTER.exec(source);
  if (!match && source.startsWith('\uFEFF')) {
    // Windows Notepad and some exports start a UTF-8 file with an invisible byte-order mark; the compiler would
    // then not see the frontmatter either.
    return {
      frontmatter: {
        ok: false,
        message: 'the file starts with an invisible byte-order mark (U+FEFF, written by Windows Notepad and some exports), so its "---" line is not the first thing in it',
        line: 1,
        fix: 'save the file as "UTF-8" without BOM (in most editors: "Save with encoding" > UTF-8, not "UTF-8 with BOM")',
      },
      body: source,
      bodyLine: 1,
    };
  }
  if (!match) {
    return {
      frontmatter: { ok: false, message: 'the file does not start with a frontmatter block between two "---" lines', line: 1 },
      body: source,
      bodyLine: 1,
    };
  }
  const yamlText = match[1] ?? '';
  return {
    frontmatter: parseYaml(yamlText, 2),
    body: source.slice(match[0].length),
    bodyLine: match[0].split('\n').length,
  };
}

/** A version file's source as validation reads it, from its path (as reported), file name and text. */
export function versionSourceOf(path: string, fileName: string, source: string): VersionSource {
  return { path, id: fileName.replace(/\.mdx$/, ''), source, sha256: sourceSha256(source), ...splitFrontmatter(source) };
}

/** Reads a version file. */
export function readVersionSource(absolutePath: string, projectRoot: string): VersionSource {
  return versionSourceOf(relative(projectRoot, absolutePath), absolutePath.split(/[\\/]/).pop() ?? '', readFileSync(absolutePath, 'utf8'));
}

/** Reads every document folder under `contentDir` (sorted, so results never depend on the file system). */
export function readContentTree(contentDir: string, projectRoot: string): ContentTree {
  if (!existsSync(contentDir)) return { contentDir: relative(projectRoot, contentDir), documents: [], strayFiles: [] };
  const documents: DocumentSource[] = [];
  const strayFiles: string[] = [];
  const hiddenFolders: string[] = [];
  for (const entry of readdirSync(contentDir).sort()) {
    const path = join(contentDir, entry);
    const isDirectory = statSync(path).isDirectory();
    if (entry.startsWith('.')) {
      // Astro's content globs skip dot-folders too; say so rather than leave an author wondering (.git is no content).
      if (isDirectory && entry !== '.git') hiddenFolders.push(relative(projectRoot, path));
      continue;
    }
    if (!isDirectory) {
      if (!/^readme\.md$/i.test(entry) && entry !== LOCK_FILE) strayFiles.push(relative(projectRoot, path));
      continue;
    }
    const metaAbsolute = join(path, DOCUMENT_META_FILE);
    const all = readdirSync(path).sort();
    for (const name of all) {
      if (name.startsWith('.') && statSync(join(path, name)).isDirectory()) hiddenFolders.push(relative(projectRoot, join(path, name)));
    }
    const names = all.filter((name) => !name.startsWith('.'));
    const folders = names.filter((name) => statSync(join(path, name)).isDirectory());
    const files = names.filter((name) => !folders.includes(name));
    const metaSource = existsSync(metaAbsolute) && !folders.includes(DOCUMENT_META_FILE) ? readFileSync(metaAbsolute, 'utf8') : undefined;
    const relativeTo = (name: string) => relative(projectRoot, join(path, name));
    documents.push({
      slug: entry,
      dir: relative(projectRoot, path),
      metaPath: relative(projectRoot, metaAbsolute),
      meta: metaSource === undefined ? undefined : parseYaml(metaSource),
      ...(metaSource === undefined ? {} : { metaSource }),
      versions: files.filter((name) => name.endsWith('.mdx')).map((name) => readVersionSource(join(path, name), projectRoot)),
      strayFiles: files.filter((name) => name !== DOCUMENT_META_FILE && !name.endsWith('.mdx') && !IMAGE_FILE.test(name)).map(relativeTo),
      assets: files.filter((name) => IMAGE_FILE.test(name)).map(relativeTo),
      folders: folders.map(relativeTo),
    });
  }
  return { contentDir: relative(projectRoot, contentDir), documents, strayFiles, hiddenFolders };
}
