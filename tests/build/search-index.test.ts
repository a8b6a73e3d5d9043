import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, PROJECT_ROOT, readBuilt } from '../support/build-site.ts';
import { EXAMPLE_SITES } from '../support/example-site.ts';

/** One indexed page, as Pagefind stores it (a gzipped fragment, "pagefind_dcd" then JSON). */
interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  anchors: Array<{ id: string; text?: string }>;
}

function readFragments(outDir: string): Fragment[] {
  const folder = join(outDir, 'pagefind/fragment');
  return readdirSync(folder).map((file) => {
    const bytes = gunzipSync(readFileSync(join(folder, file)));
    expect(bytes.subarray(0, 12).toString()).toBe('pagefind_dcd');
    return JSON.parse(bytes.subarray(12).toString('utf8')) as Fragment;
  });
}

/** `/<document>/<version>/` for every version file of the example content. */
function versionPermalinks(): string[] {
  const content = join(PROJECT_ROOT, 'content');
  return readdirSync(content)
    .filter((name) => existsSync(join(content, name, 'document.yaml')))
    .flatMap((document) =>
      readdirSync(join(content, document))
        .filter((file) => file.endsWith('.mdx') && !/^draft:\s*true\s*$/m.test(readFileSync(join(content, document, file), 'utf8')))
        .map((file) => `/${document}/${file.replace(/\.mdx$/, '')}/`),
    )
    .sort();
}

describe.each(EXAMPLE_SITES)('the search index of the example site under $base', ({ base, name, env }) => {
  let outDir: string;
  let fragments: Fragment[];
  beforeAll(() => {
    outDir = buildSite({ name, env });
    fragments = readFragments(outDir);
  });

  it('is written by the build into pagefind/, with the search script and one page per version', () => {
    const entry = JSON.parse(readBuilt(outDir, 'pagefind/pagefind-entry.json')) as { version: string; languages: Record<string, { page_count: number }> };
    expect(entry.version).toBe('1.6.0');
    expect(existsSync(join(outDir, 'pagefind/pagefind.js'))).toBe(true);
    const pages = Object.values(entry.languages).reduce((total, language) => total + language.page_count, 0);
    expect(pages).toBe(versionPermalinks().length);
  });

  it('indexes exactly the version permalink pages: not /<document>/, compare, history, feeds, notices or search', () => {
    expect(fragments.map((fragment) => fragment.url).sort()).toEqual(versionPermalinks());
  });

  it.each([
    ['/privacy/2024-03-01/', 'past', '1 March 2024'],
    ['/privacy/2025-09-01/', 'in-force', '1 September 2025'],
    ['/privacy/2027-01-15/', 'upcoming', '15 January 2027'],
  ])('%s carries its document and its status on the build date (%s) as filters and metadata', (url, status, label) => {
    const fragment = fragments.find((candidate) => candidate.url === url);
    const [, document = '', version = ''] = url.split('/');
    expect(fragment?.filters).toEqual({ document: ['Privacy Policy'], status: [status] });
    expect(fragment?.meta).toMatchObject({ document: 'Privacy Policy', slug: document, version, effective: version, effective_label: label, status });
  });

  it('holds the legal text without page chrome: no version facts, notices, contents list, anchor links or footer', () => {
    const fragment = fragments.find((candidate) => candidate.url === '/privacy/2024-03-01/');
    expect(fragment?.content).toContain('Marketing partners');
    for (const chrome of ['Announced', 'No longer in force', 'All versions', 'Link to the section', 'Questions about this document', '§']) {
      expect(fragment?.content, chrome).not.toContain(chrome);
    }
    const anchors = fragment?.anchors ?? [];
    expect(anchors.find((anchor) => anchor.id === 'your-rights')?.text).toBe('Your rights');
    expect(anchors.some((anchor) => anchor.id === 'toc-title')).toBe(false);
  });

  it('leaves reading pages without any script, and gives the search page one external module and the bundle path', () => {
    for (const url of [...versionPermalinks(), '/privacy/', '/']) {
      expect(readBuilt(outDir, `${url.slice(1)}index.html`), url).not.toMatch(/<script\b/i);
    }
    const search = readBuilt(outDir, 'search/index.html');
    const scripts = [...search.matchAll(/<script\b[^>]*>/gi)].map((match) => match[0]);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(new RegExp(`^<script type="module" src="${base}_astro/[^"]+\\.js"`));
    expect(search).toContain(`data-pagefind-bundle="${base}pagefind/pagefind.js"`);
    expect(search).toContain(`action="${base}search/"`);
  });
});
