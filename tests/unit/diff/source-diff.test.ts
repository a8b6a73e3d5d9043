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
