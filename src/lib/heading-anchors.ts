import GithubSlugger from 'github-slugger';
import { decodeHTML } from 'entities';
import type { HastPluginEntry } from 'satteri';

/** Leading clause numbering that must not change a heading's anchor: "4.", "4.2", "Section 4 -", "IV.", "a)". */
const LEADING_NUMBERING =
  /^\s*(?:(?:section|article|clause|§)\s*[\w.]+?[.):]?\s*(?:[-–—:]\s*)?|(?:\d+(?:\.\d+)+\.?|\d+[.):]|[ivxlc]+[.):]|[a-z][.)])\s+)/i;

/** The text a clause anchor is made from: the heading without its number, so renumbering keeps old citations working. */
export function clauseTitle(heading: string): string {
  const stripped = heading.replace(LEADING_NUMBERING, '').trim();
  return stripped.length > 0 ? stripped : heading.trim();
}

/** Creates a slugger that gives each heading of one document an anchor, the same in every version that has the heading. */
export function createClauseSlugger(): (heading: string) => string {
  const slugger = new GithubSlugger();
  return (heading) => slugger.slug(clauseTitle(heading));
}

/** Class of the visible "§" link placed in each heading, for citing the clause. */
export const HEADING_ANCHOR_CLASS = 'heading-anchor';

/**
 * A Sätteri hast plugin (native pipeline, no remark/rehype cost; see shared/FACTS.md) that gives h2-h6 a clause
 * id (an id the author set is kept). Astro's own heading-ids plugin, which runs after it, keeps these ids, so the
 * headings Astro reports (`render().headings`, the table of contents) carry them too.
 *
 * The "§" link is added to the rendered HTML instead (addHeadingAnchors): every element a plugin hands to
 * Sätteri becomes JSX in the compiled module, and three per heading made the MDX bundle a third slower
 * (docs/benchmarks.md).
 */
export function clauseIdsPlugin(): HastPluginEntry {
  return () => {
    const slug = createClauseSlugger();
    return {
      name: 'redline-clause-ids',
      element: {
        filter: ['h2', 'h3', 'h4', 'h5', 'h6'],
        visit(node, ctx) {
          if (typeof node.properties?.['id'] === 'string') return;
          ctx.setProperty(node, 'id', slug(ctx.textContent(node)));
        },
      },
    };
  };
}

// Astro's escaping of text (html-escaper): what the link's label looked like when the MDX pipeline made it.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };
const escapeText = (text: string): string => text.replace(/[&<>'"]/gu, (char) => ESCAPES[char] ?? char);

/** The "§" link at the end of the heading with `id` and text `text`. */
export function headingAnchorHtml(id: string, text: string): string {
  return (
    `<a class="${HEADING_ANCHOR_CLASS}" href="#${escapeText(id)}"><span aria-hidden="true">§</span>` +
    `<span class="visually-hidden">Link to the section “${escapeText(text.trim())}”</span></a>`
  );
}

// An h2-h6 element of rendered content: its level, attributes and content (headings do not nest).
const HEADING = /<h([2-6])(\s[^>]*)?>([\s\S]*?)<\/h\1>/gu;
const ID_ATTRIBUTE = /\sid="([^"]*)"/u;

/**
 * Adds the visible "§" link, for citing a clause, to the end of each h2-h6 with an id in `html` (a version's
 * rendered content): `<h2 id="retention">Retention<a class="heading-anchor" href="#retention">...</a></h2>`.
 */
export function addHeadingAnchors(html: string): string {
  return html.replace(HEADING, (heading, level: string, attributes: string | undefined, content: string) => {
    const id = attributes === undefined ? undefined : ID_ATTRIBUTE.exec(attributes)?.[1];
    if (id === undefined) return heading;
    const text = decodeHTML(content.replace(/<[^>]*>/gu, ''));
    return `<h${level}${attributes}>${content}${headingAnchorHtml(decodeHTML(id), text)}</h${level}>`;
  });
}
