/**
 * Everything a compare page shows for one pair of versions, from their blocks: the change summary, the
 * table of contents with changed sections marked, and the inline and side-by-side redlines. Browser-safe
 * (it imports the engine's browser subset only), so a built compare page and a pair picked in the browser
 * (src/client/compare-picker.ts) get the same HTML from the same code.
 */
import { type Block, type ChangeCounts, type ChangeModel, type ChangeSummary, diffBlocks, renderInlineRedline, renderSideBySide, sectionName, summarizeChanges } from './browser.ts';
import { escapeHtml } from '../publish/feeds/escape.ts';
import type { TocEntry } from '../site/toc.ts';

/** Prefix of the side-by-side view's ids, so that both views can share one page (`sbs-change-3`). */
export const SIDE_BY_SIDE_ID_PREFIX = 'sbs-';

/** Column headings of the side-by-side view. */
export interface ComparisonLabels {
  /** e.g. "Version of 1 February 2025". */
  oldLabel: string;
  newLabel: string;
}

/** A pair of versions diffed, with what every view of it shares; its two redlines are rendered apart (renderInlineView, renderSideBySideView). */
export interface ComparedVersions {
  model: ChangeModel;
  summary: ChangeSummary;
  /** Table of contents of the sections (h2, h3), linking into the inline view; empty with fewer than `minHeadings`. */
  toc: TocEntry[];
  /** `slug`s of `toc` entries whose section changed (TableOfContents' `changed`). */
  changedToc: Set<string>;
  /** First change anchor of each changed section, by section id. */
  firstChange: Map<string, string>;
  /** Where each section's heading is on the page: `section-<id>` when unchanged, its change's anchor otherwise. */
  headingIds: Map<string, string>;
  /** The options it was compared with (the side-by-side view's column headings and links). */
  options: ComparisonOptions;
}

/** A pair of versions ready to render. */
export interface Comparison extends Omit<ComparedVersions, 'headingIds' | 'options'> {
  inlineHtml: string;
  sideBySideHtml: string;
}

/** Options of buildComparison. */
export interface ComparisonOptions extends ComparisonLabels {
  /** A table of contents needs at least this many sections (the site's `tocMinHeadings`). */
  minHeadings: number;
  /** URL of the new version's page: side by side, unchanged stretches link to their place there. */
  newHref?: string;
}

/** Diffs two versions' blocks and renders everything a compare page shows. */
export function buildComparison(oldBlocks: readonly Block[], newBlocks: readonly Block[], options: ComparisonOptions): Comparison {
  const compared = compareVersions(oldBlocks, newBlocks, options);
  const { model, summary, toc, changedToc, firstChange } = compared;
  return { model, summary, toc, changedToc, firstChange, inlineHtml: renderInlineView(compared), sideBySideHtml: renderSideBySideView(compared) };
}

/**
 * Diffs two versions' blocks: the change model, summary and table of contents, without rendering either redline,
 * so that a page that shows one view at a time (the compare picker) renders only the one on screen.
 */
export function compareVersions(oldBlocks: readonly Block[], newBlocks: readonly Block[], options: ComparisonOptions): ComparedVersions {
  const model = diffBlocks(oldBlocks, newBlocks);
  const summary = summarizeChanges(model);
  // The changed sections, each with its first change.
  const firstChange = new Map<string, string>();
  for (const entry of model.entries) {
    if (entry.type === 'unchanged') continue;
    if (!firstChange.has(entry.section)) firstChange.set(entry.section, entry.anchor);
  }
  const toc: TocEntry[] = [];
  const changedToc = new Set<string>();
  for (const entry of model.entries) {
    // A section that moved is listed where it is now (its moved-to heading).
    if (entry.type === 'moved-from') continue;
    const block = entry.type === 'removed' ? entry.old : entry.new;
    if (block.kind !== 'heading' || block.level === undefined || block.level < 2 || block.level > 3) continue;
    const slug = entry.type === 'unchanged' ? `section-${block.section}` : entry.anchor;
    toc.push({ depth: block.level, slug, text: block.text });
    if (firstChange.has(block.section) || entry.type !== 'unchanged') changedToc.add(slug);
  }
  const headingIds = new Map<string, string>();
  for (const entry of model.entries) {
    if (entry.type === 'moved-from') continue;
    const block = entry.type === 'removed' ? entry.old : entry.new;
    if (block.kind === 'heading' && block.section !== '' && !headingIds.has(block.section)) headingIds.set(block.section, entry.type === 'unchanged' ? `section-${block.section}` : entry.anchor);
  }
  return { model, summary, toc: toc.length >= options.minHeadings ? toc : [], changedToc, firstChange, headingIds, options };
}

const RENDER = { headingOffset: 1, unchangedLabel: unchangedLabel } as const;

/** The inline redline of a compared pair, as HTML. */
export function renderInlineView(compared: Pick<ComparedVersions, 'model' | 'headingIds'>): string {
  return pointInPageLinks(renderInlineRedline(compared.model, { ...RENDER, sectionIds: true }), compared.headingIds, '');
}

/** The side-by-side redline of a compared pair, as HTML (its ids carry SIDE_BY_SIDE_ID_PREFIX). */
export function renderSideBySideView(compared: Pick<ComparedVersions, 'model' | 'headingIds' | 'options'>): string {
  const { options } = compared;
  return pointInPageLinks(
    renderSideBySide(compared.model, { ...RENDER, sectionIds: true, idPrefix: SIDE_BY_SIDE_ID_PREFIX, oldLabel: options.oldLabel, newLabel: options.newLabel, ...(options.newHref === undefined ? {} : { newHref: options.newHref }) }),
    compared.headingIds,
    SIDE_BY_SIDE_ID_PREFIX,
  );
}

/**
 * A version's own in-page links (`#definitions`, as imported policies have) pointed at that section's heading as the
 * compare page names it, where the ids carry a prefix: left as they were, they would lead nowhere on this page.
 */
function pointInPageLinks(html: string, headingIds: ReadonlyMap<string, string>, prefix: string): string {
  // Most versions have no such link: a search for the plain string is cheaper than the regular expression.
  if (!html.includes('<a href="#')) return html;
  return html.replace(/<a href="#([^"]+)">/g, (link, id: string) => {
    const target = headingIds.get(id);
    return target === undefined ? link : `<a href="#${prefix}${target}">`;
  });
}

function unchangedLabel(count: number): string {
  return count === 1 ? '1 unchanged passage' : `${count} unchanged passages`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** One sentence of totals: "3 passages added, 1 removed, ...; 120 words added, ...". */
export function summarySentence(total: ChangeCounts): string {
  const blocks = [
    total.blocksAdded > 0 ? `${total.blocksAdded} added` : '',
    total.blocksRemoved > 0 ? `${total.blocksRemoved} removed` : '',
    total.blocksChanged > 0 ? `${total.blocksChanged} changed` : '',
    total.blocksMoved > 0 ? `${total.blocksMoved} moved` : '',
  ].filter(Boolean);
  const words = [
    total.wordsAdded > 0 ? `${total.wordsAdded} added` : '',
    total.wordsRemoved > 0 ? `${total.wordsRemoved} removed` : '',
    total.wordsMoved > 0 ? `${total.wordsMoved} moved` : '',
  ].filter(Boolean);
  if (blocks.length === 0) return 'No differences in the text.';
  const moves = total.blocksMoved > 0 ? ' A moved passage counts once, where it is now.' : '';
  return `Passages: ${blocks.join(', ')}.${words.length > 0 ? ` Words: ${words.join(', ')}.` : ''}${moves}`;
}

const COLUMNS: Array<{ key: keyof ChangeCounts; label: string }> = [
  { key: 'blocksAdded', label: 'Passages added' },
  { key: 'blocksRemoved', label: 'Passages removed' },
  { key: 'blocksChanged', label: 'Passages changed' },
  { key: 'blocksMoved', label: 'Passages moved' },
  { key: 'wordsAdded', label: 'Words added' },
  { key: 'wordsRemoved', label: 'Words removed' },
  { key: 'wordsMoved', label: 'Words moved' },
];

/**
 * The summary at the top of a compare page as HTML (all text escaped): totals, then one row per changed
 * section linking to its first change. Shared by the built pages and the picker so they say the same.
 */
export function renderChangeSummary(comparison: Pick<Comparison, 'summary' | 'firstChange'>): string {
  const { summary, firstChange } = comparison;
  const changes = plural(summary.changes, 'change', 'changes');
  const lead = `<p class="rl-summary__total"><strong>${changes}.</strong> ${escapeHtml(summarySentence(summary.total))}</p>`;
  if (summary.sections.length === 0) return `<div class="rl-summary">${lead}</div>`;
  const head = `<tr><th scope="col">Section</th>${COLUMNS.map((c) => `<th scope="col">${c.label}</th>`).join('')}</tr>`;
  const cells = (counts: ChangeCounts) => COLUMNS.map((c) => `<td>${counts[c.key] === 0 ? '<span class="rl-summary__zero">0</span>' : counts[c.key]}</td>`).join('');
  const rows = summary.sections
    .map((line) => {
      const title = escapeHtml(sectionName(line.title, line.section));
      const anchor = firstChange.get(line.section);
      const label = anchor === undefined ? title : `<a href="#${escapeHtml(anchor)}">${title}</a>`;
      return `<tr><th scope="row">${label}</th>${cells(line.counts)}</tr>`;
    })
    .join('');
  const foot = `<tr><th scope="row">Total</th>${cells(summary.total)}</tr>`;
  return (
    `<div class="rl-summary">${lead}<div class="rl-summary__scroll">` +
    `<table class="rl-summary__table"><caption>Changes per section</caption><thead>${head}</thead><tbody>${rows}</tbody><tfoot>${foot}</tfoot></table>` +
    `</div></div>`
  );
}

/** The table of contents as HTML, the same markup as src/components/TableOfContents.astro (for the picker). */
export function renderTableOfContents(entries: readonly TocEntry[], changed: ReadonlySet<string>): string {
  if (entries.length === 0) return '';
  const items = entries
    .map(
      (entry) =>
        `<li class="toc__item toc__item--depth-${entry.depth}"><a href="#${escapeHtml(entry.slug)}">${escapeHtml(entry.text)}</a>` +
        `${changed.has(entry.slug) ? '<span class="toc__changed">changed</span>' : ''}</li>`,
    )
    .join('');
  return `<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title" class="toc__title">Contents</h2><ol>${items}</ol></nav>`;
}
