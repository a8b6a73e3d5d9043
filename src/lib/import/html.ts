/**
 * HTML to Markdown through turndown with the GFM plugin (tables), keeping the text and its structure
 * and dropping, with a warning, what a legal document page cannot carry over (images, scripts, forms).
 */
import { gfm } from '@joplin/turndown-plugin-gfm';
import TurndownService from 'turndown';

/** Markdown converted from HTML, the page's `<title>` and what was left out. */
export interface HtmlConversion {
  markdown: string;
  /** The `<title>` of a full HTML page, a fallback when the body has no H1. */
  title?: string;
  warnings: string[];
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
export function htmlToMarkdown(html: string): HtmlConversion {
  const dropped = new Map<string, number>();
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
    // turndown escapes every square bracket; "[INSERT DATE]" must stay as typed so placeholders are found.
    .replace(/\\\[([^\]\\\n]*)\\\](?![([:])/g, '[$1]');
  const warnings = [...dropped.entries()].map(
    ([tag, times]) => `dropped ${times} <${tag}> element(s)${WHY[tag] ? `: ${WHY[tag]}` : ''}`,
  );
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1]?.replace(/\s+/g, ' ').trim();
  return { markdown, ...(title ? { title: decodeEntities(title) } : {}), warnings };
}
