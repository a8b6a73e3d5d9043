// The source view for authors: a unified diff of two MDX sources, highlighted by shiki. The site's CSP
// forbids inline styles, so shiki's style attributes become classes (transformerStyleToClass) and the
// matching CSS is returned for the page to include. Build time (shiki is too heavy for the browser).
import { createTwoFilesPatch } from 'diff';
import { codeToHtml } from 'shiki';
import { transformerStyleToClass } from '@shikijs/transformers';

/** Highlighted unified diff: the HTML, the CSS its classes need, and the plain patch text. */
export interface SourceDiff {
  html: string;
  css: string;
  patch: string;
}

/** File names shown in the patch header (e.g. the two versions' source paths). */
export interface SourceFileNames {
  old: string;
  new: string;
}

/** Themes used for light and dark colour schemes. */
export const SOURCE_DIFF_THEMES = { light: 'github-light', dark: 'github-dark' } as const;

/** The unified diff text of two sources, 3 lines of context. */
export function unifiedSourcePatch(oldSource: string, newSource: string, fileNames: SourceFileNames): string {
  // Line diffs of documents are small (hundreds of lines), so no edit-length cap is needed here.
  return createTwoFilesPatch(fileNames.old, fileNames.new, oldSource, newSource, undefined, undefined, { context: 3 });
}

/** Render the MDX source diff as shiki-highlighted HTML with class-based colours (returns html + css). */
export async function renderSourceDiff(oldSource: string, newSource: string, fileNames: SourceFileNames): Promise<SourceDiff> {
  const patch = unifiedSourcePatch(oldSource, newSource, fileNames);
  // One transformer per call, so its registry (and so the CSS) covers exactly this HTML. Class names are
  // hashes of the styles, so they are the same on every build.
  const toClass = transformerStyleToClass({ classPrefix: 'rl-sh-' });
  const highlighted = await codeToHtml(patch, {
    lang: 'diff',
    themes: SOURCE_DIFF_THEMES,
    transformers: [toClass],
  });
  const html = highlighted.replace(/^<pre class="/u, '<pre class="rl-source-diff ');
  return { html, css: toClass.getCSS() + DARK_CSS, patch };
}

// Shiki's dual themes put the dark colours in --shiki-dark variables; switch to them for a dark
// colour scheme, or when the site sets data-theme="dark" on <html>.
const DARK_CSS = `
.rl-source-diff span { font-weight: var(--shiki-light-font-weight, inherit); }
@media (prefers-color-scheme: dark) {
  :root:not([data-theme="light"]) .rl-source-diff, :root:not([data-theme="light"]) .rl-source-diff span {
    color: var(--shiki-dark) !important; background-color: var(--shiki-dark-bg) !important;
    font-weight: var(--shiki-dark-font-weight, inherit) !important;
  }
}
:root[data-theme="dark"] .rl-source-diff, :root[data-theme="dark"] .rl-source-diff span {
  color: var(--shiki-dark) !important; background-color: var(--shiki-dark-bg) !important;
  font-weight: var(--shiki-dark-font-weight, inherit) !important;
}
`;
