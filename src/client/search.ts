import { routePath } from '../lib/site/permalinks.ts';
import {
  anchorOf,
  bestSection,
  excerptParts,
  parseSearchQuery,
  rankHits,
  resultCountText,
  SEARCH_STATUS_LABELS,
  type SearchQuery,
  searchedStatuses,
  searchFilters,
  searchQueryString,
  type StatusHit,
} from '../lib/publish/search.ts';
import type { VersionStatus } from '../lib/content/types.ts';

/** The part of Pagefind's browser API used here (https://pagefind.app/docs/api/). */
interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  search(term: string, options: { filters: unknown }): Promise<{ results: PagefindHit[] }>;
}

interface PagefindHit {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}

interface PagefindData {
  url: string;
  /** The indexed text; split on whitespace, a word location indexes into it. */
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: Array<{ url: string; title: string; excerpt: string; weighted_locations: Array<{ balanced_score: number; location: number }> }>;
}

/** Results shown at once; "Show more" adds as many again. */
const PAGE_SIZE = 10;
/** Pause after the last keystroke before searching as one types. */
const TYPING_DELAY_MS = 250;

function isStatus(value: string | undefined): value is VersionStatus {
  return value === 'in-force' || value === 'upcoming' || value === 'past';
}

function element<K extends keyof HTMLElementTagNameMap>(root: Document, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = root.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Runs the search page: reads the search from the URL, loads Pagefind on first use, searches each status
 * separately (so results can be ranked by status without loading every result's data), and keeps the URL
 * in step with the form so a search can be shared.
 */
export function mountSearch(root: Document): void {
  const form = root.querySelector<HTMLFormElement>('[data-search]');
  const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const list = root.querySelector<HTMLOListElement>('[data-search-results]');
  const moreContainer = root.querySelector<HTMLElement>('[data-search-more-container]');
  const moreButton = root.querySelector<HTMLButtonElement>('[data-search-more]');
  if (!form || !input || !status || !list || !moreContainer || !moreButton) return;
  const bundle = form.dataset['pagefindBundle'] ?? '';
  const basePath = form.dataset['basePath'] ?? '/';
  const documentBoxes = [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"][data-title]')];
  const pastBox = form.querySelector<HTMLInputElement>('input[type="checkbox"]:not([data-title])');
  const titles = new Map(documentBoxes.map((box) => [box.value, box.dataset['title'] ?? box.value]));
  const headerInput = root.querySelector<HTMLInputElement>('[data-site-search] input[type="search"]');

  let pagefind: Promise<Pagefind> | undefined;
  const loadPagefind = (): Promise<Pagefind> => {
    pagefind ??= (import(/* @vite-ignore */ bundle) as Promise<Pagefind>).then(async (api) => {
      await api.options({ baseUrl: basePath });
      return api;
    });
    return pagefind;
  };

  let generation = 0;
  let pending: Array<StatusHit<PagefindHit>> = [];
  let pendingText = '';

  const fillForm = (query: SearchQuery) => {
    input.value = query.text;
    for (const box of documentBoxes) box.checked = query.documents.includes(box.value);
    if (pastBox) pastBox.checked = query.includePast;
    if (headerInput) headerInput.value = query.text;
  };

  const formQuery = (): SearchQuery => {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (typeof value === 'string') params.append(key, value);
    return parseSearchQuery(params);
  };

  const renderHit = async (hit: StatusHit<PagefindHit>, text: string): Promise<HTMLLIElement> => {
    const data = await hit.result.data();
    const meta = data.meta;
    const hitStatus = isStatus(meta['status']) ? meta['status'] : hit.status;
    // Pagefind's own word split: whitespace except U+FEFF.
    const words = data.content.split(/[^\S\uFEFF]+/);
    const best = bestSection(
      data.sub_results.map((section) => ({
        ...section,
        words: section.weighted_locations.map((word) => words[word.location] ?? ''),
        strength: section.weighted_locations.reduce((sum, word) => sum + word.balanced_score, 0),
      })),
      text,
    );
    const anchor = best ? anchorOf(best.url) : undefined;
    const slug = meta['slug'];
    const version = meta['version'];
    // Every URL of the site comes from routePath; Pagefind's own URL is the fallback for a page without metadata.
    const href = slug && version ? routePath({ kind: 'version', document: slug, version, ...(anchor ? { anchor } : {}) }, basePath) : (best?.url ?? data.url);
    const documentTitle = meta['document'] ?? meta['title'] ?? '';

    const item = element(root, 'li', 'search-result');
    const heading = element(root, 'h2', 'search-result__title');
    const link = element(root, 'a');
    link.href = href;
    link.append(element(root, 'span', 'search-result__document', documentTitle));
    if (anchor && best) {
      link.append(' ', element(root, 'span', 'search-result__section', `§ ${best.title}`));
    }
    heading.append(link);

    const facts = element(root, 'p', 'search-result__facts');
    facts.append(element(root, 'span', `search-badge search-badge--${hitStatus}`, SEARCH_STATUS_LABELS[hitStatus]), ' ');
    const effective = meta['effective'];
    if (effective) {
      facts.append('Version effective ');
      const time = element(root, 'time', undefined, meta['effective_label'] ?? effective);
      time.dateTime = effective;
      facts.append(time);
    }

    const excerpt = element(root, 'p', 'search-result__excerpt');
    for (const part of excerptParts(best?.excerpt ?? data.excerpt)) excerpt.append(part.marked ? element(root, 'mark', undefined, part.text) : part.text);

    item.append(heading, facts, excerpt);
    return item;
  };

  const showMore = async (current: number, focusFirst = false) => {
    const page = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    const items = await Promise.all(page.map((hit) => renderHit(hit, pendingText)));
    if (current !== generation) return;
    list.append(...items);
    moreContainer.hidden = pending.length === 0;
    // The button may have just disappeared: move keyboard focus to the first new result (WCAG 2.4.3, focus order).
    if (focusFirst) items[0]?.querySelector('a')?.focus();
  };

  const run = async (query: SearchQuery) => {
    const current = ++generation;
    const url = `${window.location.pathname}${searchQueryString(query)}`;
    if (`${window.location.pathname}${window.location.search}` !== url) window.history.replaceState(null, '', url);
    if (headerInput) headerInput.value = query.text;
    if (query.text === '') {
      pending = [];
      list.replaceChildren();
      moreContainer.hidden = true;
      status.textContent = '';
      return;
    }
    list.setAttribute('aria-busy', 'true');
    try {
      const api = await loadPagefind();
      const statuses = searchedStatuses(query);
      const searchStatus = async (searched: VersionStatus) => {
        const response = await api.search(query.text, { filters: searchFilters(query, searched, titles) });
        return response.results.map((result) => ({ result, status: searched, score: result.score }));
      };
      const [hits, pastCount] = await Promise.all([
        Promise.all(statuses.map(searchStatus)).then((groups) => rankHits(groups.flat())),
        query.includePast ? Promise.resolve(0) : searchStatus('past').then((past) => past.length),
      ]);
      if (current !== generation) return;
      pending = hits;
      pendingText = query.text;
      list.replaceChildren();
      await showMore(current);
      if (current !== generation) return;
      const hint =
        pastCount === 0 ? '' : ` ${pastCount === 1 ? '1 past version also matches' : `${pastCount} past versions also match`}: tick “Include past versions” to see ${pastCount === 1 ? 'it' : 'them'}.`;
      status.textContent = `${resultCountText(hits.length, query.text)}${hint}`;
    } catch (error) {
      if (current !== generation) return;
      list.replaceChildren();
      moreContainer.hidden = true;
      status.textContent = `Search could not load (${error instanceof Error ? error.message : String(error)}). Try reloading the page.`;
    } finally {
      if (current === generation) list.removeAttribute('aria-busy');
    }
  };

  let typing: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    void run(formQuery());
  });
  form.addEventListener('change', (event) => {
    if (event.target === input) return;
    clearTimeout(typing);
    void run(formQuery());
  });
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => void run(formQuery()), TYPING_DELAY_MS);
  });
  moreButton.addEventListener('click', () => void showMore(generation, true));

  const initial = parseSearchQuery(window.location.search);
  fillForm(initial);
  if (initial.text !== '') void run(initial);
  else void loadPagefind().catch(() => undefined);
}
