// The compare picker: diffs any two versions in the browser with the same engine and renderers as the
// built compare pages (src/lib/diff/comparison.ts), from each version's blocks JSON, at a shareable URL
// (?from=X&to=Y). Without JavaScript the page lists the built comparisons instead.
// The engine is loaded with a dynamic import() once the reader starts choosing a pair (or when one is first
// compared), so that the page itself loads only this form's few KB of script, and so that by the time Compare is
// pressed the engine and the chosen versions' blocks are usually here already. The engine comes with the code that
// renders the redline views (src/client/picked-redline.ts).
import type { Block } from '../lib/diff/browser.ts';
import { escapeHtml as escape } from '../lib/publish/feeds/escape.ts';

const blocksCache = new Map<string, Promise<Block[]>>();
let engine: Promise<typeof import('./picked-redline.ts')> | undefined;

function loadEngine(): Promise<typeof import('./picked-redline.ts')> {
  engine ??= import('./picked-redline.ts');
  // A failed load is tried again at the next comparison (and reported there).
  engine.catch(() => (engine = undefined));
  return engine;
}

function loadBlocks(url: string): Promise<Block[]> {
  let blocks = blocksCache.get(url);
  if (!blocks) {
    blocks = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response.json() as Promise<Block[]>;
    });
    blocksCache.set(url, blocks);
  }
  return blocks;
}

/** Wires the picker form: reads ?from&to on load, computes on submit, keeps the URL shareable. */
export function mountComparePicker(root: Document): void {
  const form = root.querySelector<HTMLFormElement>('[data-compare-picker]');
  const result = root.querySelector<HTMLElement>('[data-compare-result]');
  const status = root.querySelector<HTMLElement>('[data-compare-status]');
  if (!form || !result || !status) return;
  const fromSelect = form.elements.namedItem('from') as HTMLSelectElement;
  const toSelect = form.elements.namedItem('to') as HTMLSelectElement;
  const versionOf = (id: string) => [...fromSelect.options].find((option) => option.value === id);
  const fill = (selector: string, html: string) => {
    const target = result.querySelector(selector);
    if (target) target.innerHTML = html;
  };

  async function show(from: string, to: string): Promise<void> {
    const old = versionOf(from);
    const next = versionOf(to);
    if (!old || !next) {
      status!.textContent = 'Pick two versions from the lists.';
      return;
    }
    if (from === to) {
      status!.textContent = 'These are the same version: pick two different ones.';
      return;
    }
    fromSelect.value = from;
    toSelect.value = to;
    status!.textContent = 'Comparing…';
    try {
      const [{ compareVersions, renderChangeSummary, renderTableOfContents, showRedline }, oldBlocks, newBlocks] = await Promise.all([
        loadEngine(),
        loadBlocks(old.dataset['blocks'] ?? ''),
        loadBlocks(next.dataset['blocks'] ?? ''),
      ]);
      const oldLabel = old.dataset['label'] ?? from;
      const newLabel = next.dataset['label'] ?? to;
      const comparison = compareVersions(oldBlocks, newBlocks, {
        oldLabel,
        newLabel,
        minHeadings: Number(form!.dataset['tocMin'] ?? 4),
        newHref: next.dataset['href'] ?? '',
      });
      const title = `What changed in ${form!.dataset['documentTitle'] ?? ''}: ${old.textContent ?? from} → ${next.textContent ?? to}`;
      fill('[data-compare-title]', escape(title));
      root.title = `${title} · ${root.title.split(' · ').at(-1) ?? ''}`;
      const lower = (label: string) => label.replace(/^Version/u, 'version');
      const built = root.querySelector<HTMLAnchorElement>(`a[data-pair="${CSS.escape(`${from}...${to}`)}"]`);
      fill(
        '[data-compare-versions]',
        `From the <a href="${escape(old.dataset['href'] ?? '')}">${escape(lower(oldLabel))}</a> ` +
          `to the <a href="${escape(next.dataset['href'] ?? '')}">${escape(lower(newLabel))}</a>.` +
          (built ? ` This comparison also has <a href="${escape(built.getAttribute('href') ?? '')}">its own page</a>.` : ''),
      );
      fill('[data-compare-summary]', renderChangeSummary(comparison));
      fill('[data-compare-toc]', renderTableOfContents(comparison.toc, comparison.changedToc));
      showRedline(result!, comparison);
      status!.textContent = `Showing ${comparison.summary.changes} change${comparison.summary.changes === 1 ? '' : 's'}.`;
    } catch (error) {
      status!.textContent = `Could not compare these versions (${error instanceof Error ? error.message : String(error)}).`;
    }
  }

  // Choosing a version starts loading what comparing it needs: the engine and that version's blocks. A fetch that
  // fails is dropped from the cache, so Compare asks again and reports the error.
  const prefetch = (select: HTMLSelectElement) => {
    void loadEngine().catch(() => undefined);
    const url = versionOf(select.value)?.dataset['blocks'];
    if (url) loadBlocks(url).catch(() => blocksCache.delete(url));
  };
  fromSelect.addEventListener('change', () => prefetch(fromSelect));
  toSelect.addEventListener('change', () => prefetch(toSelect));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = new URL(location.href);
    url.hash = '';
    url.searchParams.set('from', fromSelect.value);
    url.searchParams.set('to', toSelect.value);
    history.pushState(null, '', url);
    void show(fromSelect.value, toSelect.value);
  });
  const fromQuery = () => {
    const params = new URLSearchParams(location.search);
    const from = params.get('from');
    const to = params.get('to');
    if (from && to) void show(from, to);
  };
  addEventListener('popstate', fromQuery);
  fromQuery();
}
