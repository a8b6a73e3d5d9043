import { describe, expect, it } from 'vitest';
import { findLeftovers } from '../../../src/lib/import/leftovers.ts';

describe('findLeftovers', () => {
  it.each([
    ['a Liquid tag', 'Use \\{% data variables.product.name %\\} today.', 'template tag "{% data variables.product.name %}"'],
    ['a template variable', 'Hello \\{\\{ company \\}\\}.', 'template variable "{{ company }}"'],
    ['AUTOTITLE link text', 'See [AUTOTITLE](https://docs.example/x).', 'link text "AUTOTITLE"'],
    ['a tag MDX shows as text', 'Press \\<kbd>Enter\\</kbd>.', 'markup "<kbd>"'],
    ['a kramdown attribute list', 'Text \\{: .note\\}', 'attribute list "{: .note}"'],
    ['a GitHub alert mark', '> [!WARNING]', 'admonition mark [!WARNING]'],
    ['the skip link of a copied web page', 'Skip to main content', '"Skip to main content" (a link of the page'],
    ['the footer of a copied web page', '© 2024 Northwind Analytics Ltd. All rights reserved.   Privacy   Terms', 'footer line "© 2024 Northwind Analytics Ltd. All rights reserved. Privacy Terms"'],
  ])('%s', (_name, line, message) => {
    const found = findLeftovers(`Intro.\n\n${line}\n`);
    expect(found[0]?.line).toBe(3);
    expect(found[0]?.message).toContain(message);
  });

  it('finds nothing in plain prose, escaped braces of prose or code blocks', () => {
    expect(findLeftovers('Templates such as \\{name\\} are not evaluated.\n\n```\n{% raw %}\n```\n\n`{{ x }}`\n')).toEqual([]);
    expect(findLeftovers('Skip to the section that concerns you.\n\nCopyright and other rights in the service belong to us.\n')).toEqual([]);
  });
});
