// Side by side: old version on the left, new on the right, one row per aligned block. Tables stay tables
// (one per side, rows aligned with empty placeholder rows). Pure: model in, HTML string out.
import type { Block, ChangeEntry, ChangeModel } from './model.ts';
import type { RenderOptions, ResolvedOptions, Segment } from './render-shared.ts';
import {
  anchorId,
  changedCells,
  delHtml,
  escapeHtml,
  formattingNote,
  hiddenText,
  insHtml,
  listType,
  moveHidden,
  moveNote,
  movedFromHtml,
  movedToHtml,
  plainCells,
  prependToFirstCell,
  renderOps,
  renderRuns,
  renumberedNote,
  resolveOptions,
  sectionId,
  segmentEntries,
  wrapBlock,
} from './render-shared.ts';

/** Options of renderSideBySide: the shared ones plus column headings. */
export interface SideBySideOptions extends RenderOptions {
  /** Heading of the left column. Default 'Old version'. */
  oldLabel?: string;
  /** Heading of the right column. Default 'New version'. */
  newLabel?: string;
  /**
   * URL of the new version's page. A collapsed unchanged stretch then links to its place there
   * (`<url>#<section id>`), where it reads in full.
   */
  newHref?: string;
}

type SideName = 'old' | 'new';

/** Render a change model side by side (HTML string, no scripts or inline styles). */
export function renderSideBySide(model: ChangeModel, options: SideBySideOptions = {}): string {
  const o = resolveOptions(options);
  const seen = new Set<string>();
  const head =
    `<div class="rl-sbs-row rl-sbs-head"><div class="rl-side rl-old">${escapeHtml(options.oldLabel ?? 'Old version')}</div>` +
    `<div class="rl-side rl-new">${escapeHtml(options.newLabel ?? 'New version')}</div></div>`;
  const body = segmentEntries(model.entries, o).map((s) => renderSegment(o, s, seen, options)).join('');
  return `<div class="rl-redline rl-side-by-side">${head}${body}</div>`;
}

function renderSegment(o: ResolvedOptions, seg: Segment, seen: Set<string>, options: SideBySideOptions): string {
  switch (seg.kind) {
    case 'single':
    case 'list': {
      const entries = seg.kind === 'single' ? [seg.entry] : seg.entries;
      return entries.map((e) => renderRow(o, e, seen)).join('');
    }
    case 'table':
      return renderTable(o, seg.entries, seen);
    case 'collapsed':
      return collapsedRow(o, seg.entries, options);
  }
}

/**
 * A collapsed unchanged stretch, side by side: how many passages and where they read in full, not the text
 * itself. It is the same on both sides, so two columns of it would repeat, twice more, what the inline
 * view already holds (in a <details>); that was most of a compare page's bytes. The ids of the section
 * headings inside stay, on empty anchors, so that a table-of-contents link still lands here.
 */
function collapsedRow(o: ResolvedOptions, entries: readonly ChangeEntry[], options: SideBySideOptions): string {
  let anchors = '';
  let section = '';
  for (const e of entries) {
    if (e.type !== 'unchanged') continue;
    const id = sectionId(o, e.new);
    if (id !== undefined) anchors += `<span id="${escapeHtml(id)}"></span>`;
    if (section === '') section = e.new.section;
  }
  const where =
    options.newHref === undefined
      ? ''
      : ` or in the <a href="${escapeHtml(section === '' ? options.newHref : `${options.newHref}#${section}`)}">${escapeHtml(lowerFirst(options.newLabel ?? 'New version'))}</a>`;
  return (
    `<div class="rl-sbs-row rl-sbs-unchanged"><p class="rl-unchanged-note">${anchors}` +
    `${escapeHtml(o.unchangedLabel(entries.length))}, the same in both versions: read them in the inline redline${where}.</p></div>`
  );
}

function lowerFirst(text: string): string {
  return /^Version\b/u.test(text) ? `v${text.slice(1)}` : text;
}

function rowClass(e: ChangeEntry): string {
  return e.type === 'unchanged' ? 'rl-sbs-row' : `rl-sbs-row rl-change rl-${e.type === 'moved-from' || e.type === 'moved-to' ? `moved ${'rl-' + e.type}` : e.type}`;
}

function renderRow(o: ResolvedOptions, e: ChangeEntry, seen: Set<string>): string {
  const ownId = e.type === 'unchanged' ? sectionId(o, e.new) : anchorId(o, e.anchor);
  const id = ownId === undefined ? '' : ` id="${escapeHtml(ownId)}"`;
  const oldHtml = sideHtml(o, e, 'old', seen);
  const newHtml = sideHtml(o, e, 'new', seen);
  const cell = (side: SideName, html: string): string =>
    `<div class="rl-side rl-${side}${html === '' ? ' rl-empty' : ''}">${html}</div>`;
  return `<div class="${rowClass(e)}"${id}>${cell('old', oldHtml)}${cell('new', newHtml)}</div>`;
}

// A list item rendered alone still needs a list around it to be valid HTML.
function standalone(o: ResolvedOptions, block: Block, inner: string): string {
  const html = wrapBlock(o, block, inner, '');
  if (block.kind !== 'list-item') return html;
  const tag = listType(block) ? 'ol' : 'ul';
  return `<${tag} class="rl-list">${html}</${tag}>`;
}

function sideHtml(o: ResolvedOptions, e: ChangeEntry, side: SideName, seen: Set<string>): string {
  switch (e.type) {
    case 'unchanged':
      return standalone(o, side === 'old' ? e.old : e.new, (side === 'new' ? renumberedNote(e.old, e.new) : '') + renderRuns((side === 'old' ? e.old : e.new).inline));
    case 'added':
      return side === 'new' ? standalone(o, e.new, insHtml(o, renderRuns(e.new.inline))) : '';
    case 'removed':
      return side === 'old' ? standalone(o, e.old, delHtml(o, renderRuns(e.old.inline))) : '';
    case 'changed':
      return standalone(o, side === 'old' ? e.old : e.new, formattingNote(o, e.edit) + (side === 'new' ? renumberedNote(e.old, e.new) : '') + renderOps(o, e.edit.ops, side));
    case 'moved-from':
      return side === 'old' ? standalone(o, e.old, movedFromHtml(o, e, seen)) : '';
    case 'moved-to':
      return side === 'new' ? standalone(o, e.new, movedToHtml(o, e, seen)) : '';
  }
}

function tableRow(o: ResolvedOptions, e: ChangeEntry, side: SideName, seen: Set<string>, width: number): string {
  const placeholder = `<tr class="rl-placeholder" aria-hidden="true"><td colspan="${width}"></td></tr>`;
  const cls = rowClass(e).replace('rl-sbs-row', 'rl-row');
  const idFor = (owner: SideName): string => (e.type !== 'unchanged' && owner === side ? ` id="${escapeHtml(anchorId(o, e.anchor))}"` : '');
  switch (e.type) {
    case 'unchanged':
      return `<tr class="${cls}">${plainCells(side === 'old' ? e.old : e.new, (h) => h)}</tr>`;
    case 'added':
      return side === 'new' ? `<tr class="${cls}"${idFor('new')}>${plainCells(e.new, (h) => insHtml(o, h))}</tr>` : placeholder;
    case 'removed':
      return side === 'old' ? `<tr class="${cls}"${idFor('old')}>${plainCells(e.old, (h) => delHtml(o, h))}</tr>` : placeholder;
    case 'changed':
      return `<tr class="${cls}"${idFor('new')}>${changedCells(o, e.edit.cells ?? [], side)}</tr>`;
    case 'moved-from': {
      if (side !== 'old') return placeholder;
      const link = moveNote(o, e, seen);
      const note = link + moveHidden(o, e, link !== '');
      return `<tr class="${cls}"${idFor('old')}>${prependToFirstCell(plainCells(e.old, (h) => `<del class="rl-moved-text">${h}</del>`), note + hiddenText(o, ']'))}</tr>`;
    }
    case 'moved-to': {
      if (side !== 'new') return placeholder;
      const link = moveNote(o, e, seen);
      const note = link + moveHidden(o, e, link !== '');
      return `<tr class="${cls}"${idFor('new')}>${prependToFirstCell(changedCells(o, e.edit.cells ?? [], 'both'), note + hiddenText(o, ']'))}</tr>`;
    }
  }
}

// Anchors go on the side where the change is seen (new side, or old side for removals), so each
// anchor id appears exactly once in the page.
function renderTable(o: ResolvedOptions, entries: readonly ChangeEntry[], seen: Set<string>): string {
  const width = Math.max(1, ...entries.flatMap((e) => [('old' in e ? e.old.cells?.length : 0) ?? 0, ('new' in e ? e.new.cells?.length : 0) ?? 0]));
  const table = (side: SideName): string =>
    `<table class="rl-table"><tbody>${entries.map((e) => tableRow(o, e, side, seen, width)).join('')}</tbody></table>`;
  return `<div class="rl-sbs-row rl-sbs-table"><div class="rl-side rl-old">${table('old')}</div><div class="rl-side rl-new">${table('new')}</div></div>`;
}
