import { describe, expect, it } from 'vitest';
import { addHeadingAnchors, clauseTitle, createClauseSlugger, headingAnchorHtml } from '../../src/lib/heading-anchors.ts';
import { tableOfContents } from '../../src/lib/toc.ts';
import { rangeOnDate } from '../../src/lib/version-finder.ts';

describe.each([
  ['Your rights', 'Your rights'],
  ['4. Your rights', 'Your rights'],
  ['4.2 Retention', 'Retention'],
  ['Section 7 – Liability', 'Liability'],
  ['IV. Governing law', 'Governing law'],
  ['a) Cookies we use', 'Cookies we use'],
  ['2024 changes', '2024 changes'],
  ['Cookies', 'Cookies'],
])('clauseTitle(%j)', (heading, expected) => {
  it(`is ${expected}`, () => expect(clauseTitle(heading)).toBe(expected));
});

describe('createClauseSlugger', () => {
  it('gives a renumbered heading the same anchor', () => {
    expect(createClauseSlugger()('3. Data retention')).toBe(createClauseSlugger()('5. Data retention'));
  });
  it('keeps anchors unique within one document', () => {
    const slug = createClauseSlugger();
    expect([slug('Scope'), slug('Scope')]).toEqual(['scope', 'scope-1']);
  });
});

describe('addHeadingAnchors', () => {
  const anchor = (id: string, label: string) =>
    `<a class="heading-anchor" href="#${id}"><span aria-hidden="true">§</span><span class="visually-hidden">Link to the section “${label}”</span></a>`;

  it('ends each h2-h6 with an id with a "§" link to it, labelled with the heading text', () => {
    const html = '<h2 id="retention">4. Retention</h2><p>Text</p><h6 id="scope">Scope</h6>';
    expect(addHeadingAnchors(html)).toBe(`<h2 id="retention">4. Retention${anchor('retention', '4. Retention')}</h2><p>Text</p><h6 id="scope">Scope${anchor('scope', 'Scope')}</h6>`);
  });

  it('labels with the text of inline markup and escapes it as Astro escapes text', () => {
    const html = '<h3 id="fees">Fees &amp; <em>taxes</em> in &quot;Q&lt;1&gt;&quot; it&#39;s</h3>';
    expect(addHeadingAnchors(html)).toBe(`<h3 id="fees">Fees &amp; <em>taxes</em> in &quot;Q&lt;1&gt;&quot; it&#39;s${anchor('fees', 'Fees &amp; taxes in &quot;Q&lt;1&gt;&quot; it&#39;s')}</h3>`);
  });

  it('leaves h1, headings without an id and other elements alone', () => {
    const html = '<h1 id="title">Title</h1><h2>No id</h2><h2 class="x">Still none</h2><p id="p">Paragraph</p>';
    expect(addHeadingAnchors(html)).toBe(html);
  });

  it('keeps the heading’s other attributes', () => {
    expect(addHeadingAnchors('<h2 class="custom" id="a" data-x="1">A</h2>')).toBe(`<h2 class="custom" id="a" data-x="1">A${headingAnchorHtml('a', 'A')}</h2>`);
  });
});

describe('tableOfContents', () => {
  const headings = [
    { depth: 2, slug: 'a', text: 'A ' },
    { depth: 3, slug: 'b', text: 'B' },
    { depth: 4, slug: 'c', text: 'C' },
  ];
  it('lists depth 2 and 3, trimmed', () => {
    expect(tableOfContents(headings, 2)).toEqual([
      { depth: 2, slug: 'a', text: 'A' },
      { depth: 3, slug: 'b', text: 'B' },
    ]);
  });
  it('is empty for short documents', () => expect(tableOfContents(headings, 3)).toEqual([]));
});

describe('rangeOnDate', () => {
  const ranges = [
    { from: '2025-02-01', to: '', href: '/c' },
    { from: '2024-07-15', to: '2025-01-31', href: '/b' },
    { from: '2024-03-01', to: '2024-07-14', href: '/a' },
  ];
  it.each([
    ['2024-03-01', '/a'],
    ['2024-07-14', '/a'],
    ['2024-07-15', '/b'],
    ['2030-01-01', '/c'],
  ])('on %s finds %s', (date, href) => expect(rangeOnDate(ranges, date)?.href).toBe(href));
  it('finds nothing before the first version', () => expect(rangeOnDate(ranges, '2020-01-01')).toBeUndefined());
});
