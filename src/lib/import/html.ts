/**
 * HTML to Markdown through turndown with the GFM plugin (tables), keeping the text and its structure
 * and dropping, with a warning, what a legal document page cannot carry over (images, scripts, forms).
 * A saved web page is reduced to its content: its `<main>` (or single `<article>`) when it has one, and
 * never its navigation, site header or footer.
 */
import { gfm } from '@joplin/turndown-plugin-gfm';
import TurndownService from 'turndown';

/** Markdown converted from HTML, the page's `<title>` and what was left out. */
export interface HtmlConversion {
  markdown: string;
  /** The `<title>` of a full HTML page ("Privacy Policy | Acme" gives "Privacy Policy"), a fallback when the body has no H1. */
  title?: string;
  warnings: string[];
  /** Ids the page gave its headings (or the sections around them), for in-page links. */
  headingIds: { id: string; text: string }[];
}

const PAGE_CHROME = new Set(['nav', 'header', 'footer', 'aside']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search']);

/** The part of a saved page that holds the document: its only `<main>` or `<article>`, else the page. */
function contentPart(html: string): { html: string; cut: boolean } {
  for (const tag of ['main', 'article']) {
    const opens = html.match(new RegExp(`<${tag}\\b`, 'gi'))?.length ?? 0;
    if (opens !== 1) continue;
    const match = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*)</${tag}>`, 'i').exec(html);
    if (match) return { html: match[1] ?? '', cut: true };
  }
  return { html, cut: false };
}

const DROPPED: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'select', 'textarea', 'svg', 'canvas', 'video', 'audio']);
const WHY: Record<string, string> = {
  img: 'images are not imported: put the file in public/ and add it by hand if the document needs it',
  iframe: 'embedded content is not imported',
  form: 'forms are not imported',
};

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ');
}

/** A table whose header row turndown left empty (no `<th>` in the source) gets its first row as header. */
function promoteHeaderRows(markdown: string): string {
  return markdown.replace(/^(\|(?:\s*\|)+)\n(\|(?:\s*:?-+:?\s*\|)+)\n(\|.*\|)(\n|$)/gm, (_all, _empty: string, separator: string, first: string, end: string) => `${first}\n${separator}${end}`);
}

/** Converts an HTML page or fragment to Markdown, reporting every element it dropped. */
export function htmlToMarkdown(page: string): HtmlConversion {
  const { html, cut } = contentPart(page);
  const dropped = new Map<string, number>();
  const headingIds: { id: string; text: string }[] = [];
  let chrome = 0;
  const count = (tag: string) => dropped.set(tag, (dropped.get(tag) ?? 0) + 1);
  const service = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', codeBlockStyle: 'fenced', emDelimiter: '_', hr: '---' });
  service.use(gfm);
  service.remove(['head', 'title', 'meta', 'link']);
  service.addRule('dropped', {
    filter: (node) => DROPPED.has(node.nodeName.toLowerCase()),
    replacement: (_content, node) => {
      count(node.nodeName.toLowerCase());
      return '';
    },
  });
  service.addRule('chrome', {
    // Navigation, site header and footer of a saved page; a <header> inside the document's <article> is its own.
    filter: (node) => {
      const name = node.nodeName.toLowerCase();
      const role = node.getAttribute('role')?.toLowerCase() ?? '';
      if (CHROME_ROLES.has(role) || name === 'nav') return true;
      if (!PAGE_CHROME.has(name)) return false;
      for (let parent = node.parentNode; parent; parent = parent.parentNode) {
        if (['article', 'main', 'section'].includes(parent.nodeName.toLowerCase())) return false;
      }
      return true;
    },
    replacement: () => {
      chrome += 1;
      return '';
    },
  });
  service.addRule('ids', {
    // Records which heading each id names (on the heading, an anchor in it, or the section it opens); matches nothing.
    filter: (node) => {
      const id = node.getAttribute('id') ?? (node.nodeName.toLowerCase() === 'a' ? node.getAttribute('name') : null);
      if (id) {
        const heading = /^H[1-6]$/i.test(node.nodeName) ? node : (node.querySelector('h1,h2,h3,h4,h5,h6') ?? (node.parentNode && /^H[1-6]$/i.test(node.parentNode.nodeName) ? node.parentNode : null));
        const text = heading?.textContent?.replace(/\s+/g, ' ').trim();
        if (text) headingIds.push({ id, text });
      }
      return false;
    },
    replacement: () => '',
  });
  service.addRule('image', {
    filter: 'img',
    replacement: (_content, node) => {
      count('img');
      // The alt text is part of what the reader was told; keep it where the image was.
      const alt = node.getAttribute('alt')?.trim();
      return alt ? `[Image: ${alt}]` : '';
    },
  });
  const markdown = promoteHeaderRows(service.turndown(html))
    // turndown pads list markers to four columns ("-   item"); one space is the house style and still valid.
    .replace(/^(\s*)([-*+]|\d+\.) {2,}(?=\S)/gm, '$1$2 ')
    // Line breaks inside table cells come out as "text  <br>more"; MDX needs them self-closed.
    .replace(/ *<br\s*\/?> */gi, '<br />')
    // Cells padded to a column width change on every edit of the longest cell; one space keeps diffs to the edit.
    .replace(/^\|.*\|$/gm, (row) => row.replace(/ {2,}\|/g, ' |'))
    // turndown escapes the full stop of a numbered heading ("## 1\. Scope"); in a heading it cannot start a list.
    .replace(/^(#{1,6} \d+)\\\./gm, '$1.')
    // turndown escapes every square bracket; "[INSERT DATE]" must stay as typed so placeholders are found.
    .replace(/\\\[([^\]\\\n]*)\\\](?![([:])/g, '[$1]');
  const warnings = [
    ...(cut ? ['left out everything of the page outside its main content (<main> or <article>)'] : []),
    ...(chrome > 0 ? [`left out ${chrome} navigation, header or footer element(s) of the page`] : []),
    ...[...dropped.entries()].map(([tag, times]) => `dropped ${times} <${tag}> element(s)${WHY[tag] ? `: ${WHY[tag]}` : ''}`),
  ];
  const pageTitle = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(page)?.[1]?.replace(/\s+/g, ' ').trim();
  // "Privacy Policy | Acme" and "Privacy Policy – Acme": the site's name is not the document's.
  const title = pageTitle ? decodeEntities(pageTitle).split(/\s+[|–—·•]\s+|\s+-\s+/)[0]?.trim() : undefined;
  return { markdown, ...(title ? { title } : {}), warnings, headingIds };
}
