import { describe, expect, it } from 'vitest';
import { extractBlocks, normalizeInline } from '../../../src/lib/diff/blocks.ts';

// Shaped like a built page: heading anchors from src/lib/site/heading-anchors.ts, the Callout component,
// a nested list, a table with a header row, a code block and a quote.
const html = `
<h1>Privacy policy</h1>
<p>Effective <time>1 June 2025</time>.</p>
<h2 id="data-we-collect">1. Data we collect<a class="heading-anchor" href="#data-we-collect"><span aria-hidden="true">§</span><span class="visually-hidden">Link to the section “1. Data we collect”</span></a></h2>
<ul>
  <li>Identity data:
    <ul><li>your <strong>name</strong>;</li><li>your <em>date of birth</em>.</li></ul>
  </li>
  <li><p>Contact data, see <a href="/contact/">contact</a>.</p></li>
</ul>
<aside class="callout callout--warning" aria-label="Warning">
  <p class="callout__title">Warning</p>
  <div class="callout__body"><p>We never sell your data.</p></div>
</aside>
<h2 id="processors">Sub-processors</h2>
<table><thead><tr><th>Name</th><th>Country</th></tr></thead>
<tbody><tr><td><a href="https://stripe.com">Stripe</a></td><td>United States</td></tr></tbody></table>
<pre class="astro-code" data-language="json"><code><span>{ "a": 1 }</span>
</code></pre>
<blockquote><p>Quoted   text</p></blockquote>
<script>var x = 1;</script>
`;

describe('extractBlocks on realistic HTML', () => {
  const blocks = extractBlocks(html);
  const brief = blocks.map((b) => [b.kind, b.section, b.text]);

  it('finds every block in document order with its section', () => {
    expect(brief).toEqual([
      ['heading', 'privacy-policy', 'Privacy policy'],
      ['paragraph', 'privacy-policy', 'Effective 1 June 2025.'],
      ['heading', 'data-we-collect', '1. Data we collect'],
      ['list-item', 'data-we-collect', 'Identity data:'],
      ['list-item', 'data-we-collect', 'your name;'],
      ['list-item', 'data-we-collect', 'your date of birth.'],
      ['list-item', 'data-we-collect', 'Contact data, see contact.'],
      ['paragraph', 'data-we-collect', 'Warning'],
      ['paragraph', 'data-we-collect', 'We never sell your data.'],
      ['heading', 'processors', 'Sub-processors'],
      ['table-row', 'processors', 'Name | Country'],
      ['table-row', 'processors', 'Stripe | United States'],
      ['code', 'processors', '{ "a": 1 }'],
      ['quote', 'processors', 'Quoted text'],
    ]);
  });

  it('keeps marks, links, list nesting, wrappers and header cells', () => {
    const nested = blocks[4];
    expect(nested?.inline).toEqual([
      { text: 'your ', marks: [] },
      { text: 'name', marks: ['strong'] },
      { text: ';', marks: [] },
    ]);
    expect([nested?.depth, blocks[3]?.depth, nested?.container === blocks[3]?.container]).toEqual([2, 1, false]);
    expect(blocks[6]?.inline.at(1)).toEqual({ text: 'contact', marks: ['a:/contact/'] });
    expect(blocks[8]?.context).toEqual(['aside.callout.callout--warning', 'div.callout__body']);
    expect(blocks[10]?.cells?.map((c) => c.header)).toEqual([true, true]);
    expect(blocks[11]?.cells?.[0]?.inline).toEqual([{ text: 'Stripe', marks: ['a:https://stripe.com'] }]);
    expect(blocks[12]?.lang).toBe('json');
    expect(blocks[2]?.level).toBe(2);
  });

  it('gives ids unique within the version and JSON-safe blocks', () => {
    expect(new Set(blocks.map((b) => b.id)).size).toBe(blocks.length);
    expect(JSON.parse(JSON.stringify(blocks))).toEqual(blocks);
  });
});

describe('normalizeInline', () => {
  it.each([
    { runs: [{ text: '  a  ', marks: [] }, { text: ' b ', marks: [] }], expected: [{ text: 'a b', marks: [] }] },
    { runs: [{ text: 'a ', marks: [] }, { text: ' b', marks: ['strong'] }], expected: [{ text: 'a ', marks: [] }, { text: 'b', marks: ['strong'] }] },
    { runs: [{ text: 'x', marks: ['strong', 'em'] }, { text: 'y', marks: ['em', 'strong'] }], expected: [{ text: 'xy', marks: ['em', 'strong'] }] },
    { runs: [{ text: ' ', marks: [] }], expected: [] },
    // Whitespace other than one space: tab, newline, no-break space, em space, two spaces.
    { runs: [{ text: 'a\tb\nc\u00a0d\u2003e  f', marks: [] }], expected: [{ text: 'a b c d e f', marks: [] }] },
    { runs: [{ text: 'one space each', marks: ['em'] }], expected: [{ text: 'one space each', marks: ['em'] }] },
    { runs: [{ text: 'x', marks: ['em', 'em'] }, { text: 'y', marks: ['em'] }], expected: [{ text: 'xy', marks: ['em'] }] },
  ])('normalises $runs', ({ runs, expected }) => {
    expect(normalizeInline(runs)).toEqual(expected);
  });
});
