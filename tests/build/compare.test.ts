import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { beforeAll, describe, expect, it } from 'vitest';
import { comparePairs, pairSlug } from '../../src/lib/diff/compare-pairs.ts';
import { buildSite, builtFiles, PROJECT_ROOT, readBuilt } from '../support/build-site.ts';
import { findAll, hasClass, parseHtml, textOf } from '../support/html.ts';

const BUILD_DATE = '2026-11-23';
const SITE = 'https://legal.tallyfield.example';

/** The example content's documents and version ids, read from the files. */
function exampleDocuments(): Map<string, string[]> {
  const content = join(PROJECT_ROOT, 'content');
  return new Map(
    readdirSync(content)
      .filter((name) => existsSync(join(content, name, 'document.yaml')))
      .map((document) => [
        document,
        readdirSync(join(content, document))
          .filter((file) => file.endsWith('.mdx'))
          .map((file) => file.replace(/\.mdx$/u, '')),
      ]),
  );
}

/** The inline redline of a built compare page, parsed. */
function inlineView(outDir: string, path: string): Element {
  const page = parseHtml(readBuilt(outDir, path));
  const [view] = findAll(page, (element) => element.properties['dataView'] === 'inline');
  if (!view) throw new Error(`${path} has no inline view`);
  return view;
}

const hidden = (element: Element) => hasClass(element, 'visually-hidden');
/** What a reader sees of the new version: no deleted words, no screen-reader words. */
const newSide = (element: Element) => textOf(element, (child) => hidden(child) || child.tagName === 'del');

describe('compare pages of the example site', () => {
  let outDir: string;
  beforeAll(() => {
    outDir = buildSite({ name: 'example' });
  });

  it('builds each version against its previous and the current version: linear, nothing else', () => {
    let total = 0;
    let versions = 0;
    for (const [document, ids] of exampleDocuments()) {
      const expected = comparePairs(
        ids.map((id) => ({ id, effective: id.slice(0, 10) })),
        BUILD_DATE,
      ).map(({ from, to }) => pairSlug(from, to));
      const compareDir = join(outDir, document, 'compare');
      const built = readdirSync(compareDir).filter((name) => statSync(join(compareDir, name)).isDirectory());
      expect(built.sort(), document).toEqual([...expected].sort());
      for (const pair of built) expect(existsSync(join(compareDir, pair, 'index.html'))).toBe(true);
      expect(existsSync(join(compareDir, 'index.html')), `${document} picker`).toBe(true);
      total += built.length;
      versions += ids.length;
    }
    expect(total).toBe(13);
    expect(total).toBeLessThanOrEqual(2 * versions);
  });

  it('every link to a compare page, in pages, feeds, API and calendars, resolves to a built page', () => {
    // Version ids are lowercase letters, digits and hyphens; whatever follows (quote, escape, fragment) ends the URL.
    const pattern = new RegExp(`(?:${SITE.replaceAll('.', '\\.')})?/[a-z0-9-]+/compare/(?:[a-z0-9.-]+/)?`, 'gu');
    const linked = new Set<string>();
    for (const file of builtFiles(outDir)) {
      if (!/\.(html|xml|json|ics|txt)$/u.test(file) || file.endsWith('.blocks.json')) continue;
      for (const match of readBuilt(outDir, file).replaceAll('\r\n ', '').matchAll(pattern)) linked.add(match[0].replace(SITE, ''));
    }
    expect(linked.size).toBeGreaterThanOrEqual(13);
    for (const path of linked) {
      expect(existsSync(join(outDir, path, 'index.html')), `${path} is linked but not built`).toBe(true);
    }
  });

  it('shows the moved "International transfers" section as moved, with its edits inside', () => {
    const view = inlineView(outDir, 'privacy/compare/2025-02-01...2025-09-01/index.html');
    const movedTo = findAll(view, (element) => hasClass(element, 'rl-moved-to'));
    const movedFrom = findAll(view, (element) => hasClass(element, 'rl-moved-from'));
    expect(movedTo.length).toBeGreaterThanOrEqual(4);
    expect(movedFrom).toHaveLength(movedTo.length);
    const heading = movedTo.find((element) => element.tagName === 'h3');
    expect(heading && newSide(heading)).toMatch(/International transfers$/u);
    expect(movedFrom.some((element) => element.tagName === 'h3' && textOf(element, hidden).endsWith('International transfers'))).toBe(true);
    const edited = movedTo.filter((element) => findAll(element, (child) => hasClass(child, 'rl-ins')).length > 0);
    expect(edited.map(newSide).join(' ')).toContain('at least every six months');
    // Not a deletion plus an insertion: no added or removed block mentions the transfers.
    const addedOrRemoved = findAll(view, (element) => hasClass(element, 'rl-added') || hasClass(element, 'rl-removed'));
    expect(addedOrRemoved.map((element) => textOf(element)).join(' ')).not.toMatch(/transfer risk assessment/u);
  });

  it('shows the removed "Marketing partners" item as removed and the new link target written out', () => {
    const view = inlineView(outDir, 'privacy/compare/2025-02-01...2025-09-01/index.html');
    const removed = findAll(view, (element) => element.tagName === 'li' && hasClass(element, 'rl-removed'));
    expect(removed.map((element) => textOf(element, hidden))).toEqual([expect.stringMatching(/^Marketing partners:/u)]);
    const [changed] = findAll(view, (element) => hasClass(element, 'rl-changed') && textOf(element).includes('complain to the'));
    expect(changed).toBeDefined();
    // Same words, new target: the link is not struck and reinserted; its targets are written out.
    const linked = findAll(changed!, (element) => hasClass(element, 'rl-link-changed'));
    expect(linked.flatMap((wrapper) => findAll(wrapper, (element) => element.tagName === 'a').map((a) => a.properties['href']))).toEqual(['https://www.example.org/ico-complaints']);
    const notes = findAll(changed!, (element) => hasClass(element, 'rl-link-note')).map((element) => textOf(element));
    expect(notes).toEqual(['(link changed: https://www.example.org/ico → https://www.example.org/ico-complaints)']);
    expect(findAll(changed!, (element) => element.tagName === 'del' || element.tagName === 'ins').flatMap((w) => findAll(w, (element) => element.tagName === 'a'))).toEqual([]);
  });

  it('shows the added sub-processor as one added table row', () => {
    const view = inlineView(outDir, 'privacy/compare/2024-07-15...2025-02-01/index.html');
    const rows = findAll(view, (element) => element.tagName === 'tr' && textOf(element).includes('Beacon Support Inc.'));
    expect(rows).toHaveLength(1);
    expect(hasClass(rows[0]!, 'rl-added')).toBe(true);
    expect(findAll(rows[0]!, (element) => element.tagName === 'td').length).toBeGreaterThanOrEqual(3);
  });

  it('has a summary, a table of contents marking changed sections, both views and the source diff', () => {
    const html = readBuilt(outDir, 'privacy/compare/2025-02-01...2025-09-01/index.html');
    const page = parseHtml(html);
    expect(textOf(findAll(page, (element) => element.tagName === 'h1')[0]!)).toBe('What changed in Privacy Policy: 1 February 2025 → 1 September 2025');
    expect(html).toContain('href="/privacy/2025-02-01/"');
    expect(html).toContain('href="/privacy/2025-09-01/"');
    const summary = textOf(findAll(page, (element) => hasClass(element, 'rl-summary'))[0]!);
    expect(summary).toMatch(/Passages: 1 removed, 1 changed, 6 moved\./u);
    const marked = findAll(page, (element) => element.tagName === 'li' && findAll(element, (child) => hasClass(child, 'toc__changed')).length > 0);
    expect(marked.map((element) => textOf(element).replace(/changed$/u, ''))).toEqual(['Data from third parties', 'Your rights', 'International transfers']);
    expect(findAll(page, (element) => element.properties['dataView'] === 'side-by-side')).toHaveLength(1);
    // Both views in one page: no id twice (html-validate also checks this on every page).
    const ids = findAll(page, (element) => typeof element.properties['id'] === 'string').map((element) => element.properties['id']);
    expect(new Set(ids).size).toBe(ids.length);
    const source = findAll(page, (element) => element.tagName === 'details' && hasClass(element, 'compare-source'));
    expect(textOf(source[0]!)).toMatch(/^Source \(MDX\) changes, for authors/u);
    expect(findAll(source[0]!, (element) => hasClass(element, 'rl-source-diff'))).toHaveLength(1);
    expect(html).not.toMatch(/ style="/u);
  });

  it("governs the source diff's inline style by the page's policy: the style comes after the policy <meta>, allowed by its hash", () => {
    const html = readBuilt(outDir, 'privacy/compare/2025-02-01...2025-09-01/index.html');
    const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/iu.exec(html);
    const style = /<style>([\s\S]*?)<\/style>/u.exec(html);
    expect(policy && style).toBeTruthy();
    // A <meta> policy applies only to what follows it (CSP3, "Implementation details of the meta element").
    expect(policy!.index).toBeLessThan(style!.index);
    const hash = createHash('sha256').update(style![1]!).digest('base64');
    expect(policy![1]).toContain(`'sha256-${hash}'`);
  });

  it('keeps version pages free of JavaScript and compare pages light', () => {
    const version = readBuilt(outDir, 'privacy/2025-09-01/index.html');
    expect(version).not.toMatch(/<script(?! type="application\/(ld\+)?json")/u);
    const compare = readBuilt(outDir, 'privacy/compare/2025-02-01...2025-09-01/index.html');
    const inline = [...compare.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/gu)].map((match) => match[1] ?? '').join('');
    const external = [...compare.matchAll(/<script[^>]*src="([^"]+)"/gu)].map((match) => readFileSync(join(outDir, match[1] ?? ''), 'utf8')).join('');
    expect(inline.length + external.length).toBeLessThan(10_000);
    expect(inline.length + external.length).toBeGreaterThan(0);
  });

  it('serves every version as blocks JSON for the picker', () => {
    for (const [document, ids] of exampleDocuments()) {
      for (const id of ids) {
        const blocks = JSON.parse(readBuilt(outDir, `api/${document}/${id}.blocks.json`)) as Array<{ kind: string; text: string }>;
        expect(blocks.length, `${document}/${id}`).toBeGreaterThan(3);
        expect(blocks.some((block) => block.kind === 'heading')).toBe(true);
      }
    }
  });

  it('lists the built pairs on the picker page and links the history page form to it', () => {
    const picker = readBuilt(outDir, 'privacy/compare/index.html');
    const links = [...picker.matchAll(/href="(\/privacy\/compare\/[^"]+\/)"/gu)].map((match) => match[1]);
    expect(links).toHaveLength(6);
    const history = readBuilt(outDir, 'privacy/history/index.html');
    expect(history).toMatch(/<form class="compare-form[^"]*" action="\/privacy\/compare\/" method="get">/u);
  });
});
