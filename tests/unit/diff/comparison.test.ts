import { describe, expect, it, vi } from 'vitest';
import { buildComparison, compareVersions, renderChangeSummary, renderInlineView, renderSideBySideView, renderTableOfContents, summarySentence } from '../../../src/lib/diff/comparison.ts';
import { extractBlocks } from '../../../src/lib/diff/blocks.ts';
import { emptyCounts } from '../../../src/lib/diff/summary.ts';
import { cases } from '../../fixtures/diff/cases.ts';

const fixture = (name: string) => {
  const found = cases.find((c) => c.name === name);
  if (!found) throw new Error(`no fixture ${name}`);
  return { old: extractBlocks(found.old), new: extractBlocks(found.new) };
};
const labels = { oldLabel: 'Version of 1 March 2024', newLabel: 'Version of 1 July 2024', minHeadings: 1 };
const ids = (html: string) => [...html.matchAll(/ id="([^"]+)"/gu)].map((match) => match[1]);

describe.each(cases.map((c) => [c.name] as const))('compareVersions then one view at a time (%s)', (name) => {
  it('gives what buildComparison gives, each view rendered on its own', () => {
    const pair = fixture(name);
    const options = { ...labels, newHref: '/privacy/2024-07-01/' };
    const whole = buildComparison(pair.old, pair.new, options);
    const compared = compareVersions(pair.old, pair.new, options);
    expect(renderInlineView(compared)).toBe(whole.inlineHtml);
    expect(renderSideBySideView(compared)).toBe(whole.sideBySideHtml);
    expect({ summary: compared.summary, toc: compared.toc, changedToc: compared.changedToc, firstChange: compared.firstChange }).toEqual({
      summary: whole.summary,
      toc: whole.toc,
      changedToc: whole.changedToc,
      firstChange: whole.firstChange,
    });
  });
});

describe('buildComparison', () => {
  const moved = fixture('a moved section with edits inside');
  const comparison = buildComparison(moved.old, moved.new, labels);

  it('lists the sections in the new order, changed ones linking to their change anchor', () => {
    expect(comparison.toc.map((entry) => [entry.text, entry.slug])).toEqual([
      ['Introduction', 'section-intro'],
      ['Your rights', 'section-rights'],
      ['Retention', 'change-4'],
    ]);
    expect([...comparison.changedToc]).toEqual(['change-4']);
  });

  it('gives every TOC target an element of the inline view', () => {
    const inline = new Set(ids(comparison.inlineHtml));
    for (const entry of comparison.toc) expect(inline.has(entry.slug)).toBe(true);
  });

  it('keeps the ids of both views apart, so both fit in one page', () => {
    const inline = ids(comparison.inlineHtml);
    const sideBySide = ids(comparison.sideBySideHtml);
    expect(sideBySide.length).toBeGreaterThan(0);
    expect(sideBySide.every((id) => id?.startsWith('sbs-'))).toBe(true);
    expect(new Set([...inline, ...sideBySide]).size).toBe(inline.length + sideBySide.length);
    expect(comparison.sideBySideHtml).toContain('href="#sbs-change-');
    expect(comparison.sideBySideHtml).not.toContain('href="#change-');
    expect(comparison.sideBySideHtml).toContain('Version of 1 July 2024');
  });

  it('records the first change of each changed section', () => {
    expect(Object.fromEntries(comparison.firstChange)).toEqual({ retention: 'change-1' });
  });

  it('puts document headings under the page headings (h2 -> h3)', () => {
    expect(comparison.inlineHtml).toContain('<h3 class="rl-heading" id="section-intro">Introduction</h3>');
    expect(comparison.inlineHtml).not.toContain('<h2');
  });

  it('shows a collapsed unchanged stretch once (inline, in full) and side by side as a line linking to the new version', () => {
    const long = {
      old: extractBlocks(`<h2 id="intro">Introduction</h2>${'<p>Unchanged text of the introduction.</p>'.repeat(4)}<h2 id="retention">Retention</h2><p>We keep data for ninety days.</p>`),
      new: extractBlocks(`<h2 id="intro">Introduction</h2>${'<p>Unchanged text of the introduction.</p>'.repeat(4)}<h2 id="retention">Retention</h2><p>We keep data for thirty days.</p>`),
    };
    const result = buildComparison(long.old, long.new, { ...labels, newHref: '/privacy/2024-07-01/' });
    expect(result.inlineHtml).toMatch(/<details class="rl-unchanged"><summary>5 unchanged passages<\/summary>/u);
    // The unchanged heading of the changed section stays above the change, in both views.
    expect(result.inlineHtml).toContain('</details><h3 class="rl-heading" id="section-retention">Retention</h3><p class="rl-paragraph rl-change rl-changed" id="change-1">');
    expect(result.sideBySideHtml).toMatch(/<div class="rl-sbs-row" id="sbs-section-retention"><div class="rl-side rl-old"><h3 class="rl-heading">Retention<\/h3>/u);
    expect(result.inlineHtml.match(/Unchanged text of the introduction/gu)).toHaveLength(4);
    expect(result.sideBySideHtml).not.toContain('Unchanged text of the introduction');
    expect(result.sideBySideHtml).toContain(
      '<div class="rl-sbs-row rl-sbs-unchanged"><p class="rl-unchanged-note"><span id="sbs-section-intro"></span>' +
        '5 unchanged passages, the same in both versions: read them in the inline redline or in the <a href="/privacy/2024-07-01/#intro">version of 1 July 2024</a>.</p></div>',
    );
    // A table-of-contents link still finds its section side by side.
    for (const entry of result.toc) if (entry.slug.startsWith('section-')) expect(result.sideBySideHtml).toContain(`id="sbs-${entry.slug}"`);
  });

  it('leaves out a table of contents with fewer sections than the minimum', () => {
    expect(buildComparison(moved.old, moved.new, { ...labels, minHeadings: 4 }).toc).toEqual([]);
  });
});

describe('summarySentence / renderChangeSummary', () => {
  it('says when nothing changed', () => {
    expect(summarySentence(emptyCounts())).toBe('No differences in the text.');
    const same = fixture('a word edit').old;
    const html = renderChangeSummary(buildComparison(same, same, labels));
    expect(html).toBe('<div class="rl-summary"><p class="rl-summary__total"><strong>0 changes.</strong> No differences in the text.</p></div>');
  });

  it('gives totals and one row per changed section linking to its first change', () => {
    const edit = fixture('an added and a removed paragraph');
    const comparison = buildComparison(edit.old, edit.new, labels);
    const html = renderChangeSummary(comparison);
    expect(html).toMatch(/<strong>2 changes\.<\/strong> Passages: 1 added, 1 removed\. Words: \d+ added, \d+ removed\./u);
    const rows = [...html.matchAll(/<tr><th scope="row">(.*?)<\/th>/gu)].map((match) => match[1]);
    expect(rows.at(-1)).toBe('Total');
    expect(rows.slice(0, -1).every((row) => /^<a href="#change-\d+">/u.test(row ?? ''))).toBe(true);
  });

  it('counts a move once, as many changes as passages, and says so', () => {
    const c = fixture('a moved section with edits inside');
    const html = renderChangeSummary(buildComparison(c.old, c.new, labels));
    expect(html).toMatch(/<strong>3 changes\.<\/strong> Passages: 3 moved\. Words: 1 added, 1 removed, 19 moved\. A moved passage counts once, where it is now\./u);
  });

  it('escapes section titles', () => {
    const html = renderChangeSummary({
      summary: { total: { ...emptyCounts(), blocksAdded: 1 }, changes: 1, sections: [{ section: 'x', title: '<b>Terms</b>', counts: { ...emptyCounts(), blocksAdded: 1 } }] },
      firstChange: new Map([['x', 'change-1']]),
    });
    expect(html).toContain('<a href="#change-1">&lt;b&gt;Terms&lt;/b&gt;</a>');
  });
});

describe('renderTableOfContents', () => {
  it('matches TableOfContents.astro: items by depth, changed ones marked', () => {
    const html = renderTableOfContents(
      [
        { depth: 2, slug: 'section-a', text: 'A & B' },
        { depth: 3, slug: 'change-2', text: 'C' },
      ],
      new Set(['change-2']),
    );
    expect(html).toBe(
      '<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title" class="toc__title">Contents</h2><ol>' +
        '<li class="toc__item toc__item--depth-2"><a href="#section-a">A &amp; B</a></li>' +
        '<li class="toc__item toc__item--depth-3"><a href="#change-2">C</a><span class="toc__changed">changed</span></li></ol></nav>',
    );
    expect(renderTableOfContents([], new Set())).toBe('');
  });
});

describe("a version's own in-page links on the compare page", () => {
  it('point at the section as the compare page names it, in both views, so that they lead somewhere', () => {
    const page = (retention: string) =>
      extractBlocks(`<h2 id="intro">Introduction</h2><p>See <a href="#retention">retention</a> and <a href="#nowhere">elsewhere</a>.</p><h2 id="rights">Your rights</h2><p>Ask us.</p><h2 id="retention">Retention</h2><p>${retention}</p>`);
    const comparison = buildComparison(page('We keep data for two years.'), page('We keep data for one year.'), labels);
    const inline = new Set(ids(comparison.inlineHtml));
    const links = [...comparison.inlineHtml.matchAll(/<a href="#([^"]+)">retention/gu)].map((match) => match[1] ?? '');
    expect(links).toEqual(['section-retention']);
    for (const link of links) expect(inline.has(link)).toBe(true);
    // A fragment that names no section is left as it was.
    expect(comparison.inlineHtml).toContain('<a href="#nowhere">');
  });
});

describe('the engine memoises per block and per content (as a build diffs each version several times)', () => {
  // Every case's pair, and each case's old version against the next case's new one (unrelated texts: moves,
  // renames and rewrites), all in one engine that keeps each version's blocks: its memos (tokens, features,
  // word diffs) are warm from the pairs before, and blocks of different versions share contents.
  const htmls = cases.flatMap((c) => [c.old, c.new]);
  const pairs = cases.flatMap((c, k) => [
    [c.old, c.new],
    [c.old, cases[(k + 1) % cases.length]?.new ?? ''],
    [c.new, c.new],
  ]);
  const result = (comparison: ReturnType<typeof buildComparison>) =>
    JSON.stringify([comparison.model, comparison.summary, comparison.toc, [...comparison.changedToc], [...comparison.firstChange], comparison.inlineHtml, comparison.sideBySideHtml]);

  it('compares every pair as a fresh engine does', async () => {
    const blocks = new Map(htmls.map((html) => [html, extractBlocks(html)]));
    const warm = pairs.map(([a = '', b = '']) => result(buildComparison(blocks.get(a) ?? [], blocks.get(b) ?? [], labels)));
    for (const [k, [a = '', b = '']] of pairs.entries()) {
      vi.resetModules();
      const fresh = await import('../../../src/lib/diff/comparison.ts');
      const freshBlocks = await import('../../../src/lib/diff/blocks.ts');
      expect(result(fresh.buildComparison(freshBlocks.extractBlocks(a), freshBlocks.extractBlocks(b), labels))).toBe(warm[k]);
    }
  });
});
