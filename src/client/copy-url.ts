/**
 * Progressive enhancement of the Subscribe page: a "Copy" button beside each URL. Without JavaScript the
 * buttons stay hidden and the URLs remain selectable in their read-only fields.
 */
export function mountCopyButtons(root: Document): void {
  if (!navigator.clipboard) return;
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-copy-for]')) {
    const input = root.getElementById(button.dataset['copyFor'] ?? '');
    if (!(input instanceof HTMLInputElement)) continue;
    const status = button.parentElement?.querySelector<HTMLElement>('[data-copy-status]');
    button.hidden = false;
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(input.value).then(
        () => {
          if (status) status.textContent = 'Copied';
        },
        () => {
          // Clipboard refused (permissions): select the text so the reader can copy it by hand.
          input.select();
          if (status) status.textContent = 'Press Ctrl+C or ⌘C to copy';
        },
      );
    });
  }
}
