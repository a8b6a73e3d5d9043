import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractBlocks } from '../../../src/lib/diff/blocks.ts';
import { diffBlocks } from '../../../src/lib/diff/diff-blocks.ts';
import type { Block } from '../../../src/lib/diff/model.ts';
import { renderInlineRedline } from '../../../src/lib/diff/render-inline.ts';
import { renderSideBySide } from '../../../src/lib/diff/render-side-by-side.ts';
import { cases } from '../../fixtures/diff/cases.ts';

const model = (name: string) => {
  const c = cases.find((x) => x.name === name);
  if (c === undefined) throw new Error(`no fixture ${name}`);
  return diffBlocks(extractBlocks(c.old), extractBlocks(c.new));
};

describe('renderInlineRedline', () => {
  it('marks a word edit with ins/del, hidden words and an anchor', () => {
    const html = renderInlineRedline(model('a word edit'), { collapseUnchanged: 0 });
    expect(html).toContain(
      '<p class="rl-paragraph rl-change rl-changed" id="change-1">Backups are deleted after ' +
        '<del class="rl-del"><span class="visually-hidden">[deleted: </span>ninety<span class="visually-hidden">]</span></del> ' +
        '<ins class="rl-ins"><span class="visually-hidden">[inserted: </span>thirty<span class="visually-hidden">]</span></ins> days.</p>',
    );
  });

  it('collapses three or more unchanged blocks into details, but not the headings over a change', () => {
    const html = renderInlineRedline(
      diffBlocks(
        extractBlocks('<h2 id="a">Scope</h2><p>One.</p><p>Two.</p><h2 id="b">Retention</h2><h3 id="c">Backups</h3><p>Kept for ninety days.</p><p>Three.</p><p>Four.</p><p>Five.</p>'),
        extractBlocks('<h2 id="a">Scope</h2><p>One.</p><p>Two.</p><h2 id="b">Retention</h2><h3 id="c">Backups</h3><p>Kept for thirty days.</p><p>Three.</p><p>Four.</p><p>Five.</p>'),
      ),
    );
    expect(html).toMatch(
      /^<div class="rl-redline rl-inline"><details class="rl-unchanged"><summary>3 unchanged paragraphs<\/summary><h2 class="rl-heading">Scope<\/h2>.*<\/details><h2 class="rl-heading">Retention<\/h2><h3 class="rl-heading">Backups<\/h3><p class="rl-paragraph rl-change/u,
    );
    expect(html).toMatch(/<details class="rl-unchanged"><summary>3 unchanged paragraphs<\/summary><p class="rl-paragraph">Three.<\/p>/u);
    expect(renderInlineRedline(model('a cell changed'))).not.toContain('<details');
  });

  it('shows a moved section as moved, with links between both places that name the place, not the section', () => {
    const html = renderInlineRedline(model('a moved section with edits inside'), { collapseUnchanged: 0 });
    // Ordinary links: focusable and read by screen readers (no aria-hidden, no tabindex=-1).
    expect(html).toContain('<a class="rl-move-link" href="#change-4">Moved down to after § Your rights</a> <del class="rl-moved-text"><span class="visually-hidden">[moved text: </span>Retention');
    expect(html).toContain('<a class="rl-move-link" href="#change-1">Moved down from after § Introduction</a>');
    expect(html).toContain('[moved down from after § Introduction: </span>We keep account data');
    expect(html.match(/class="rl-move-link"/gu)).toHaveLength(2);
    expect(html).toContain('class="rl-paragraph rl-change rl-moved rl-moved-to" id="change-5" data-move="move-1" data-pair="change-2"');
  });

  it.each([
    ['a paragraph moved down within its section', ['Moved down within § A. Definitions', 'Moved down within § A. Definitions']],
  ])('labels %s by its place', (name, labels) => {
    const html = renderInlineRedline(model(name), { collapseUnchanged: 0 });
    expect([...html.matchAll(/class="rl-move-link" href="#change-\d+">([^<]+)<\/a>/gu)].map((m) => m[1])).toEqual(labels);
  });

  it('names the text before the first heading one way: the opening text', () => {
    const m = diffBlocks(
      extractBlocks('<p>We explain here how Example Ltd uses cookies and similar tools.</p><h2 id="x">Cookies</h2><p>Short.</p>'),
      extractBlocks('<h2 id="x">Cookies</h2><p>Short.</p><p>We explain here how Example Ltd uses cookies and similar tools.</p>'),
    );
    const html = renderInlineRedline(m, { collapseUnchanged: 0 });
    expect(html).toContain('>Moved from the opening text</a>');
    expect(html).toContain('>Moved to § Cookies</a>');
    expect(html).not.toMatch(/§ start/u);
  });

  it('keeps tables as tables with row classes', () => {
    const html = renderInlineRedline(model('a table row added'), { collapseUnchanged: 0 });
    expect(html).toContain('<table class="rl-table"><tbody><tr class="rl-row"><th scope="col">Name</th>');
    expect(html).toContain('<tr class="rl-row rl-change rl-added" id="change-1"><td><ins class="rl-ins">');
    expect(html.match(/<table/gu)).toHaveLength(1);
  });

  it('shows an added column once, as a column: a note in its header cell, every cell of it marked as the column', () => {
    const html = renderInlineRedline(model('a column added'), { collapseUnchanged: 0 });
    expect(html.match(/Column added/gu)).toHaveLength(1);
    expect(html).toContain('<th scope="col" class="rl-cell-added rl-col-added"><span class="rl-note">Column added</span> <ins class="rl-ins">');
    expect(html.match(/<td class="rl-cell-added rl-col-added">/gu)).toHaveLength(3);
    // A cell inserted in one row is a cell, not a column.
    expect(renderInlineRedline(model('a cell inserted mid-row, and the next column changed'))).toContain('<td class="rl-cell-added"><ins');
  });

  it('keeps list items in one list', () => {
    const html = renderInlineRedline(model('a list item removed'), { collapseUnchanged: 0 });
    expect(html).toContain('<ul class="rl-list"><li class="rl-item rl-depth-1">your name;</li><li class="rl-item rl-depth-1 rl-change rl-removed" id="change-1">');
  });

  it('renders links and offsets heading levels', () => {
    const html = renderInlineRedline(model('a link target changed'), { headingOffset: 1 });
    expect(html).toContain(
      'Read our <span class="rl-format rl-link-changed"><a href="/cookies/2025-06-01/">cookie policy</a></span> ' +
        '<span class="rl-link-note">(link changed: /cookies/2024-01-01/ → /cookies/2025-06-01/)</span> for details.',
    );
    expect(renderInlineRedline(model('a heading renamed'), { headingOffset: 1, collapseUnchanged: 0 })).toContain(
      '<h3 class="rl-heading rl-change rl-changed rl-replaced" id="change-1"><del class="rl-del"><span class="visually-hidden">[deleted: </span>Cookies' +
        '<span class="visually-hidden">]</span></del> <ins class="rl-ins">',
    );
  });

  it('drops script URLs from links', () => {
    const m = diffBlocks(extractBlocks('<p>a</p>'), extractBlocks('<p>a</p><p><a href="javascript:alert(1)">click me</a></p>'));
    expect(renderInlineRedline(m)).not.toContain('javascript:');
  });
});

describe('numbered lists', () => {
  // Item 2 removed, a new item inserted after old item 4: items keep their text, most change number.
  const rights = ['access your data', 'have it corrected', 'have it deleted', 'object to processing', 'move it to another provider', 'complain to a regulator'];
  const ol = (items: string[]): string => `<h2 id="r">Your rights</h2><ol>${items.map((t) => `<li>You may ${t}.</li>`).join('')}</ol>`;
  const oldItems = rights;
  const newItems = [rights[0], rights[2], rights[3], 'withdraw consent at any time', rights[4], rights[5]] as string[];
  const m = diffBlocks(extractBlocks(ol(oldItems)), extractBlocks(ol(newItems)));

  it('gives every item its own number in its version, inline', () => {
    const html = renderInlineRedline(m, { collapseUnchanged: 0 });
    const items = [...html.matchAll(/<li class="([^"]*)"[^>]*? value="(\d+)">(?:<span class="rl-renumbered">renumbered from (\d+)<\/span> )?/gu)].map((x) => [
      x[1]?.includes('rl-removed') ? 'removed' : x[1]?.includes('rl-added') ? 'added' : 'kept',
      Number(x[2]),
      x[3] === undefined ? undefined : Number(x[3]),
    ]);
    expect(items).toEqual([
      ['kept', 1, undefined],
      ['removed', 2, undefined],
      ['kept', 2, 3],
      ['kept', 3, 4],
      ['added', 4, undefined],
      ['kept', 5, undefined],
      ['kept', 6, undefined],
    ]);
  });

  it('keeps the numbers side by side, each side its own', () => {
    const html = renderSideBySide(m, { collapseUnchanged: 0 });
    expect(html).toContain('<div class="rl-side rl-old"><ol class="rl-list"><li class="rl-item rl-depth-1" value="4">You may object to processing.</li></ol></div>' +
      '<div class="rl-side rl-new"><ol class="rl-list"><li class="rl-item rl-depth-1" value="3"><span class="rl-renumbered">renumbered from 4</span> You may object to processing.</li></ol></div>');
    expect(html).toContain('value="6">You may complain to a regulator.</li></ol></div><div class="rl-side rl-new"><ol class="rl-list"><li class="rl-item rl-depth-1" value="6">');
  });

  it('reads start and value from the HTML', () => {
    const blocks = extractBlocks('<ol start="3"><li>a</li><li value="7">b</li><li>c<ol><li>x</li></ol></li></ol><ul><li>u</li></ul>');
    expect(blocks.map((b) => b.number)).toEqual([3, 7, 8, 1, undefined]);
  });
});

describe('renderSideBySide', () => {
  it('puts the old words left and the new words right', () => {
    const html = renderSideBySide(model('a word edit'), { collapseUnchanged: 0 });
    expect(html).toContain(
      '<div class="rl-sbs-row rl-change rl-changed" id="change-1"><div class="rl-side rl-old"><p class="rl-paragraph">Backups are deleted after ' +
        '<del class="rl-del"><span class="visually-hidden">[deleted: </span>ninety<span class="visually-hidden">]</span></del> days.</p></div>' +
        '<div class="rl-side rl-new"><p class="rl-paragraph">Backups are deleted after <ins class="rl-ins"><span class="visually-hidden">[inserted: </span>thirty<span class="visually-hidden">]</span></ins> days.</p></div></div>',
    );
  });

  it('aligns table rows with placeholders and one anchor per change, never collapsing rows of a changed table', () => {
    const html = renderSideBySide(model('a table row added'));
    expect(html).not.toContain('<details');
    expect(html.match(/<table/gu)).toHaveLength(2);
    expect(html).toContain('<tr class="rl-placeholder" aria-hidden="true"><td colspan="3"></td></tr>');
    expect(html.match(/id="change-1"/gu)).toHaveLength(1);
  });

  it('leaves the other side empty for moves', () => {
    const html = renderSideBySide(model('a moved section with edits inside'), { collapseUnchanged: 0 });
    expect(html).toContain('<div class="rl-sbs-row rl-change rl-moved rl-moved-from" id="change-1"><div class="rl-side rl-old"><h2');
    expect(html).toContain('<div class="rl-side rl-new rl-empty"></div>');
  });
});

describe('renderers escape text (property)', () => {
  const nasty = fc.constantFrom('<script>alert(1)</script>', '&amp;', '<b>bold</b>', '"quoted"', "it's", '<img src=x onerror=alert(1)>');
  it('text that looks like HTML stays text', () => {
    fc.assert(
      fc.property(fc.array(nasty, { minLength: 1, maxLength: 4 }), fc.array(nasty, { minLength: 1, maxLength: 4 }), (a, b) => {
        const block = (text: string, k: number): Block => ({
          id: `b-${k}`, kind: 'paragraph', section: '<s>', sectionTitle: '<script>x</script>', context: [], text,
          inline: [{ text, marks: ['a:"><script>'] }],
        });
        const m = diffBlocks([block(a.join(' '), 1), block('shared words stay here', 2)], [block('shared words stay here', 2), block(b.join(' '), 1)]);
        for (const html of [renderInlineRedline(m), renderSideBySide(m)]) {
          expect(html).not.toMatch(/<script|<img|<b>|&(?!amp;|lt;|gt;|quot;|#39;)|onerror=alert\(1\)>/u);
          expect(html).not.toMatch(/<a href="[^"]*"[^>]*><script/u);
        }
        expect(renderInlineRedline(m)).toContain('&lt;');
      }),
      { numRuns: 200, seed: 3 },
    );
  });
});

describe('idPrefix and sectionIds', () => {
  const moved = model('a moved section with edits inside');
  it.each([
    ['inline', renderInlineRedline],
    ['side by side', renderSideBySide],
  ] as const)('%s: prefixes change anchors and move links, and ids unchanged headings', (_name, render) => {
    const plain = render(moved, { collapseUnchanged: 0 });
    const prefixed = render(moved, { collapseUnchanged: 0, idPrefix: 'x-', sectionIds: true });
    expect(plain).not.toContain('id="section-');
    expect(prefixed).toContain('id="x-section-intro"');
    expect(prefixed).toContain('href="#x-change-1"');
    expect(prefixed).not.toMatch(/(href="#|data-pair=")change-/u);
    const ids = [...prefixed.matchAll(/ id="([^"]+)"/gu)].map((match) => match[1] ?? '');
    expect(ids.every((id) => id.startsWith('x-'))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    // Without the options, output is as before: the prefixed HTML minus its additions.
    expect(prefixed.replaceAll('x-change-', 'change-').replaceAll(/ id="x-section-[^"]+"/gu, '')).toBe(plain);
  });
});
