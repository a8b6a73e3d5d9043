import { mdxToJs } from 'satteri';

/**
 * Why a body would break the site's MDX build, or undefined when it would not. Compiles it with the
 * compiler @astrojs/mdx uses (satteri); a `{...}` outside code compiles too, as a JavaScript expression
 * that fails at render time, so an unescaped brace in prose is reported as well.
 */
export function mdxProblem(body: string): string | undefined {
  try {
    mdxToJs(body);
  } catch (error) {
    return (error as Error).message;
  }
  const prose = body.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return /(?<!\\)[{}]/.test(prose) ? 'an unescaped brace would be evaluated as an expression' : undefined;
}
