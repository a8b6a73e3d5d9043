/**
 * What a built site weighs: files written by type of page, and for HTML pages the bytes of HTML, plus the CSS
 * and JavaScript each page loads before anyone interacts with it (stylesheets and <style>; <script src> with the
 * modules they import statically, and inline scripts; a dynamic import() such as Pagefind's is not counted).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';

/** Kinds of output, in report order. */
export const PAGE_TYPES = ['version', 'current', 'history', 'compare', 'compare picker', 'feeds', 'api', 'notices', 'sources', 'other'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

/** One written file. */
export interface PageStats {
  path: string;
  type: PageType;
  bytes: number;
  /** HTML pages only. */
  cssBytes: number;
  jsBytes: number;
  html: boolean;
}

/** Totals and medians of one page type. */
export interface TypeSummary {
  type: PageType;
  files: number;
  bytes: { sum: number; median: number };
  css: { sum: number; median: number };
  js: { sum: number; median: number; max: number };
}

/** The whole site. */
export interface SiteStats {
  pages: PageStats[];
  byType: TypeSummary[];
  /** The Pagefind bundle (index and UI), loaded only when search is used. */
  searchBundleBytes: number;
  assetBytes: number;
}

const FEED_FILES = new Set(['feed.xml', 'atom.xml', 'feed.json', 'calendar.ics']);
const VERSION_ID = /^\d{4}-\d{2}-\d{2}(?:-[a-z0-9]+)?$/;

/**
 * The type of an output file from its path relative to the output folder (base path `/`). `documents` are the
 * document slugs, which tell `/<document>/` (the version in force) from the site's own pages (`/search/`).
 */
export function pageTypeOf(path: string, documents: ReadonlySet<string>): PageType | undefined {
  const parts = path.split('/');
  const [first = '', second = '', third = ''] = parts;
  if (first === 'pagefind' || first === '_astro' || path === '_headers') return undefined;
  if (first === 'api') return 'api';
  if (first === 'notices') return 'notices';
  if (FEED_FILES.has(parts.at(-1) ?? '') && parts.length <= 2) return 'feeds';
  if (parts.length === 2 && second.endsWith('.md')) return 'sources';
  if (parts.length === 3 && second === 'compare' && third === 'index.html') return 'compare picker';
  if (parts.length >= 3 && second === 'compare') return 'compare';
  if (parts.length === 3 && second === 'history' && third === 'index.html') return 'history';
  if (parts.length === 3 && VERSION_ID.test(second) && third === 'index.html') return 'version';
  if (parts.length === 2 && second === 'index.html' && documents.has(first)) return 'current';
  return 'other';
}

function walk(dir: string, root = dir, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, root, out);
    else out.push(relative(root, path).split('\\').join('/'));
  }
  return out;
}

const STATIC_IMPORT = /(?:^|[;}\s])import\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+)["']/g;
const EXECUTABLE = /^(?:|module|text\/javascript|application\/javascript)$/i;

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined);
}

/** Bytes of the CSS and JavaScript one HTML page loads up front. */
export function pageAssetBytes(html: string, pagePath: string, outDir: string, basePath = '/'): { css: number; js: number } {
  const fileOf = (url: string): string | undefined => {
    if (/^[a-z]+:|^\/\//i.test(url)) return undefined;
    const clean = url.split(/[?#]/)[0] as string;
    const local = clean.startsWith('/') ? clean.slice(basePath.length - 1).replace(/^\//, '') : posix.join(posix.dirname(pagePath), clean);
    return join(outDir, local);
  };
  const size = (file: string | undefined): number => {
    try {
      return file ? statSync(file).size : 0;
    } catch {
      return 0;
    }
  };
  const seen = new Set<string>();
  const moduleBytes = (file: string | undefined): number => {
    if (!file || seen.has(file)) return 0;
    seen.add(file);
    let total = size(file);
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return total;
    }
    for (const match of text.matchAll(STATIC_IMPORT)) {
      const spec = match[1] ?? '';
      if (spec.startsWith('.') || spec.startsWith('/')) total += moduleBytes(spec.startsWith('/') ? fileOf(spec) : join(file, '..', spec));
    }
    return total;
  };
  let css = 0;
  let js = 0;
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = match[0];
    if (!/\brel\s*=\s*["']?stylesheet/i.test(tag)) continue;
    const file = fileOf(attribute(tag, 'href') ?? '');
    if (file && !seen.has(file)) {
      seen.add(file);
      css += size(file);
    }
  }
  for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) css += Buffer.byteLength(match[1] ?? '');
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = ` ${match[1] ?? ''}`;
    if (!EXECUTABLE.test(attribute(attrs, 'type') ?? '')) continue;
    const src = attribute(attrs, 'src');
    js += src === undefined ? Buffer.byteLength(match[2] ?? '') : moduleBytes(fileOf(src));
  }
  return { css, js };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Measures the site built into `outDir`. */
export function siteStats(outDir: string, basePath = '/'): SiteStats {
  const pages: PageStats[] = [];
  let searchBundleBytes = 0;
  let assetBytes = 0;
  const files = walk(outDir);
  // A document is a folder with a history page.
  const documents = new Set(files.filter((path) => /^[^/]+\/history\/index\.html$/.test(path)).map((path) => path.split('/')[0] as string));
  for (const path of files) {
    const bytes = statSync(join(outDir, path)).size;
    if (path.startsWith('pagefind/')) searchBundleBytes += bytes;
    if (path.startsWith('_astro/')) assetBytes += bytes;
    const type = pageTypeOf(path, documents);
    if (!type) continue;
    const html = path.endsWith('.html') && type !== 'notices';
    const assets = html ? pageAssetBytes(readFileSync(join(outDir, path), 'utf8'), path, outDir, basePath) : { css: 0, js: 0 };
    pages.push({ path, type, bytes, cssBytes: assets.css, jsBytes: assets.js, html });
  }
  const byType = PAGE_TYPES.map((type): TypeSummary => {
    const of = pages.filter((page) => page.type === type);
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    const bytes = of.map((page) => page.bytes);
    const css = of.map((page) => page.cssBytes);
    const js = of.map((page) => page.jsBytes);
    return {
      type,
      files: of.length,
      bytes: { sum: sum(bytes), median: median(bytes) },
      css: { sum: sum(css), median: median(css) },
      js: { sum: sum(js), median: median(js), max: Math.max(0, ...js) },
    };
  });
  return { pages, byType, searchBundleBytes, assetBytes };
}
