import { describe, expect, it } from 'vitest';
import { renderSourceDiff, unifiedSourcePatch } from '../../../src/lib/diff/source-diff.ts';

const oldMdx = '---\ntitle: Privacy\n---\n\n## Retention\n\nWe keep data for <b>ninety</b> days.\n';
const newMdx = '---\ntitle: Privacy\n---\n\n## Retention\n\nWe keep data for <b>thirty</b> days.\n';

describe('source diff', () => {
  it('makes a unified patch with the file names', () => {
    const patch = unifiedSourcePatch(oldMdx, newMdx, { old: 'privacy/2024-01-01.mdx', new: 'privacy/2025-01-01.mdx' });
    expect(patch).toContain('--- privacy/2024-01-01.mdx');
    expect(patch).toContain('+++ privacy/2025-01-01.mdx');
    expect(patch).toContain('-We keep data for <b>ninety</b> days.');
    expect(patch).toContain('+We keep data for <b>thirty</b> days.');
  });

  it('highlights with classes only (no inline styles) and returns their CSS for both themes', async () => {
    const { html, css } = await renderSourceDiff(oldMdx, newMdx, { old: 'a.mdx', new: 'b.mdx' });
    expect(html).toMatch(/^<pre class="rl-source-diff shiki/u);
    expect(html).not.toContain('style=');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&#x3C;b>thirty');
    const classes = [...html.matchAll(/rl-sh-[a-z0-9]+/gu)].map((m) => m[0]);
    expect(classes.length).toBeGreaterThan(3);
    for (const c of classes) expect(css).toContain(`.${c}{`);
    expect(css).toContain('--shiki-dark:');
    expect(css).toContain('prefers-color-scheme: dark');
  });
});

describe('source diff, highlighted line by line', () => {
  // Lines that the diff grammar reads as something else than a changed line when they start a line: comments,
  // headers, ranges, separators, git lines, and a file without a final newline.
  const tricky = [
    '# A heading that is a comment to the diff grammar',
    '#',
    '--- not a header',
    '+++ nor this',
    '@@ -1,2 +1,2 @@ nor a range',
    '***************',
    '===================================================================',
    'diff --git a/x b/x',
    'index 1234567..89abcde 100644',
    'Index: x',
    'Only in a: b',
    '< old style',
    '> new style',
    '! changed',
    '1,2c3,4',
    '==== x - y',
    'A plain line with <b>markup</b> & an ampersand',
  ];
  const oldMdx = `---\ntitle: Tricky\n---\n\n${tricky.join('\n')}\nlast line\n`;
  const newMdx = `---\ntitle: Tricky\n---\n\n${tricky.map((line, k) => (k % 2 === 0 ? `${line} edited` : line)).join('\n')}\n${tricky.slice(0, 5).join('\n')}\nlast line`;
  const names = { old: 'tricky/2024-01-01.mdx', new: 'tricky/2025-01-01.mdx' };

  it.each([
    ['old to new', oldMdx, newMdx],
    ['new to old', newMdx, oldMdx],
    ['old to new again (every line known)', oldMdx, newMdx],
  ])('highlights %s as the whole patch in one piece does', async (_name, from, to) => {
    const whole = await renderSourceDiff(from, to, names, { lineMemo: false });
    expect(whole.patch).toContain('\\ No newline at end of file');
    expect(await renderSourceDiff(from, to, names)).toEqual(whole);
    // The CSS lists the classes in the order the code first uses them, then the <pre>'s own.
    const [, preClass = '', body = ''] = /^<pre class="[^"]* (rl-sh-[a-z0-9]+)" tabindex="0"><code>(.*)<\/code><\/pre>$/su.exec(whole.html) ?? [];
    const used = [...new Set([...body.matchAll(/class="(rl-sh-[a-z0-9]+)"/gu)].map((m) => m[1]))];
    expect([...whole.css.matchAll(/\.(rl-sh-[a-z0-9]+)\{/gu)].map((m) => m[1])).toEqual([...used, preClass]);
  });
});
