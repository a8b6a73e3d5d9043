// Inline redline: one column, deletions struck through and insertions underlined in place, as a lawyer
// marks up a contract. Pure: the change model in, an HTML string out (all text escaped).
import type { Block, CellChange, ChangeEntry, ChangeModel, MovedFromEntry, MovedToEntry } from './model.ts';
import type { RenderOptions, ResolvedOptions, Segment } from './render-shared.ts';
import {
  anchorId,
  cellEnd,
  cellStart,
  delHtml,
  escapeHtml,
  hiddenText,
  insHtml,
  renderOps,
  renderRuns,
  resolveOptions,
  sectionId,
  sectionLabel,
  segmentEntries,
  wrapBlock,
} from './render-shared.ts';

/** Render a change model as an inline redline (HTML string, no scripts or inline styles). */
export function renderInlineRedline(model: ChangeModel, options?: RenderOptions): string {
  const o = resolveOptions(options);
  const seen = new Set<string>();
  const body = segmentEntries(model.entries, o).map((s) => renderSegment(o, s, seen)).join('');
  return `<div class="rl-redline rl-inline">${body}</div>`;
}

function renderSegment(o: ResolvedOptions, seg: Segment, seen: Set<string>): string {
  switch (seg.kind) {
    case 'single':
      return renderEntry(o, seg.entry, seen);
    case 'list': {
      const tag = seg.ordered ? 'ol' : 'ul';
      return `<${tag} class="rl-list">${seg.entries.map((e) => renderEntry(o, e, seen)).join('')}</${tag}>`;
    }
    case 'table':
      return `<table class="rl-table"><tbody>${seg.entries.map((e) => renderRow(o, e, seen)).join('')}</tbody></table>`;
    case 'collapsed': {
      // Re-segmented without collapsing, so lists and tables inside stay lists and tables.
      const inner = segmentEntries(seg.entries, { ...o, collapseUnchanged: 0 }).map((s) => renderSegment(o, s, seen)).join('');
      return `<details class="rl-unchanged"><summary>${escapeHtml(o.unchangedLabel(seg.entries.length))}</summary>${inner}</details>`;
    }
  }
}

/** The visible "Moved to/from § X" link, shown on the first block of each move group. */
export function moveNote(o: ResolvedOptions, e: MovedFromEntry | MovedToEntry, seen: Set<string>): string {
  const key = `${e.type}:${e.moveId}`;
  if (seen.has(key)) return '';
  seen.add(key);
  const text =
    e.type === 'moved-from'
      ? `Moved to ${sectionLabel(e.toSectionTitle, e.toSection)}`
      : `Moved from ${sectionLabel(e.fromSectionTitle, e.fromSection)}`;
  // aria-hidden: screen readers get the same words from the hidden text inside the block; tabindex -1
  // because a hidden element must not take focus (keyboard users have next/previous change instead).
  return `<a class="rl-move-link" href="#${escapeHtml(anchorId(o, e.pairAnchor))}" aria-hidden="true" tabindex="-1">${escapeHtml(text)}</a> `;
}

/** Screen-reader words opening a moved block. */
export function moveHidden(o: ResolvedOptions, e: MovedFromEntry | MovedToEntry): string {
  return e.type === 'moved-from'
    ? hiddenText(o, `[moved to ${sectionLabel(e.toSectionTitle, e.toSection)}: `)
    : hiddenText(o, `[moved from ${sectionLabel(e.fromSectionTitle, e.fromSection)}: `);
}

function moveAttrs(o: ResolvedOptions, e: MovedFromEntry | MovedToEntry): string {
  return ` data-move="${escapeHtml(e.moveId)}" data-pair="${escapeHtml(anchorId(o, e.pairAnchor))}"`;
}

function renderEntry(o: ResolvedOptions, e: ChangeEntry, seen: Set<string>): string {
  switch (e.type) {
    case 'unchanged':
      return wrapBlock(o, e.new, renderRuns(e.new.inline), '', sectionId(o, e.new));
    case 'added':
      return wrapBlock(o, e.new, insHtml(o, renderRuns(e.new.inline)), 'rl-change rl-added', anchorId(o, e.anchor));
    case 'removed':
      return wrapBlock(o, e.old, delHtml(o, renderRuns(e.old.inline)), 'rl-change rl-removed', anchorId(o, e.anchor));
    case 'changed': {
      const note = e.edit.contextChanged ? `${hiddenText(o, '[formatting changed] ')}<span class="rl-note" aria-hidden="true">Formatting changed</span> ` : '';
      const cls = `rl-change rl-changed${e.edit.replaced ? ' rl-replaced' : ''}`;
      return wrapBlock(o, e.new, note + renderOps(o, e.edit.ops, 'both'), cls, anchorId(o, e.anchor));
    }
    case 'moved-from': {
      const inner = `${moveNote(o, e, seen)}<del class="rl-moved-text">${moveHidden(o, e)}${renderRuns(e.old.inline)}${hiddenText(o, ']')}</del>`;
      return wrapBlock(o, e.old, inner, 'rl-change rl-moved rl-moved-from', anchorId(o, e.anchor), moveAttrs(o, e));
    }
    case 'moved-to': {
      const inner = `${moveNote(o, e, seen)}<span class="rl-moved-text">${moveHidden(o, e)}${renderOps(o, e.edit.ops, 'both')}${hiddenText(o, ']')}</span>`;
      return wrapBlock(o, e.new, inner, 'rl-change rl-moved rl-moved-to', anchorId(o, e.anchor), moveAttrs(o, e));
    }
  }
}

function plainCells(block: Block, wrap: (html: string) => string, cellClass = ''): string {
  const cls = cellClass === '' ? '' : ` class="${cellClass}"`;
  return (block.cells ?? []).map((c) => `${cellStart(c, cls)}${wrap(renderRuns(c.inline))}${cellEnd(c)}`).join('');
}

/** Cells of a changed row, each marked with how it changed. */
export function changedCells(o: ResolvedOptions, cells: readonly CellChange[], side: 'both' | 'old' | 'new'): string {
  let out = '';
  for (const c of cells) {
    if (c.type === 'unchanged') out += `${cellStart(c.cell)}${renderRuns(c.cell.inline)}${cellEnd(c.cell)}`;
    else if (c.type === 'added') {
      if (side !== 'old') out += `${cellStart(c.cell, ' class="rl-cell-added"')}${insHtml(o, renderRuns(c.cell.inline))}${cellEnd(c.cell)}`;
    } else if (c.type === 'removed') {
      if (side !== 'new') out += `${cellStart(c.cell, ' class="rl-cell-removed"')}${delHtml(o, renderRuns(c.cell.inline))}${cellEnd(c.cell)}`;
    } else {
      const cell = side === 'old' ? c.old : c.new;
      out += `${cellStart(cell, ' class="rl-cell-changed"')}${renderOps(o, c.ops, side)}${cellEnd(cell)}`;
    }
  }
  return out;
}

function tr(cls: string, id: string, cells: string, attrs = ''): string {
  const idAttr = id === '' ? '' : ` id="${escapeHtml(id)}"`;
  return `<tr class="${cls}"${idAttr}${attrs}>${cells}</tr>`;
}

function renderRow(o: ResolvedOptions, e: ChangeEntry, seen: Set<string>): string {
  switch (e.type) {
    case 'unchanged':
      return tr('rl-row', '', plainCells(e.new, (h) => h));
    case 'added':
      return tr('rl-row rl-change rl-added', anchorId(o, e.anchor), plainCells(e.new, (h) => insHtml(o, h)));
    case 'removed':
      return tr('rl-row rl-change rl-removed', anchorId(o, e.anchor), plainCells(e.old, (h) => delHtml(o, h)));
    case 'changed':
      return tr('rl-row rl-change rl-changed', anchorId(o, e.anchor), changedCells(o, e.edit.cells ?? [], 'both'));
    case 'moved-from': {
      let first = true;
      const cells = plainCells(e.old, (h) => {
        const note = first ? moveNote(o, e, seen) : '';
        first = false;
        return `${note}<del class="rl-moved-text">${moveHidden(o, e)}${h}${hiddenText(o, ']')}</del>`;
      });
      return tr('rl-row rl-change rl-moved rl-moved-from', anchorId(o, e.anchor), cells, moveAttrs(o, e));
    }
    case 'moved-to': {
      // The row's own words are marked cell by cell; the move is announced once, in the first cell.
      const note = moveNote(o, e, seen) + hiddenText(o, `[moved from ${sectionLabel(e.fromSectionTitle, e.fromSection)}] `);
      const cells = changedCells(o, e.edit.cells ?? [], 'both').replace(/^(<t[hd][^>]*>)/u, (open) => open + note);
      return tr('rl-row rl-change rl-moved rl-moved-to', anchorId(o, e.anchor), cells, moveAttrs(o, e));
    }
  }
}
