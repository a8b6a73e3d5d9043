// Compare pages: remembers the chosen view (inline or side by side; the switch itself is CSS), moves
// focus to the next or previous change by button or key (j/n, k/p), and prints unchanged stretches.
// Kept tiny on purpose: built compare pages load nothing else.

const VIEW_KEY = 'redline:compare-view';
const SIDE_BY_SIDE_PREFIX = 'sbs-';

/** The view the reader sees now (CSS forces inline on narrow screens, whatever the switch says). */
function activeView(section: HTMLElement): HTMLElement | undefined {
  return [...section.querySelectorAll<HTMLElement>('[data-view]')].find((view) => view.getClientRects().length > 0);
}

/** Change anchors of a view in reading order (change-1, change-2, ...; tables put them in two columns). */
function changesOf(view: HTMLElement): HTMLElement[] {
  const number = (element: HTMLElement) => Number(/(\d+)$/u.exec(element.id)?.[1] ?? 0);
  return [...view.querySelectorAll<HTMLElement>('.rl-change[id]')].sort((a, b) => number(a) - number(b));
}

/** Opens collapsed ancestors, focuses `target` and scrolls it into view. */
function reveal(target: HTMLElement): void {
  for (let details = target.closest('details'); details; details = details.parentElement?.closest('details') ?? null) details.open = true;
  if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'center' });
}

/** The element `id` points to in the active view: ids of the inline view map to `sbs-` ids side by side. */
function inActiveView(section: HTMLElement, id: string): HTMLElement | undefined {
  const view = activeView(section);
  if (!view) return undefined;
  const plain = id.startsWith(SIDE_BY_SIDE_PREFIX) ? id.slice(SIDE_BY_SIDE_PREFIX.length) : id;
  const wanted = view.dataset['view'] === 'side-by-side' ? `${SIDE_BY_SIDE_PREFIX}${plain}` : plain;
  return view.querySelector<HTMLElement>(`[id="${CSS.escape(wanted)}"]`) ?? undefined;
}

// The change the last step went to: the buttons take focus, so the next step continues from here.
let lastChange: HTMLElement | undefined;

function step(section: HTMLElement, direction: 1 | -1): void {
  const view = activeView(section);
  if (!view) return;
  const changes = changesOf(view);
  if (changes.length === 0) return;
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>('.rl-change[id]') : null;
  const from = focused ?? lastChange;
  let index = from ? changes.indexOf(from) : -1;
  if (index >= 0) index += direction;
  else if (direction === 1) index = changes.findIndex((change) => change.getBoundingClientRect().top > 1);
  else index = changes.findLastIndex((change) => change.getBoundingClientRect().top < -1);
  if (index < 0 || index >= changes.length) index = direction === 1 ? 0 : changes.length - 1;
  const target = changes[index];
  if (!target) return;
  lastChange = target;
  reveal(target);
  history.replaceState(history.state, '', `#${target.id.replace(SIDE_BY_SIDE_PREFIX, '')}`);
  const status = section.querySelector('[data-change-status]');
  if (status) status.textContent = `Change ${index + 1} of ${changes.length}`;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));
}

/**
 * Keeps `--rl-toolbar-height` and `--rl-sbs-head-height` (read by redline.css's scroll padding) at the sticky
 * bar's and the side-by-side column headings' heights, so a jump to a change lands below them however many
 * lines the bar wraps to, and `--rl-sticky-top` (where the column headings stick) on the side-by-side view.
 * Set through the CSSOM, which the CSP allows (a style attribute it would not). The root's two are registered as
 * not inherited (redline.css), so a new height restyles the root, not the whole page.
 */
function keepStickyHeights(root: Document, section: HTMLElement): void {
  const toolbar = section.querySelector<HTMLElement>('.compare-toolbar');
  const head = section.querySelector<HTMLElement>('.rl-sbs-head');
  const sideBySide = section.querySelector<HTMLElement>('[data-view="side-by-side"]');
  if (!toolbar || typeof ResizeObserver === 'undefined') return;
  const style = root.documentElement.style;
  const measure = () => {
    const height = `${toolbar.offsetHeight}px`;
    style.setProperty('--rl-toolbar-height', height);
    sideBySide?.style.setProperty('--rl-sticky-top', height);
    if (head && head.offsetHeight > 0) style.setProperty('--rl-sbs-head-height', `${head.offsetHeight}px`);
  };
  const observer = new ResizeObserver(measure);
  observer.observe(toolbar);
  if (head) observer.observe(head);
  measure();
}

/** Wires the compare page's view memory, change navigation and printing. Safe to call once per page. */
export function mountCompare(root: Document): void {
  const section = root.querySelector<HTMLElement>('[data-compare]');
  if (!section) return;
  const radios = [...section.querySelectorAll<HTMLInputElement>('input[name="rl-view"]')];
  try {
    const saved = localStorage.getItem(VIEW_KEY);
    const radio = radios.find((candidate) => candidate.value === saved);
    if (radio) radio.checked = true;
  } catch {
    // Storage can be blocked (privacy settings); the CSS switch works without it.
  }
  section.addEventListener('change', (event) => {
    const radio = event.target;
    if (!(radio instanceof HTMLInputElement) || radio.name !== 'rl-view') return;
    try {
      localStorage.setItem(VIEW_KEY, radio.value);
    } catch {
      // See above.
    }
  });

  const nav = section.querySelector<HTMLElement>('[data-change-nav]');
  if (nav) nav.hidden = false;
  keepStickyHeights(root, section);
  section.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-change-step]') : null;
    if (button) step(section, button.dataset['changeStep'] === '-1' ? -1 : 1);
  });
  root.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented || isTyping(event.target)) return;
    const direction = { j: 1, n: 1, k: -1, p: -1 }[event.key] as 1 | -1 | undefined;
    if (!direction) return;
    event.preventDefault();
    step(section, direction);
  });

  // Links to a change or a section (table of contents, summary, a shared #change-N) follow the active view.
  root.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href^="#"]') : null;
    if (!link || link.closest('[data-view="side-by-side"]')) return;
    const target = inActiveView(section, decodeURIComponent(link.hash.slice(1)));
    if (!target || target.closest('[data-view="inline"]')) return;
    event.preventDefault();
    reveal(target);
    history.replaceState(history.state, '', link.hash);
  });
  if (location.hash.length > 1) {
    const target = inActiveView(section, decodeURIComponent(location.hash.slice(1)));
    if (target?.closest('[data-view="side-by-side"]')) reveal(target);
  }

  // A redline on paper shows every passage: unchanged stretches print open.
  const opened: HTMLDetailsElement[] = [];
  addEventListener('beforeprint', () => {
    for (const details of section.querySelectorAll<HTMLDetailsElement>('details.rl-unchanged:not([open])')) {
      details.open = true;
      opened.push(details);
    }
  });
  addEventListener('afterprint', () => {
    for (const details of opened.splice(0)) details.open = false;
  });
}
