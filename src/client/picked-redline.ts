// The compare picker's part that is loaded on use (with import(), by src/client/compare-picker.ts): the diff
// engine, and the two redline views of a picked pair. Only the view on screen is rendered with the comparison; the
// other one when it is displayed (the view switch, a window widened past the breakpoint, printing) or once the
// browser is idle after the first frame, so the reader waits for one view, not two.
import { type ComparedVersions, renderInlineView, renderSideBySideView } from '../lib/diff/comparison.ts';

export { compareVersions, renderChangeSummary, renderTableOfContents } from '../lib/diff/comparison.ts';

/** The pair each result area shows, and which of its views are in the page. */
const shown = new WeakMap<HTMLElement, { compared: ComparedVersions; rendered: Set<HTMLElement> }>();

function viewsOf(result: HTMLElement): HTMLElement[] {
  return [...result.querySelectorAll<HTMLElement>('[data-view]')];
}

function render(result: HTMLElement, view: HTMLElement): void {
  const pair = shown.get(result);
  if (!pair || pair.rendered.has(view)) return;
  pair.rendered.add(view);
  view.innerHTML = view.dataset['view'] === 'side-by-side' ? renderSideBySideView(pair.compared) : renderInlineView(pair.compared);
}

/**
 * Renders the views of `result` that are displayed now. CSS decides (the view switch, and inline on narrow screens);
 * reading the computed display brings the style up to date but lays nothing out, so the page is laid out once, with
 * the redline in it.
 */
function renderDisplayed(result: HTMLElement): void {
  if (result.hidden) return;
  const displayed = viewsOf(result).filter((view) => getComputedStyle(view).display !== 'none');
  for (const view of displayed) render(result, view);
}

function watch(result: HTMLElement): void {
  // A view that starts being displayed is rendered before that frame is painted: resize observations are delivered
  // after layout and before paint. The change event covers the switch where ResizeObserver is missing.
  if (typeof ResizeObserver !== 'undefined') {
    const observer = new ResizeObserver(() => renderDisplayed(result));
    for (const view of viewsOf(result)) observer.observe(view);
  }
  result.addEventListener('change', () => renderDisplayed(result));
  // Paper shows the inline view whatever the screen shows (redline.css).
  addEventListener('beforeprint', () => viewsOf(result).forEach((view) => render(result, view)));
}

/**
 * Shows `compared` in the picker's result area (its `[data-view]` containers): the area is unhidden with the view on
 * screen rendered in the same task, so the next frame paints it; the other view follows when idle or when shown.
 */
export function showRedline(result: HTMLElement, compared: ComparedVersions): void {
  if (!shown.has(result)) watch(result);
  const pair = { compared, rendered: new Set<HTMLElement>() };
  shown.set(result, pair);
  for (const view of viewsOf(result)) view.replaceChildren();
  result.hidden = false;
  renderDisplayed(result);
  const rest = () => {
    if (shown.get(result) === pair) viewsOf(result).forEach((view) => render(result, view));
  };
  requestAnimationFrame(() => setTimeout(() => (typeof requestIdleCallback === 'function' ? requestIdleCallback(rest, { timeout: 2000 }) : rest()), 0));
}
