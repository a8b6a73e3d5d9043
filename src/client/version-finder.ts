import { rangeOnDate, type VersionRange } from '../lib/version-finder.ts';

/** Makes the history page's "version in force on <date>" form jump to the right version. */
export function mountVersionFinder(root: Document): void {
  const form = root.querySelector<HTMLFormElement>('[data-version-finder]');
  const result = root.querySelector<HTMLElement>('[data-version-finder-result]');
  if (!form || !result) return;
  const ranges: VersionRange[] = [...root.querySelectorAll<HTMLElement>('[data-from][data-href]')].map((item) => ({
    from: item.dataset['from'] ?? '',
    to: item.dataset['to'] ?? '',
    href: item.dataset['href'] ?? '',
  }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const date = new FormData(form).get('date');
    if (typeof date !== 'string' || date === '') return;
    const range = rangeOnDate(ranges, date);
    if (!range) {
      result.textContent = `No version was in force on ${date}: the first version took effect later.`;
      return;
    }
    window.location.assign(range.href);
  });
}
