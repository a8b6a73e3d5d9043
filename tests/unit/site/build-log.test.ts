import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSummary, countBuiltFiles, createBuildLogFilter, plainText } from '../../../src/lib/site/build-log.ts';

// The standard output of a real `npm run build` of the example site before this filter existed: 107 routes,
// their paths run together on one line and their timings on 106 lines of their own.
const realLog = readFileSync(new URL('../../fixtures/astro-build-log.txt', import.meta.url), 'utf8');

function filtered(text: string, chunkSize = text.length): { lines: string[]; routes: number } {
  const filter = createBuildLogFilter(() => '12:00:00');
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += chunkSize) lines.push(...filter.push(text.slice(i, i + chunkSize)));
  lines.push(...filter.end());
  return { lines, routes: filter.routes };
}

describe('createBuildLogFilter', () => {
  it.each([
    { name: 'whole', chunkSize: undefined },
    { name: 'in chunks of 7 characters, splitting lines and routes', chunkSize: 7 },
    { name: 'in chunks of 4096 characters', chunkSize: 4096 },
  ])('turns the route list of a real build into one line ($name)', ({ chunkSize }) => {
    const { lines, routes } = filtered(realLog, chunkSize);
    expect(routes).toBe(107);
    expect(lines).toContain('12:00:00 [build] 107 routes generated in 1.49s.');
    expect(lines.filter((line) => /^\s*\(\+\d+ms\)\s*$/.test(line))).toEqual([]);
    expect(lines.filter((line) => line.includes('├─'))).toEqual([]);
    // Every line outside the route list is kept as it was, in order.
    const before = realLog.split('\n').slice(0, realLog.split('\n').findIndex((line) => line.includes('generating static routes')));
    expect(lines.slice(0, before.length)).toEqual(before);
    expect(lines.slice(-4)).toEqual(['01:02:17 [build] ✓ Completed in 2.97s.', '01:02:17 [redline:pagefind] Indexed 13 version pages in 222 ms.', '01:02:17 [build] 42 page(s) built in 5.45s', '01:02:17 [build] Complete!']);
    expect(lines.length).toBeLessThan(30);
  });

  it('keeps a warning a page logs while the routes are generated, on a line of its own', () => {
    const log = [
      ' generating static routes ',
      '01:02:16   ├─ /a/index.html01:02:16   ├─ /b/index.html01:02:16 [WARN] [redline] The feed has no entries. (+12ms) ',
      ' (+15ms) ',
      '01:02:17 ✓ Completed in 30ms.',
      '',
    ].join('\n');
    const { lines, routes } = filtered(log);
    expect(routes).toBe(2);
    expect(lines).toEqual(['01:02:16 [WARN] [redline] The feed has no entries.', '12:00:00 [build] 2 routes generated in 30ms.']);
  });

  it('reads through terminal colours', () => {
    const log = ' \u001B[42m generating static routes \u001B[49m\n01:02:16   \u001B[34m├─\u001B[39m \u001B[2m/index.html\u001B[22m \u001B[2m(+3ms)\u001B[22m \n01:02:16 \u001B[32m✓ Completed in 5ms.\u001B[39m\n';
    expect(filtered(log).lines).toEqual(['12:00:00 [build] 1 route generated in 5ms.']);
  });

  it('passes everything through when there is no route list (a failed build)', () => {
    const log = '01:02:14 [content] Syncing content\n[ERROR] content/privacy/2025-01-01.mdx:3: effective is not a real date\n';
    expect(filtered(log).lines).toEqual(['01:02:14 [content] Syncing content', '[ERROR] content/privacy/2025-01-01.mdx:3: effective is not a real date']);
  });
});

describe('plainText', () => {
  it('removes colour codes only', () => {
    expect(plainText('\u001B[2m(+3ms)\u001B[22m ok')).toBe('(+3ms) ok');
  });
});

describe('countBuiltFiles and buildSummary', () => {
  it('counts pages, feeds, JSON and the search index apart', () => {
    const counts = countBuiltFiles([
      { path: 'index.html', size: 1000 },
      { path: 'privacy/2025-01-01/index.html', size: 2000 },
      { path: 'feed.xml', size: 300 },
      { path: 'privacy/atom.xml', size: 300 },
      { path: 'privacy/feed.json', size: 300 },
      { path: 'api/documents.json', size: 100 },
      { path: 'pagefind/pagefind-entry.json', size: 50 },
      { path: 'pagefind/pagefind-ui.js', size: 50 },
      { path: '_headers', size: 10 },
    ]);
    expect(counts).toEqual({ pages: 2, feeds: 3, json: 1, search: 2, other: 1, bytes: 4110 });
    expect(buildSummary(counts, 'dist', 5.44)).toBe(
      'Redline: 2 HTML pages, 3 feeds, 1 JSON files, 2 search index files and 1 other files (0.0 MB) written to dist in 5.4 s.',
    );
  });
});
