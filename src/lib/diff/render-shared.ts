// Pieces shared by the inline and side-by-side renderers: escaping, tokens with marks, word ops with
// <ins>/<del>, the visually hidden words, and grouping of entries into lists, tables and collapsed runs.
import type { Block, BlockEdit, Cell, CellChange, ChangeEntry, InlineOp, InlineRun, Mark, MovedFromEntry, MovedToEntry, Token } from './model.ts';

/** Options shared by the renderers. */
export interface RenderOptions {
  /** Collapse runs of at least this many unchanged blocks into <details>; 0 disables. Default 3. */
  collapseUnchanged?: number;
  /** Class of visually hidden text (screen readers only). Default 'visually-hidden'. */
  hiddenClass?: string;
  /** Added to each heading level (clamped to 6), so document h1/h2 fit under the page's own h1. */
  headingOffset?: number;
  /** Label of a collapsed run. Default `${n} unchanged paragraphs`. */
  unchangedLabel?: (count: number) => string;
  /**
   * Prefix of every id the renderer emits and of its in-page links (`change-N`, `section-<id>`), so that
   * two renderings of one model (inline and side by side) can share a page without duplicate ids. Default ''.
   */
  idPrefix?: string;
  /** Give each heading that is not itself a change the id `section-<section id>`, for a table of contents. Default false. */
  sectionIds?: boolean;
}

/** Options with defaults filled in. */
export interface ResolvedOptions {
  collapseUnchanged: number;
  hidden: string;
  headingOffset: number;
  unchangedLabel: (count: number) => string;
  idPrefix: string;
  sectionIds: boolean;
}

/** Fill in the defaults of RenderOptions. */
export function resolveOptions(options: RenderOptions = {}): ResolvedOptions {
  return {
    collapseUnchanged: options.collapseUnchanged ?? 3,
    hidden: options.hiddenClass ?? 'visually-hidden',
    headingOffset: options.headingOffset ?? 0,
    unchangedLabel: options.unchangedLabel ?? ((n) => `${n} unchanged paragraphs`),
    idPrefix: options.idPrefix ?? '',
    sectionIds: options.sectionIds ?? false,
  };
}

/** The id a rendering gives to `anchor` (a change anchor), with the idPrefix. */
export function anchorId(o: ResolvedOptions, anchor: string): string {
  return `${o.idPrefix}${anchor}`;
}

/** The id of an unchanged heading when sectionIds is on, else undefined. */
export function sectionId(o: ResolvedOptions, block: Block): string | undefined {
  return o.sectionIds && block.kind === 'heading' && block.section !== '' ? `${o.idPrefix}section-${block.section}` : undefined;
}

/** Escape text for HTML content and attribute values: text that looks like HTML stays text. */
export function escapeHtml(text: string): string {
  // Most text has nothing to escape: one test instead of five replaces (a compare page escapes every word).
  return HTML_SPECIAL.test(text) ? text.replace(HTML_SPECIALS, (c) => HTML_ESCAPES[c] ?? c) : text;
}

const HTML_SPECIAL = /[&<>"']/u;
const HTML_SPECIALS = /[&<>"']/gu;
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// Links in a redline stay links, but only to schemes that cannot run script.
function safeHref(href: string): string | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*):/iu.exec(href.trim());
  if (scheme === null) return href;
  return ['http', 'https', 'mailto', 'tel'].includes((scheme[1] ?? '').toLowerCase()) ? href : undefined;
}

const MARK_TAGS: Record<string, string> = { strong: 'strong', em: 'em', code: 'code', s: 's', u: 'u', mark: 'mark', sub: 'sub', sup: 'sup' };

function wrapMarks(html: string, marks: readonly Mark[]): string {
  let out = html;
  // Innermost first; links outermost so that an emphasised word inside a link stays one link.
  for (const mark of [...marks].sort((a, b) => Number(a.startsWith('a:')) - Number(b.startsWith('a:')))) {
    if (mark.startsWith('a:')) {
      const href = safeHref(mark.slice(2));
      out = href === undefined ? `<span class="rl-link">${out}</span>` : `<a href="${escapeHtml(href)}">${out}</a>`;
    } else {
      const tag = MARK_TAGS[mark];
      if (tag !== undefined) out = `<${tag}>${out}</${tag}>`;
    }
  }
  return out;
}

/** Tokens as HTML: consecutive tokens with the same marks share one set of tags. */
export function renderTokens(tokens: readonly Token[]): string {
  let out = '';
  let k = 0;
  while (k < tokens.length) {
    const marks = (tokens[k] as Token).marks;
    const key = marks.join('\u0001');
    let text = (tokens[k] as Token).text;
    let pre = (tokens[k] as Token).pre;
    k++;
    while (k < tokens.length && (tokens[k] as Token).marks.join('\u0001') === key) {
      text += (tokens[k] as Token).pre + (tokens[k] as Token).text;
      k++;
    }
    // Whitespace before a formatted run stays outside its tags, as in the source.
    out += escapeHtml(pre) + (text === '' ? '' : wrapMarks(escapeHtml(text), marks));
    pre = '';
  }
  return out;
}

/**
 * Inline runs as HTML (for blocks shown whole: unchanged, added, removed), memoised per runs array: those are a
 * block's or a cell's, never changed after extraction, and a build shows each version's blocks on several
 * compare pages (against its neighbours and the version in force), in both views.
 */
export function renderRuns(runs: readonly InlineRun[]): string {
  let html = runsHtmlMemo.get(runs);
  if (html === undefined) {
    html = '';
    for (const r of runs) html += wrapMarks(escapeHtml(r.text), r.marks);
    runsHtmlMemo.set(runs, html);
  }
  return html;
}

const runsHtmlMemo = new WeakMap<readonly InlineRun[], string>();

/** A span of screen-reader-only text. */
export function hiddenText(o: ResolvedOptions, text: string): string {
  return `<span class="${o.hidden}">${escapeHtml(text)}</span>`;
}

/** Wrap HTML as an insertion, with the words "inserted"/"end inserted" for screen readers. */
export function insHtml(o: ResolvedOptions, html: string, extraClass = ''): string {
  if (html === '') return '';
  const cls = extraClass === '' ? 'rl-ins' : `rl-ins ${extraClass}`;
  return `<ins class="${cls}">${hiddenText(o, '[inserted: ')}${html}${hiddenText(o, ']')}</ins>`;
}

/** Wrap HTML as a deletion, with the words "deleted"/"end deleted" for screen readers. */
export function delHtml(o: ResolvedOptions, html: string, extraClass = ''): string {
  if (html === '') return '';
  const cls = extraClass === '' ? 'rl-del' : `rl-del ${extraClass}`;
  return `<del class="${cls}">${hiddenText(o, '[deleted: ')}${html}${hiddenText(o, ']')}</del>`;
}

/**
 * Word ops as HTML. 'both' shows deletions and insertions (inline redline); 'old' and 'new' show one
 * side (side by side), keeping that side's changes marked.
 */
export function renderOps(o: ResolvedOptions, ops: readonly InlineOp[], side: 'both' | 'old' | 'new'): string {
  // Frozen ops are the diff engine's memoised word diffs (diff-blocks.ts), shared by every comparison that
  // meets the same edit, so their HTML is memoised too; it depends on them, the side and the hidden class only.
  if (!Object.isFrozen(ops)) return opsHtml(o, ops, side);
  let bySide = opsHtmlMemo.get(ops);
  if (bySide === undefined) {
    bySide = new Map();
    opsHtmlMemo.set(ops, bySide);
  }
  const key = `${side}\u0000${o.hidden}`;
  let html = bySide.get(key);
  if (html === undefined) {
    html = opsHtml(o, ops, side);
    bySide.set(key, html);
  }
  return html;
}

const opsHtmlMemo = new WeakMap<readonly InlineOp[], Map<string, string>>();

function opsHtml(o: ResolvedOptions, ops: readonly InlineOp[], side: 'both' | 'old' | 'new'): string {
  let out = '';
  let afterDelete = false;
  for (const op of ops) {
    // Keep a replaced word visibly apart from its replacement: "<del>Cookies</del> <ins>Tracking</ins>".
    if (op.op === 'insert' && afterDelete && side === 'both' && op.tokens[0]?.pre === '') out += ' ';
    afterDelete = op.op === 'delete';
    if (op.op === 'equal') out += renderTokens(op.tokens);
    else if (op.op === 'format') out += formatHtml(o, op, side);
    else if (op.op === 'delete' && side !== 'new') out += outside(op.tokens, (t) => delHtml(o, renderTokens(t)));
    else if (op.op === 'insert' && side !== 'old') out += outside(op.tokens, (t) => insHtml(o, renderTokens(t)));
  }
  return out;
}

/** The link targets of tokens, in order, without repeats (`a:<href>` marks). */
export function linkTargets(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) for (const m of t.marks) if (m.startsWith('a:') && !out.includes(m.slice(2))) out.push(m.slice(2));
  return out;
}

/**
 * What a link change says in words, e.g. "link changed: /a/ → /b/", or undefined when the links are the same.
 * Shown as text, not only as an attribute: a reader, a printout and a screen reader all need the targets.
 */
export function linkChangeText(oldTokens: readonly Token[], newTokens: readonly Token[]): string | undefined {
  const before = linkTargets(oldTokens).join(', ');
  const after = linkTargets(newTokens).join(', ');
  if (before === after) return undefined;
  if (before === '') return `link added: ${after}`;
  if (after === '') return `link removed: ${before}`;
  return `link changed: ${before} → ${after}`;
}

// Same words, other marks: the words as the side has them, marked as reformatted (class rl-format). A
// changed link target is written out after the words ("link changed: old → new", class rl-link-note) on
// the new side and inline; other formatting is named for screen readers.
function formatHtml(o: ResolvedOptions, op: InlineOp, side: 'both' | 'old' | 'new'): string {
  const oldTokens = op.old ?? op.tokens;
  const tokens = side === 'old' ? oldTokens : op.tokens;
  const link = linkChangeText(oldTokens, op.tokens);
  const lead = escapeHtml(tokens[0]?.pre ?? '');
  const words = renderTokens([{ ...(tokens[0] as Token), pre: '' }, ...tokens.slice(1)]);
  if (link === undefined) {
    return `${lead}<span class="rl-format">${hiddenText(o, '[formatting changed: ')}${words}${hiddenText(o, ']')}</span>`;
  }
  if (side === 'old') return `${lead}<span class="rl-format rl-link-changed">${words}${hiddenText(o, ` [${link}]`)}</span>`;
  return `${lead}<span class="rl-format rl-link-changed">${words}</span> <span class="rl-link-note">(${escapeHtml(link)})</span>`;
}

// The space before a changed word is not part of the change: "after <del>ninety</del> <ins>thirty</ins>"
// reads better than a struck-through space.
function outside(tokens: readonly Token[], wrap: (tokens: Token[]) => string): string {
  const first = tokens[0];
  if (first === undefined || first.pre === '') return wrap([...tokens]);
  return escapeHtml(first.pre) + wrap([{ ...first, pre: '' }, ...tokens.slice(1)]);
}

/** Tag and class of the element a block renders as (rows and list items are handled by callers). */
export function blockTag(o: ResolvedOptions, block: Block): { tag: string; cls: string } {
  switch (block.kind) {
    case 'heading':
      return { tag: `h${Math.min(6, (block.level ?? 2) + o.headingOffset)}`, cls: 'rl-heading' };
    case 'code':
      return { tag: 'pre', cls: 'rl-code' };
    case 'quote':
      return { tag: 'blockquote', cls: 'rl-quote' };
    case 'list-item':
      return { tag: 'li', cls: `rl-item rl-depth-${block.depth ?? 1}` };
    default:
      return { tag: 'p', cls: `rl-${block.kind}` };
  }
}

/** Open and close tags of a block around inner HTML (code goes in pre > code). */
export function wrapBlock(o: ResolvedOptions, block: Block, inner: string, cls: string, id?: string, attrs = ''): string {
  const { tag, cls: base } = blockTag(o, block);
  const idAttr = id === undefined || id === '' ? '' : ` id="${escapeHtml(id)}"`;
  const classes = cls === '' ? base : `${base} ${cls}`;
  const context = block.context.find((c) => !['ol', 'ul', 'table', 'blockquote'].includes(c.split('.')[0] ?? ''));
  const data = context === undefined ? '' : ` data-context="${escapeHtml(context)}"`;
  const content = block.kind === 'code' ? `<code>${inner}</code>` : inner;
  // Each item keeps the number it has in its version: an inline redline holds items of both versions in
  // one list, and side by side each item stands in a list of its own, so the browser's count would be wrong.
  const value = block.kind === 'list-item' && block.number !== undefined ? ` value="${block.number}"` : '';
  return `<${tag} class="${classes}"${idAttr}${data}${value}${attrs}>${content}</${tag}>`;
}

/** "renumbered from 4" (class rl-renumbered) on a numbered item whose number changed, else ''. */
export function renumberedNote(oldBlock: Block, newBlock: Block): string {
  if (oldBlock.number === undefined || newBlock.number === undefined || oldBlock.number === newBlock.number) return '';
  return `<span class="rl-renumbered">renumbered from ${oldBlock.number}</span> `;
}

/**
 * A cell's start tag, with `attributes` (` class="..."`). Header cells get a scope (WCAG technique H63): legal
 * tables put their headers in the first row, so `col`.
 */
export function cellStart(cell: Cell, attributes = ''): string {
  return cell.header ? `<th scope="col"${attributes}>` : `<td${attributes}>`;
}

/** A cell's end tag. */
export function cellEnd(cell: Cell): string {
  return cell.header ? '</th>' : '</td>';
}

/** A run of entries rendered together: one entry, a list, a table, or a collapsed unchanged run. */
export type Segment =
  | { kind: 'single'; entry: ChangeEntry }
  | { kind: 'list'; ordered: boolean; entries: ChangeEntry[] }
  | { kind: 'table'; entries: ChangeEntry[] }
  | { kind: 'collapsed'; entries: ChangeEntry[] };

function sideBlock(e: ChangeEntry): Block {
  return e.type === 'removed' || e.type === 'moved-from' ? e.old : e.new;
}

/** Whether a list item's nearest list is ordered (`<ol>`). */
export function listType(block: Block): boolean {
  const list = [...block.context].reverse().find((c) => c.startsWith('ol') || c.startsWith('ul'));
  return list !== undefined && list.startsWith('ol');
}

/**
 * The headings a reader needs above the changes: for each change, the heading of its section and the headings
 * that section sits under (an h2 over an h3). Unchanged, they still stay out of collapsed stretches, so no
 * change reads without the name of its section.
 */
export function headingsOverChanges(entries: readonly ChangeEntry[]): Set<ChangeEntry> {
  const kept = new Set<ChangeEntry>();
  const open: Array<{ entry: ChangeEntry; level: number }> = [];
  for (const e of entries) {
    const block = sideBlock(e);
    if (block.kind === 'heading') {
      const level = block.level ?? 2;
      while ((open.at(-1)?.level ?? 0) >= level) open.pop();
      open.push({ entry: e, level });
    }
    if (e.type !== 'unchanged') for (const h of open) kept.add(h.entry);
  }
  return kept;
}

/**
 * Group entries for rendering: unchanged runs of collapseUnchanged+ blocks collapse; consecutive list
 * items form one list and consecutive table rows one table (a new list or table starts when either
 * side's container changes).
 */
export function segmentEntries(entries: readonly ChangeEntry[], o: ResolvedOptions): Segment[] {
  // Rows and items of a table or list that has a change stay visible (a header row is context), so a
  // collapsed run never cuts a changed table or list in two.
  const changedContainers = new Set<string>();
  for (const e of entries) {
    if (e.type === 'unchanged') continue;
    if ('old' in e && e.old.container !== undefined) changedContainers.add(`o:${e.old.container}`);
    if ('new' in e && e.new.container !== undefined) changedContainers.add(`n:${e.new.container}`);
  }
  const headings = headingsOverChanges(entries);
  const collapsible = (e: ChangeEntry): boolean =>
    e.type === 'unchanged' &&
    !headings.has(e) &&
    !changedContainers.has(`o:${e.old.container ?? ''}`) &&
    !changedContainers.has(`n:${e.new.container ?? ''}`);
  const raw: Segment[] = [];
  let k = 0;
  while (k < entries.length) {
    let end = k;
    while (end < entries.length && collapsible(entries[end] as ChangeEntry)) end++;
    if (o.collapseUnchanged > 0 && end - k >= o.collapseUnchanged) {
      raw.push({ kind: 'collapsed', entries: entries.slice(k, end) });
      k = end;
      continue;
    }
    const stop = end === k ? k + 1 : end;
    for (; k < stop; k++) raw.push({ kind: 'single', entry: entries[k] as ChangeEntry });
  }
  const out: Segment[] = [];
  let lastOld: string | undefined;
  let lastNew: string | undefined;
  for (const seg of raw) {
    if (seg.kind !== 'single') {
      out.push(seg);
      continue;
    }
    const e = seg.entry;
    const block = sideBlock(e);
    const kind = block.kind === 'table-row' ? 'table' : block.kind === 'list-item' ? 'list' : undefined;
    if (kind === undefined) {
      out.push(seg);
      continue;
    }
    const oldC = 'old' in e ? e.old.container : undefined;
    const newC = 'new' in e ? e.new.container : undefined;
    const prev = out.at(-1);
    const continues =
      prev !== undefined &&
      prev.kind === kind &&
      (oldC === undefined || lastOld === undefined || oldC === lastOld) &&
      (newC === undefined || lastNew === undefined || newC === lastNew) &&
      (prev.kind !== 'list' || prev.ordered === listType(block));
    if (continues && (prev.kind === 'list' || prev.kind === 'table')) prev.entries.push(e);
    else {
      out.push(kind === 'table' ? { kind, entries: [e] } : { kind, ordered: listType(block), entries: [e] });
      lastOld = undefined;
      lastNew = undefined;
    }
    if (oldC !== undefined) lastOld = oldC;
    if (newC !== undefined) lastNew = newC;
  }
  return out;
}

/** `text` with its first letter in lower case, for a label inside a sentence. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The one name of the text before the first heading, wherever a section is named (labels, summary). */
export const OPENING_TEXT = 'Opening text';

/** A section's name: its heading's text, else its id, else the opening text. */
export function sectionName(title: string, id: string): string {
  return title !== '' ? title : id !== '' ? id : OPENING_TEXT;
}

/** A section as move labels name it, e.g. "§ Retention", or "the opening text". */
export function sectionLabel(title: string, id: string): string {
  return title === '' && id === '' ? `the ${lowerFirst(OPENING_TEXT)}` : `§ ${sectionName(title, id)}`;
}

/**
 * What a move label says, from the side the entry is on: "Moved down within § Retention", "Moved to § Sharing",
 * "Moved from § Sharing", "Moved up to after § Introduction" (a whole section), "Moved down from the start".
 */
export function moveLabel(e: MovedFromEntry | MovedToEntry): string {
  const place = e.type === 'moved-from' ? e.to : e.from;
  const where = sectionLabel(place.sectionTitle, place.section);
  const toOrFrom = e.type === 'moved-from' ? 'to' : 'from';
  switch (place.kind) {
    case 'within':
      return `Moved ${place.direction} within ${where}`;
    case 'into':
      return `Moved ${toOrFrom} ${where}`;
    case 'after':
      return place.section === '' && place.sectionTitle === ''
        ? `Moved ${place.direction} ${toOrFrom} the start`
        : `Moved ${place.direction} ${toOrFrom} after ${where}`;
  }
}

// Pieces both renderers (inline and side by side) write the same way.

/**
 * The visible move label, a link to the passage's other place, on the first block of each move group. It is
 * an ordinary link: reachable by keyboard and read by screen readers, so the blocks it heads need not repeat it.
 */
export function moveNote(o: ResolvedOptions, e: MovedFromEntry | MovedToEntry, seen: Set<string>): string {
  const key = `${e.type}:${e.moveId}`;
  if (seen.has(key)) return '';
  seen.add(key);
  return `<a class="rl-move-link" href="#${escapeHtml(anchorId(o, e.pairAnchor))}">${escapeHtml(moveLabel(e))}</a> `;
}

/**
 * Screen-reader words opening a moved block: the move in words, or, right after a move link that said it,
 * only that the text is moved text.
 */
export function moveHidden(o: ResolvedOptions, e: MovedFromEntry | MovedToEntry, afterNote = false): string {
  return hiddenText(o, afterNote ? '[moved text: ' : `[${lowerFirst(moveLabel(e))}: `);
}

/** The content of a block moved away: its old text, struck through, after the move note. */
export function movedFromHtml(o: ResolvedOptions, e: MovedFromEntry, seen: Set<string>): string {
  const note = moveNote(o, e, seen);
  return `${note}<del class="rl-moved-text">${moveHidden(o, e, note !== '')}${renderRuns(e.old.inline)}${hiddenText(o, ']')}</del>`;
}

/** The content of a block moved here: its text with its own edits, after the move note. */
export function movedToHtml(o: ResolvedOptions, e: MovedToEntry, seen: Set<string>): string {
  const note = moveNote(o, e, seen);
  return `${note}<span class="rl-moved-text">${moveHidden(o, e, note !== '')}${renderOps(o, e.edit.ops, 'both')}${hiddenText(o, ']')}</span>`;
}

/** The "Formatting changed" note of an edit whose words stayed but whose markup changed; empty otherwise. */
export function formattingNote(o: ResolvedOptions, edit: BlockEdit): string {
  return edit.contextChanged ? `${hiddenText(o, '[formatting changed] ')}<span class="rl-note" aria-hidden="true">Formatting changed</span> ` : '';
}

/** A table row's cells, each cell's text passed through `wrap`. */
export function plainCells(block: Block, wrap: (html: string) => string): string {
  return (block.cells ?? []).map((c) => `${cellStart(c)}${wrap(renderRuns(c.inline))}${cellEnd(c)}`).join('');
}

/** `html` placed at the start of the first cell of `cells` (a row's cells as HTML). */
export function prependToFirstCell(cells: string, html: string): string {
  return cells.replace(/^(<t[hd][^>]*>)/u, (open) => open + html);
}

/** Cells of a changed row, each marked with how it changed. */
export function changedCells(o: ResolvedOptions, cells: readonly CellChange[], side: 'both' | 'old' | 'new'): string {
  let out = '';
  for (const c of cells) {
    if (c.type === 'unchanged') out += `${cellStart(c.cell)}${renderRuns(c.cell.inline)}${cellEnd(c.cell)}`;
    else if (c.type === 'added') {
      // A column added to the whole table says so once, in its header cell; its other cells are marked as inserted.
      const note = c.column === true && c.cell.header ? '<span class="rl-note">Column added</span> ' : '';
      const cls = c.column === true ? 'rl-cell-added rl-col-added' : 'rl-cell-added';
      if (side !== 'old') out += `${cellStart(c.cell, ` class="${cls}"`)}${note}${insHtml(o, renderRuns(c.cell.inline))}${cellEnd(c.cell)}`;
    } else if (c.type === 'removed') {
      const note = c.column === true && c.cell.header ? '<span class="rl-note">Column removed</span> ' : '';
      const cls = c.column === true ? 'rl-cell-removed rl-col-removed' : 'rl-cell-removed';
      if (side !== 'new') out += `${cellStart(c.cell, ` class="${cls}"`)}${note}${delHtml(o, renderRuns(c.cell.inline))}${cellEnd(c.cell)}`;
    } else {
      const cell = side === 'old' ? c.old : c.new;
      out += `${cellStart(cell, ' class="rl-cell-changed"')}${renderOps(o, c.ops, side)}${cellEnd(cell)}`;
    }
  }
  return out;
}
