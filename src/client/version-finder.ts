import { formatDate, isIsoDate } from '../lib/content/dates.ts';
import { rangeOnDate, type VersionRange } from '../lib/content/version-finder.ts';

/**
 * The history page's "version in force on <date>": the form, and its shareable address `?date=YYYY-MM-DD`
 * (permalinks' history route), both open the version in force on that date. A shared address replaces itself
 * in the browser's history, so Back does not bounce the reader to the version again.
 */
export function mountVersionFinder(root: Document): void {
  const form = root.querySelector<HTMLFormElement>('[data-version-finder]');
  const result = root.querySelector<HTMLElement>('[data-version-finder-result]');
  const input = form?.querySelector<HTMLInputElement>('input[name="date"]');
  if (!form || !result || !input) return;
  const ranges: VersionRange[] = [...root.querySelectorAll<HTMLElement>('[data-from][data-href]')].map((item) => ({
    from: item.dataset['from'] ?? '',
    to: item.dataset['to'] ?? '',
    href: item.dataset['href'] ?? '',
  }));
  const first = ranges.map((range) => range.from).sort()[0];

  const open = (date: string, shared: boolean): void => {
    if (!isIsoDate(date)) {
      result.textContent = `“${date}” is not a date: write it as YYYY-MM-DD, for example ${first ?? '2025-01-31'}.`;
      return;
    }
    const range = rangeOnDate(ranges, date);
    if (!range) {
      result.textContent = `No version was in force on ${date}: the first version took effect on ${first ? formatDate(first) : 'a later date'}.`;
      return;
    }
    result.textContent = `Opening the version in force on ${formatDate(date)}…`;
    if (shared) window.location.replace(range.href);
    else window.location.assign(range.href);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const date = new FormData(form).get('date');
    if (typeof date === 'string' && date !== '') open(date, false);
  });
  const asked = new URLSearchParams(root.location.search).get('date');
  if (asked !== null && asked !== '') {
    input.value = isIsoDate(asked) ? asked : '';
    open(asked, true);
  }
}
