// Build-time entry point: rendered HTML of one version -> the blocks the engine aligns. We diff what
// readers see (MDX components included), so this works on the HTML Astro produced, not on MDX source.
import { fromParse5 } from 'hast-util-from-parse5';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { parseFragment } from 'parse5';
import type { Block, BlockKind, Cell, InlineRun, Mark } from './model.ts';
import { normalizeMarks } from './tokenize.ts';

type Node = Root | RootContent;

interface WalkContext {
  /** Wrapper descriptors from the outside in. */
  context: string[];
  container?: string;
  depth: number;
  /** Inside a blockquote: paragraphs become quote blocks. */
  quote: boolean;
}

interface State {
  blocks: Block[];
  section: string;
  sectionTitle: string;
  counters: Map<string, number>;
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
// Elements that hold blocks; we descend into them. Unknown elements are treated as inline.
const WRAPPERS = new Set([
  'div', 'aside', 'section', 'article', 'header', 'footer', 'main', 'nav', 'details', 'summary',
  'figure', 'form', 'fieldset', 'address', 'center', 'hgroup', 'search', 'body', 'html',
]);
// Wrappers worth recording in a block's context even without a class: they change how text reads.
const SEMANTIC_WRAPPERS = new Set(['aside', 'details', 'figure', 'blockquote', 'ol', 'ul', 'dl']);
// Never reader-visible text.
const SKIPPED = new Set([
  'script', 'style', 'template', 'noscript', 'svg', 'math', 'button', 'input', 'select', 'textarea',
  'iframe', 'object', 'video', 'audio', 'canvas', 'head', 'hr', 'img', 'picture',
]);
const MARKS: Record<string, Mark> = {
  strong: 'strong', b: 'strong', em: 'em', i: 'em', code: 'code', kbd: 'code', samp: 'code',
  s: 's', del: 's', strike: 's', u: 'u', ins: 'u', mark: 'mark', sub: 'sub', sup: 'sup',
};

/**
 * Extract the blocks of one rendered version, in document order. Build time only (parses HTML with parse5,
 * into hast); the result is JSON-serialisable for the browser.
 */
export function extractBlocks(html: string): Block[] {
  // parse5 and hast-util-from-parse5 as hast-util-from-html calls them, but without source locations: blocks
  // do not carry positions, and recording them was a third of the parse (docs/benchmarks.md, "The diff work, made cheaper").
  const tree = fromParse5(parseFragment(html, { scriptingEnabled: false })) as Root;
  const state: State = { blocks: [], section: '', sectionTitle: '', counters: new Map() };
  walkBlocks(tree.children, { context: [], depth: 0, quote: false }, state);
  return state.blocks;
}

/**
 * Collapse whitespace in inline runs the way a browser renders it: runs of whitespace become one space,
 * none at the start or end, adjacent runs with the same marks merge, empty runs disappear.
 */
export function normalizeInline(runs: readonly InlineRun[]): InlineRun[] {
  const out: InlineRun[] = [];
  let lastEndsWithSpace = true; // true at the start so leading whitespace is dropped
  for (const run of runs) {
    // Most runs are already collapsed: testing is cheaper than replacing (and copying) every run's text.
    let text = COLLAPSIBLE.test(run.text) ? run.text.replace(/\s+/gu, ' ') : run.text;
    if (lastEndsWithSpace && text.startsWith(' ')) text = text.slice(1);
    if (text === '') continue;
    const marks = normalizeMarks(run.marks);
    const prev = out.at(-1);
    if (prev !== undefined && sameMarks(prev.marks, marks)) prev.text += text;
    else out.push({ text, marks });
    lastEndsWithSpace = text.endsWith(' ');
  }
  const last = out.at(-1);
  if (last !== undefined && last.text.endsWith(' ')) {
    last.text = last.text.slice(0, -1);
    if (last.text === '') out.pop();
  }
  return out;
}

// Whitespace that normalizeInline changes: any but a space, or two spaces in a row.
const COLLAPSIBLE = /[^\S ]| {2}/u;

/** Plain text of inline runs. */
export function inlineText(runs: readonly InlineRun[]): string {
  return runs.map((r) => r.text).join('');
}

function sameMarks(a: readonly Mark[], b: readonly Mark[]): boolean {
  return a.length === b.length && a.every((m, i) => m === b[i]);
}

function isElement(node: Node): node is Element {
  return node.type === 'element';
}

function isSkipped(el: Element): boolean {
  const p = el.properties;
  return (
    SKIPPED.has(el.tagName) ||
    // The "§" link headings carry (src/lib/site/heading-anchors.ts) repeats the title for screen readers.
    classesOf(el).includes('heading-anchor') ||
    String(p['ariaHidden']) === 'true' ||
    p['hidden'] === true ||
    p['dataDiffIgnore'] !== undefined
  );
}

function classesOf(el: Element): string[] {
  const c = el.properties['className'];
  const list: string[] = Array.isArray(c) ? c.map(String) : typeof c === 'string' ? String(c).split(/\s+/u) : [];
  // Astro's scoped-style classes change with the component's source, not with the legal text.
  return list.filter((x) => x !== '' && !x.startsWith('astro-'));
}

function describe(el: Element): string | undefined {
  const classes = classesOf(el);
  if (classes.length === 0 && !SEMANTIC_WRAPPERS.has(el.tagName)) return undefined;
  return [el.tagName, ...classes].join('.');
}

function nextId(state: State, prefix: string): string {
  const n = (state.counters.get(prefix) ?? 0) + 1;
  state.counters.set(prefix, n);
  return `${prefix}-${n}`;
}

function pushBlock(
  state: State,
  ctx: WalkContext,
  kind: BlockKind,
  inline: InlineRun[],
  extra: Partial<Pick<Block, 'level' | 'cells' | 'lang' | 'text' | 'number'>> = {},
): void {
  const block: Block = {
    id: `b-${state.blocks.length + 1}`,
    kind,
    section: state.section,
    sectionTitle: state.sectionTitle,
    context: ctx.context,
    text: extra.text ?? inlineText(inline),
    inline,
  };
  if (extra.level !== undefined) block.level = extra.level;
  if (ctx.container !== undefined) block.container = ctx.container;
  if (kind === 'list-item') block.depth = ctx.depth;
  if (extra.cells !== undefined) block.cells = extra.cells;
  if (extra.lang !== undefined) block.lang = extra.lang;
  if (extra.number !== undefined) block.number = extra.number;
  state.blocks.push(block);
}

function walkBlocks(nodes: readonly Node[], ctx: WalkContext, state: State): void {
  let pending: Node[] = [];
  const flush = (): void => {
    const inline = normalizeInline(collectInline(pending, []));
    pending = [];
    if (inline.length > 0) pushBlock(state, ctx, ctx.quote ? 'quote' : 'paragraph', inline);
  };
  for (const node of nodes) {
    if (!isElement(node)) {
      if (node.type === 'text') pending.push(node);
      continue;
    }
    if (isSkipped(node)) continue;
    const tag = node.tagName;
    if (HEADINGS.has(tag)) {
      flush();
      const inline = normalizeInline(collectInline(node.children, []));
      const text = inlineText(inline);
      const idProp = node.properties['id'];
      state.section = typeof idProp === 'string' && idProp !== '' ? idProp : slugify(text);
      state.sectionTitle = text;
      pushBlock(state, ctx, 'heading', inline, { level: Number(tag.slice(1)) });
    } else if (tag === 'p') {
      flush();
      const inline = normalizeInline(collectInline(node.children, []));
      if (inline.length > 0) pushBlock(state, ctx, ctx.quote ? 'quote' : 'paragraph', inline);
    } else if (tag === 'ul' || tag === 'ol') {
      flush();
      const listCtx: WalkContext = {
        ...ctx,
        context: [...ctx.context, describe(node) ?? tag],
        container: nextId(state, tag),
        depth: ctx.depth + 1,
      };
      // Numbers as the browser counts them (HTML: the ol's start, a li's value resets the count).
      let next = tag === 'ol' ? integerProperty(node, 'start') ?? 1 : undefined;
      for (const li of node.children) {
        if (!isElement(li) || isSkipped(li)) continue;
        let number: number | undefined;
        if (next !== undefined && li.tagName === 'li') {
          number = integerProperty(li, 'value') ?? next;
          next = number + 1;
        }
        walkItem(li, listCtx, 'list-item', state, number);
      }
    } else if (tag === 'dl') {
      flush();
      const dlCtx: WalkContext = { ...ctx, context: [...ctx.context, describe(node) ?? tag], container: nextId(state, 'dl') };
      for (const item of node.children) {
        if (!isElement(item) || isSkipped(item)) continue;
        if (item.tagName === 'dt') walkItem(item, dlCtx, 'term', state);
        else if (item.tagName === 'dd') walkItem(item, dlCtx, 'definition', state);
        else walkBlocks([item], dlCtx, state);
      }
    } else if (tag === 'table') {
      flush();
      walkTable(node, ctx, state);
    } else if (tag === 'pre') {
      flush();
      const text = textContent(node).replace(/\n$/u, '');
      const lang = codeLanguage(node);
      const inline = text === '' ? [] : [{ text, marks: [] }];
      pushBlock(state, ctx, 'code', inline, lang === undefined ? {} : { lang });
    } else if (tag === 'blockquote') {
      flush();
      walkBlocks(node.children, { ...ctx, context: [...ctx.context, describe(node) ?? tag], quote: true }, state);
    } else if (tag === 'figcaption' || tag === 'caption') {
      flush();
      const inline = normalizeInline(collectInline(node.children, []));
      if (inline.length > 0) pushBlock(state, ctx, 'caption', inline);
    } else if (WRAPPERS.has(tag)) {
      flush();
      const d = describe(node);
      walkBlocks(node.children, d === undefined ? ctx : { ...ctx, context: [...ctx.context, d] }, state);
    } else {
      pending.push(node);
    }
  }
  flush();
}

// A list item (or dt/dd): its own text (inline content and paragraphs) is one block; nested lists,
// tables and code inside it follow as blocks of their own.
function walkItem(item: Element, ctx: WalkContext, kind: BlockKind, state: State, number?: number): void {
  if (item.tagName !== 'li' && kind === 'list-item') {
    walkBlocks([item], ctx, state);
    return;
  }
  const own: Node[] = [];
  const nested: Node[] = [];
  for (const child of item.children) {
    if (isElement(child) && !isSkipped(child) && child.tagName !== 'p' && isBlockTag(child.tagName)) nested.push(child);
    else if (isElement(child) && child.tagName === 'p') {
      // Loose lists wrap item text in <p>; paragraphs of one item read as one block, space-separated.
      own.push({ type: 'text', value: ' ' }, ...child.children, { type: 'text', value: ' ' });
    } else own.push(child);
  }
  const inline = normalizeInline(collectInline(own, []));
  if (inline.length > 0) pushBlock(state, ctx, kind, inline, number === undefined ? {} : { number });
  if (nested.length > 0) walkBlocks(nested, ctx, state);
}

function integerProperty(el: Element, name: string): number | undefined {
  const value = Number(el.properties[name]);
  return Number.isInteger(value) && el.properties[name] !== undefined && el.properties[name] !== '' ? value : undefined;
}

function isBlockTag(tag: string): boolean {
  return (
    HEADINGS.has(tag) ||
    WRAPPERS.has(tag) ||
    ['ul', 'ol', 'dl', 'table', 'pre', 'blockquote', 'figcaption'].includes(tag)
  );
}

function walkTable(table: Element, ctx: WalkContext, state: State): void {
  const tableCtx: WalkContext = {
    ...ctx,
    context: [...ctx.context, describe(table) ?? 'table'],
    container: nextId(state, 'table'),
  };
  const visit = (nodes: readonly ElementContent[]): void => {
    for (const node of nodes) {
      if (!isElement(node) || isSkipped(node)) continue;
      if (node.tagName === 'caption') {
        const inline = normalizeInline(collectInline(node.children, []));
        if (inline.length > 0) pushBlock(state, tableCtx, 'caption', inline);
      } else if (node.tagName === 'tr') {
        const cells: Cell[] = [];
        for (const cell of node.children) {
          if (!isElement(cell) || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
          const inline = normalizeInline(collectInline(cell.children, []));
          cells.push({ header: cell.tagName === 'th', text: inlineText(inline), inline });
        }
        if (cells.length > 0) {
          pushBlock(state, tableCtx, 'table-row', [], { cells, text: cells.map((c) => c.text).join(' | ') });
        }
      } else if (['thead', 'tbody', 'tfoot'].includes(node.tagName)) {
        visit(node.children);
      }
    }
  };
  visit(table.children);
}

// Inline content with marks. Block elements met here (a <div> inside a table cell) are read as inline.
function collectInline(nodes: readonly Node[], marks: readonly Mark[]): InlineRun[] {
  const runs: InlineRun[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      runs.push({ text: node.value, marks: [...marks] });
    } else if (isElement(node)) {
      if (isSkipped(node)) continue;
      const tag = node.tagName;
      if (tag === 'br') {
        runs.push({ text: ' ', marks: [...marks] });
        continue;
      }
      let inner = marks;
      const mark = MARKS[tag];
      if (mark !== undefined) inner = [...marks, mark];
      if (tag === 'a') {
        const href = node.properties['href'];
        if (typeof href === 'string') inner = [...marks, `a:${href}`];
      }
      // Block boundaries inside inline content still separate words.
      const boundary = isBlockTag(tag) || tag === 'p' || tag === 'li' || tag === 'td' || tag === 'th';
      if (boundary) runs.push({ text: ' ', marks: [] });
      runs.push(...collectInline(node.children, inner));
      if (boundary) runs.push({ text: ' ', marks: [] });
    }
  }
  return runs;
}

function textContent(node: Node): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((c) => textContent(c)).join('');
  return '';
}

function codeLanguage(pre: Element): string | undefined {
  const dataLang = pre.properties['dataLanguage'];
  if (typeof dataLang === 'string' && dataLang !== '') return dataLang;
  for (const el of [pre, ...pre.children.filter(isElement)]) {
    const lang = classesOf(el).find((c) => c.startsWith('language-'));
    if (lang !== undefined) return lang.slice('language-'.length);
  }
  return undefined;
}

// Fallback for headings without an id; GitHub-style slugs, good enough for section labels.
function slugify(text: string): string {
  return text
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s+/gu, '-');
}
