import { describe, expect, it } from 'vitest';
import { makeMdxSafe } from '../../../src/lib/import/mdx-safe.ts';
import { mdxProblem } from './mdx-compiles.ts';

describe('makeMdxSafe', () => {
  it.each([
    ['braces in prose', 'Use {name} here.', 'Use \\{name\\} here.'],
    ['a less-than sign', 'Children aged < 13.', 'Children aged \\< 13.'],
    ['a tag-like word', 'Send <details> to us.', 'Send \\<details> to us.'],
    ['an already escaped brace', 'Keep \\{this\\}.', 'Keep \\{this\\}.'],
    ['a URL autolink', 'See <https://example.com/a>.', 'See [https://example.com/a](https://example.com/a).'],
    ['an e-mail autolink', 'Write to <dpo@example.com>.', 'Write to [dpo@example.com](mailto:dpo@example.com).'],
    ['a line break tag', '| a<br>b | c |', '| a<br />b | c |'],
    ['a line starting with export', 'export controls apply.', '&#101;xport controls apply.'],
    ['a line starting with import', 'import duties apply.', '&#105;mport duties apply.'],
    ['braces inside a code span', 'Write `{x}` and {y}.', 'Write `{x}` and \\{y\\}.'],
  ])('%s', (_name, input, expected) => {
    expect(makeMdxSafe(input).markdown).toBe(`${expected}\n`);
  });

  it('leaves fenced code blocks as they are', () => {
    const input = 'Text {a}\n\n```\nconst x = {a: 1} < 2;\n```\n';
    expect(makeMdxSafe(input).markdown).toBe('Text \\{a\\}\n\n```\nconst x = {a: 1} < 2;\n```\n');
  });

  it('removes HTML comments and says so', () => {
    const result = makeMdxSafe('Before <!-- internal\nnote --> after.\n');
    expect(result.markdown).toBe('Before  after.\n');
    expect(result.warnings).toEqual(['removed 1 HTML comment(s), which MDX cannot contain']);
  });

  it('names HTML tags it kept as text', () => {
    expect(makeMdxSafe('<div>x</div> and <span>y</span>').warnings).toEqual([
      'HTML tags kept as visible text (MDX cannot contain raw HTML): <div>, <span>',
    ]);
  });

  it('keeps a two-space hard line break as a backslash break and collapses blank lines', () => {
    expect(makeMdxSafe('12 Harbour Row  \nBristol\n\n\n\nNext').markdown).toBe('12 Harbour Row\\\nBristol\n\nNext\n');
  });

  it('output compiles as MDX where the input did not', () => {
    const input = 'Ages < 13, {templates}, <b>bold</b>, <!-- c -->\n\nexport rules apply to <someone@example.com>.\n';
    expect(mdxProblem(input)).toBeDefined();
    expect(mdxProblem(makeMdxSafe(input).markdown)).toBeUndefined();
  });
});

describe('mdxProblem (the test helper)', () => {
  it.each([
    ['an HTML comment', '<!-- c -->'],
    ['a bare brace expression', 'Hello {name}.'],
    ['an unclosed tag', 'a <b'],
  ])('reports %s', (_name, body) => {
    expect(mdxProblem(body)).toBeDefined();
  });
});
