/**
 * The last step of every import: Markdown from any source made safe to compile as MDX.
 * MDX reads `<` as the start of JSX, `{`/`}` as JavaScript expressions and a line starting with
 * `import`/`export` as an ES module statement (https://mdxjs.com/docs/what-is-mdx/#markdown), so prose
 * that merely contains those characters would fail the build or, worse, evaluate as code.
 */

/** Markdown that compiles as MDX, and what had to be changed or dropped on the way. */
export interface MdxSafeResult {
  markdown: string;
  warnings: string[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HTML_COMMENT = /<!--[\s\S]*?-->/g;
const LINE_BREAK_TAG = /^<br\s*\/?>/i;
const AUTOLINK = /^<((?:https?|mailto):[^\s<>]+|[^\s<>@]+@[^\s<>@]+\.[a-z]{2,})>/i;
const TAG = /^<\/?([a-z][a-z0-9-]*)\b[^>]*>/i;

/** Number of backslashes immediately before `index`: an odd count means the character is already escaped. */
function escapedAt(text: string, index: number): boolean {
  let count = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i -= 1) count += 1;
  return count % 2 === 1;
}

/** Escapes one stretch of prose (no code spans in it). */
function escapeProse(text: string, tags: Set<string>): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if ((char === '{' || char === '}') && !escapedAt(text, i)) {
      out += `\\${char}`;
    } else if (char === '<' && !escapedAt(text, i)) {
      const rest = text.slice(i);
      const lineBreak = LINE_BREAK_TAG.exec(rest);
      const autolink = AUTOLINK.exec(rest);
      const tag = TAG.exec(rest);
      if (lineBreak) {
        // The one HTML element worth keeping (line breaks inside table cells); JSX needs it self-closed.
        out += '<br />';
        i += lineBreak[0].length - 1;
      } else if (autolink) {
        // MDX has no `<url>` autolinks; an explicit link keeps the address clickable.
        const target = autolink[1] ?? '';
        const href = /^(?:https?|mailto):/i.test(target) ? target : `mailto:${target}`;
        out += `[${target}](${href})`;
        i += autolink[0].length - 1;
      } else {
        if (tag) tags.add(tag[1]?.toLowerCase() ?? '');
        out += '\\<';
      }
    } else {
      out += char;
    }
  }
  return out;
}

/** Escapes a line outside code blocks, leaving inline code spans as they are (MDX shows them literally). */
function escapeLine(line: string, tags: Set<string>): string {
  let out = '';
  let rest = line;
  while (rest.length > 0) {
    const open = /(?<!\\)(`+)/.exec(rest);
    if (!open) break;
    const ticks = open[1] ?? '`';
    const close = rest.indexOf(ticks, open.index + ticks.length);
    if (close === -1) break;
    out += escapeProse(rest.slice(0, open.index), tags) + rest.slice(open.index, close + ticks.length);
    rest = rest.slice(close + ticks.length);
  }
  out += escapeProse(rest, tags);
  // A paragraph line starting with `import `/`export ` is read as an ES module statement; a character
  // reference for the first letter renders the same text without it.
  return out.replace(/^( {0,3})(import|export)(?=\s)/, (_match, indent: string, word: string) => `${indent}&#${word.charCodeAt(0)};${word.slice(1)}`);
}

/** Escapes `{`, `}` and `<` in prose, turns `<url>` autolinks into links, drops HTML comments and tidies blank lines. */
export function makeMdxSafe(markdown: string): MdxSafeResult {
  const warnings: string[] = [];
  const text = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const comments = text.match(HTML_COMMENT)?.length ?? 0;
  if (comments > 0) warnings.push(`removed ${comments} HTML comment(s), which MDX cannot contain`);
  const lines = text.replace(HTML_COMMENT, '').split('\n');
  const tags = new Set<string>();
  let fence: string | undefined;
  const out = lines.map((line, index) => {
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1]?.[0] === fence[0] && (fenceMatch[1]?.length ?? 0) >= fence.length) fence = undefined;
      return line;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      return line;
    }
    // Two trailing spaces are a hard line break that trimming would lose; a backslash says the same visibly.
    const hardBreak = /\S {2,}$/.test(line) && (lines[index + 1] ?? '').trim() !== '';
    const escaped = escapeLine(line.replace(/\s+$/, ''), tags);
    return hardBreak && !escaped.endsWith('\\') ? `${escaped}\\` : escaped;
  });
  if (tags.size > 0) {
    warnings.push(`HTML tags kept as visible text (MDX cannot contain raw HTML): ${[...tags].sort().map((tag) => `<${tag}>`).join(', ')}`);
  }
  const markdownOut = `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
  return { markdown: markdownOut, warnings };
}
