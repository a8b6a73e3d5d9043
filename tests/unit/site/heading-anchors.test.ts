import { describe, expect, it } from 'vitest';
import {
  addHeadingAnchors,
  clauseTitle,
  createClauseAnchors,
  createClauseSlugger,
  headingAnchorHtml,
  legacyClauseTitle,
} from '../../../src/lib/site/heading-anchors.ts';
import { tableOfContents } from '../../../src/lib/site/toc.ts';
import { rangeOnDate } from '../../../src/lib/content/version-finder.ts';

// Each numbering style real policies use, and titles that only look numbered. The anchor is the slug of the
// title, so a clause keeps its anchor when the sections before it are added or removed.
describe.each([
  ['Your rights', 'Your rights'],
  ['4. Your rights', 'Your rights'],
  ['4.2 Retention', 'Retention'],
  ['4.2. Retention', 'Retention'],
  ['12.3.1 Backups', 'Backups'],
  ['1) Scope', 'Scope'],
  ['1.Introduction', 'Introduction'],
  ['1 Introduction', 'Introduction'],
  ['6 · Retention & deletion', 'Retention & deletion'],
  ['6 - Retention', 'Retention'],
  ['6 – Retention', 'Retention'],
  ['6 — Retention', 'Retention'],
  ['6: Retention', 'Retention'],
  ['6 | Retention', 'Retention'],
  ['A. Definitions', 'Definitions'],
  ['B) Definitions', 'Definitions'],
  ['a) Cookies we use', 'Cookies we use'],
  ['(a) Cookies we use', 'Cookies we use'],
  ['(iv) Cookies we use', 'Cookies we use'],
  ['(12) Cookies we use', 'Cookies we use'],
  ['I. Governing law', 'Governing law'],
  ['IV. Governing law', 'Governing law'],
  ['XIV - Governing law', 'Governing law'],
  ['Section 3 Liability', 'Liability'],
  ['Section 7 – Liability', 'Liability'],
  ['SECTION 7. LIABILITY', 'LIABILITY'],
  ['Article 3 — Processing', 'Processing'],
  ['Article 28: Processor', 'Processor'],
  ['Article IV Processing', 'Processing'],
  ['Clause 4.2: Fees', 'Fees'],
  ['§ 4 Haftung', 'Haftung'],
  ['§4 Haftung', 'Haftung'],
  ['§ 4. Haftung', 'Haftung'],
  ['§§ 4 Haftung', 'Haftung'],
  ['Part 2 – Your data', 'Your data'],
  ['Schedule 1: Sub-processors', 'Sub-processors'],
  ['Annex B – Security measures', 'Security measures'],
  ['Appendix A. Data transfers', 'Data transfers'],
  // Not numbering: kept as they are.
  ['2024 changes', '2024 changes'],
  ['Cookies', 'Cookies'],
  ['A guide to cookies', 'A guide to cookies'],
  ['I agree', 'I agree'],
  ['E-mail marketing', 'E-mail marketing'],
  ['U.S. residents', 'U.S. residents'],
  ['Civil liability', 'Civil liability'],
  ['Sections of this policy', 'Sections of this policy'],
  ['Part of our service', 'Part of our service'],
  ['California: your rights', 'California: your rights'],
  ['3rd-party services', '3rd-party services'],
  // Only a number: the number is all there is to cite.
  ['Section 3', 'Section 3'],
  ['§ 4', '§ 4'],
])('clauseTitle(%j)', (heading, expected) => {
  it(`is ${expected}`, () => expect(clauseTitle(heading)).toBe(expected));
});

describe.each([
  ['6 · Retention & deletion', '5 · Retention & deletion', 'retention--deletion'],
  ['6 - Retention', '5 - Retention', 'retention'],
  ['A. Definitions', 'B. Definitions', 'definitions'],
  ['(a) Cookies', '(b) Cookies', 'cookies'],
  ['I. Law', 'II. Law', 'law'],
  ['Section 3 Liability', 'Section 4 Liability', 'liability'],
  ['Article 3 Processing', 'Article 5 Processing', 'processing'],
  ['§ 4 Haftung', '§ 5 Haftung', 'haftung'],
  ['1 Introduction', '2 Introduction', 'introduction'],
])('renumbered %j -> %j', (before, after, anchor) => {
  it(`keeps the anchor #${anchor}`, () => {
    expect(createClauseSlugger()(before)).toBe(anchor);
    expect(createClauseSlugger()(after)).toBe(anchor);
  });
});

// The anchors pages had before these styles were stripped: headings whose anchor changes keep the old one as an alias.
describe.each([
  ['6 · Retention & deletion', 'retention--deletion', '6--retention--deletion'],
  ['6 - Retention', 'retention', '6---retention'],
  ['(a) Cookies', 'cookies', 'a-cookies'],
  ['§4 Haftung', 'haftung', undefined],
  ['Part 2 – Your data', 'your-data', 'part-2--your-data'],
  ['1 Introduction', 'introduction', '1-introduction'],
  ['4. Your rights', 'your-rights', undefined],
  ['Section 7 – Liability', 'liability', undefined],
  ['IV. Governing law', 'governing-law', undefined],
  ['Cookies', 'cookies', undefined],
])('createClauseAnchors()(%j)', (heading, id, alias) => {
  it(`is #${id}${alias ? ` with the alias #${alias}` : ' without an alias'}`, () => {
    expect(createClauseAnchors()(heading)).toEqual(alias === undefined ? { id } : { id, alias });
    expect(createClauseSlugger()(heading)).toBe(id);
  });
});

describe('legacyClauseTitle', () => {
  it('strips only the styles stripped before', () => {
    expect(legacyClauseTitle('4.2 Retention')).toBe('Retention');
    expect(legacyClauseTitle('6 · Retention')).toBe('6 · Retention');
  });
});

describe('createClauseAnchors', () => {
  it('numbers repeated titles on both sides as the page does, and aliases only what changed', () => {
    const anchor = createClauseAnchors();
    expect(['(a) Scope', 'Scope', '(b) Scope'].map(anchor)).toEqual([
      { id: 'scope', alias: 'a-scope' },
      { id: 'scope-1', alias: 'scope' },
      { id: 'scope-2', alias: 'b-scope' },
    ]);
  });
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

  it('turns the old anchor into an empty element at the start of the heading, once', () => {
    const html = '<h2 id="retention--deletion" data-anchor-alias="6--retention--deletion">6 · Retention &amp; deletion</h2>';
    expect(addHeadingAnchors(html)).toBe(
      `<h2 id="retention--deletion"><span class="anchor-alias" id="6--retention--deletion"></span>6 · Retention &amp; deletion${anchor('retention--deletion', '6 · Retention &amp; deletion')}</h2>`,
    );
  });

  it('drops an alias that another element of the page already has as its id, so existing links land where they did', () => {
    // "(a) Scope" then "Scope": the second heading's old anchor #scope is now the first heading's own id.
    const html = '<h2 id="scope" data-anchor-alias="a-scope">(a) Scope</h2><h2 id="scope-1" data-anchor-alias="scope">Scope</h2>';
    const out = addHeadingAnchors(html);
    expect(out.match(/id="scope"/gu)).toHaveLength(1);
    expect(out).toContain('<span class="anchor-alias" id="a-scope"></span>(a) Scope');
    expect(out).not.toContain('data-anchor-alias');
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
