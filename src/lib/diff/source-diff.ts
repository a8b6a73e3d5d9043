// The source view for authors: a unified diff of two MDX sources, highlighted by shiki. The site's CSP
// forbids inline styles, so every token's colours become a class and the matching CSS is returned for the
// page to include. Build time only (shiki is too heavy for the browser).
//
// Speed (docs/benchmarks.md): one highlighter for the whole build, made once with only the `diff` grammar
// and the two themes, on shiki's JavaScript regex engine (no WebAssembly). The HTML is written here from
// shiki's tokens: shiki's own HTML path (a hast tree per patch, then transformerStyleToClass walking it)
// cost three quarters of the time for markup this simple.
import { createTwoFilesPatch } from 'diff';
import { type HighlighterCore, createHighlighterCore, flatTokenVariants, stringifyTokenStyle } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';

/** Highlighted unified diff: the HTML, the CSS its classes need, and the plain patch text. */
export interface SourceDiff {
  html: string;
  css: string;
  patch: string;
}

/** File names shown in the patch header (e.g. the two versions' source paths). */
export interface SourceFileNames {
  old: string;
  new: string;
}

/** Themes used for light and dark colour schemes. */
export const SOURCE_DIFF_THEMES = { light: 'github-light', dark: 'github-dark' } as const;

/** Prefix of the classes that carry the colours. */
const CLASS_PREFIX = 'rl-sh-';

/** The unified diff text of two sources, 3 lines of context. */
export function unifiedSourcePatch(oldSource: string, newSource: string, fileNames: SourceFileNames): string {
  // Line diffs of documents are small (hundreds of lines), so no edit-length cap is needed here.
  return createTwoFilesPatch(fileNames.old, fileNames.new, oldSource, newSource, undefined, undefined, { context: 3 });
}

let highlighter: Promise<HighlighterCore> | undefined;

function getHighlighter(): Promise<HighlighterCore> {
  highlighter ??= createHighlighterCore({
    engine: createJavaScriptRegexEngine(),
    langs: [import('shiki/langs/diff.mjs')],
    themes: [import('shiki/themes/github-light.mjs'), import('shiki/themes/github-dark.mjs')],
  });
  return highlighter;
}

/** A short, stable class name for a style declaration (the same style gets the same class on every build). */
function classOf(style: string): string {
  // FNV-1a, 32 bits: a handful of styles per page, so collisions are not a concern; checked below anyway.
  let hash = 0x811c9dc5;
  for (let k = 0; k < style.length; k++) hash = Math.imul(hash ^ style.charCodeAt(k), 0x01000193);
  return `${CLASS_PREFIX}${(hash >>> 0).toString(36)}`;
}

/** Text as shiki writes it (hast-util-to-html): `<` and `&` escaped. */
function escapeCode(text: string): string {
  return text.replace(/&/gu, '&#x26;').replace(/</gu, '&#x3C;');
}

/** Options of renderSourceDiff. */
export interface SourceDiffOptions {
  /**
   * Highlight each distinct line once and keep it (default true); false highlights the whole patch in one piece,
   * the reference the memo is tested against. The output is the same.
   */
  lineMemo?: boolean;
}

/** Render the MDX source diff as shiki-highlighted HTML with class-based colours (returns html + css). */
export async function renderSourceDiff(oldSource: string, newSource: string, fileNames: SourceFileNames, options: SourceDiffOptions = {}): Promise<SourceDiff> {
  const patch = unifiedSourcePatch(oldSource, newSource, fileNames);
  const shiki = await getHighlighter();
  const styles = new Map<string, string>();
  const use = (name: string, style: string): string => {
    const known = styles.get(name);
    if (known !== undefined && known !== style) throw new Error(`source diff: class ${name} stands for two styles`);
    styles.set(name, style);
    return name;
  };
  const code = patch.replace(/\n$/u, '');
  // A carriage return may split lines where a split on \n does not: such a patch is highlighted in one piece.
  const lines = options.lineMemo === false || code.includes('\r') ? highlightWhole(shiki, code) : highlightEach(shiki, code.split('\n'));
  // Each line's classes in the order the line uses them, so the CSS lists them in the order of first use.
  for (const line of lines) for (const [name, style] of line.styles) use(name, style);
  const body = lines.map((line) => line.html).join('\n');
  const light = shiki.getTheme(SOURCE_DIFF_THEMES.light);
  const dark = shiki.getTheme(SOURCE_DIFF_THEMES.dark);
  const preStyle = `background-color:${light.bg};--shiki-dark-bg:${dark.bg};color:${light.fg};--shiki-dark:${dark.fg}`;
  const pre = use(classOf(preStyle), preStyle);
  const html =
    `<pre class="rl-source-diff shiki shiki-themes ${SOURCE_DIFF_THEMES.light} ${SOURCE_DIFF_THEMES.dark} ${pre}" tabindex="0"><code>` +
    `${body}</code></pre>`;
  const css = [...styles].map(([name, style]) => `.${name}{${style}}`).join('');
  return { html, css: css + DARK_CSS, patch };
}

/** One highlighted line: its `<span class="line">`, and the [class, style] pairs it uses, in order of first use. */
interface HighlightedLine {
  html: string;
  styles: ReadonlyArray<readonly [string, string]>;
}

function highlightWhole(shiki: HighlighterCore, code: string): HighlightedLine[] {
  return shiki.codeToTokensWithThemes(code, { lang: 'diff', themes: SOURCE_DIFF_THEMES }).map(lineOf);
}

// Lines highlighted before, by text. The diff grammar is line by line (its one multi-line rule, a `#` comment,
// ends at the end of its line), so a line's tokens do not depend on the lines around it; and a version's lines
// come back in the patches against the versions before and after it (on the bench corpus, 13,800 distinct lines
// among 33,700). Bounded: when full, it starts again.
const highlighted = new Map<string, HighlightedLine>();
const LINES_KEPT = 100_000;

function highlightEach(shiki: HighlighterCore, lines: readonly string[]): HighlightedLine[] {
  let missing = [...new Set(lines)].filter((line) => !highlighted.has(line));
  if (highlighted.size + missing.length > LINES_KEPT) {
    highlighted.clear();
    missing = [...new Set(lines)];
  }
  if (missing.length > 0) {
    // The missing lines in one call, one line each, as they would be in a patch of their own.
    const tokens = shiki.codeToTokensWithThemes(missing.join('\n'), { lang: 'diff', themes: SOURCE_DIFF_THEMES });
    if (tokens.length !== missing.length) throw new Error(`source diff: ${missing.length} lines highlighted as ${tokens.length}`);
    missing.forEach((line, k) => highlighted.set(line, lineOf(tokens[k] ?? [])));
  }
  return lines.map((line) => highlighted.get(line) as HighlightedLine);
}

function lineOf(tokens: ReadonlyArray<Parameters<typeof flatTokenVariants>[0]>): HighlightedLine {
  const styles: Array<readonly [string, string]> = [];
  const seen = new Set<string>();
  let out = '';
  let open = '';
  let text = '';
  const flush = () => {
    if (text !== '') out += `<span class="${open}">${escapeCode(text)}</span>`;
    text = '';
  };
  for (const token of tokens) {
    const style = stringifyTokenStyle(flatTokenVariants(token, ['light', 'dark'], '--shiki-', 'light').htmlStyle ?? {});
    const name = classOf(style);
    const pair = `${name}\u0000${style}`;
    if (!seen.has(pair)) {
      seen.add(pair);
      styles.push([name, style]);
    }
    if (name !== open) flush();
    open = name;
    text += token.content;
  }
  flush();
  return { html: `<span class="line">${out}</span>`, styles };
}

// Shiki's dual themes put the dark colours in --shiki-dark variables; switch to them for a dark
// colour scheme, or when the site sets data-theme="dark" on <html>.
const DARK_CSS = `
.rl-source-diff span { font-weight: var(--shiki-light-font-weight, inherit); }
@media (prefers-color-scheme: dark) {
  :root:not([data-theme="light"]) .rl-source-diff, :root:not([data-theme="light"]) .rl-source-diff span {
    color: var(--shiki-dark) !important; background-color: var(--shiki-dark-bg) !important;
    font-weight: var(--shiki-dark-font-weight, inherit) !important;
  }
}
:root[data-theme="dark"] .rl-source-diff, :root[data-theme="dark"] .rl-source-diff span {
  color: var(--shiki-dark) !important; background-color: var(--shiki-dark-bg) !important;
  font-weight: var(--shiki-dark-font-weight, inherit) !important;
}
`;
