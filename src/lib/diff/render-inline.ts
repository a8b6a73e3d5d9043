// Inline redline: one column, deletions struck through and insertions underlined in place, as a lawyer
// marks up a contract. Pure: the change model in, an HTML string out (all text escaped).
import type { ChangeEntry, ChangeModel, MovedFromEntry, MovedToEntry } from './model.ts';
import type { RenderOptions, ResolvedOptions, Segment } from './render-shared.ts';
import {
  anchorId,
  changedCells,
  delHtml,
  escapeHtml,
  formattingNote,
  hiddenText,
  insHtml,
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
  lowerFirst,
  moveLabel,
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

function moveAttrs(o: ResolvedOptions, e: MovedFromEntry | MovedToEntry): string {
  return ` data-move="${escapeHtml(e.moveId)}" data-pair="${escapeHtml(anchorId(o, e.pairAnchor))}"`;
}

function renderEntry(o: ResolvedOptions, e: ChangeEntry, seen: Set<string>): string {
  switch (e.type) {
    case 'unchanged':
      return wrapBlock(o, e.new, renumberedNote(e.old, e.new) + renderRuns(e.new.inline), '', sectionId(o, e.new));
    case 'added':
      return wrapBlock(o, e.new, insHtml(o, renderRuns(e.new.inline)), 'rl-change rl-added', anchorId(o, e.anchor));
    case 'removed':
      return wrapBlock(o, e.old, delHtml(o, renderRuns(e.old.inline)), 'rl-change rl-removed', anchorId(o, e.anchor));
    case 'changed': {
      const cls = `rl-change rl-changed${e.edit.replaced ? ' rl-replaced' : ''}`;
      return wrapBlock(o, e.new, formattingNote(o, e.edit) + renumberedNote(e.old, e.new) + renderOps(o, e.edit.ops, 'both'), cls, anchorId(o, e.anchor));
    }
    case 'moved-from':
      return wrapBlock(o, e.old, movedFromHtml(o, e, seen), 'rl-change rl-moved rl-moved-from', anchorId(o, e.anchor), moveAttrs(o, e));
    case 'moved-to':
      return wrapBlock(o, e.new, movedToHtml(o, e, seen), 'rl-change rl-moved rl-moved-to', anchorId(o, e.anchor), moveAttrs(o, e));
  }
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
        return `${note}<del class="rl-moved-text">${moveHidden(o, e, note !== '')}${h}${hiddenText(o, ']')}</del>`;
      });
      return tr('rl-row rl-change rl-moved rl-moved-from', anchorId(o, e.anchor), cells, moveAttrs(o, e));
    }
    case 'moved-to': {
      // The row's own words are marked cell by cell; the move is announced once, in the first cell.
      const link = moveNote(o, e, seen);
      const note = link === '' ? hiddenText(o, `[${lowerFirst(moveLabel(e))}] `) : link;
      const cells = prependToFirstCell(changedCells(o, e.edit.cells ?? [], 'both'), note);
      return tr('rl-row rl-change rl-moved rl-moved-to', anchorId(o, e.anchor), cells, moveAttrs(o, e));
    }
  }
}
