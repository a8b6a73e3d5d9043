import GithubSlugger from 'github-slugger';
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
 * A Sätteri hast plugin (native pipeline, no remark/rehype cost; see shared/FACTS.md) that gives
 * h2-h6 a clause id and a visible link to it. Astro's own heading-ids plugin keeps an id that is already set.
 */
export function headingAnchorsPlugin(): HastPluginEntry {
  return () => {
    const slug = createClauseSlugger();
    return {
      name: 'redline-heading-anchors',
      element: {
        filter: ['h2', 'h3', 'h4', 'h5', 'h6'],
        visit(node, ctx) {
          const text = ctx.textContent(node);
          const id = typeof node.properties?.['id'] === 'string' ? node.properties['id'] : slug(text);
          ctx.setProperty(node, 'id', id);
          ctx.appendChild(node, {
            type: 'element',
            tagName: 'a',
            properties: { className: [HEADING_ANCHOR_CLASS], href: `#${id}` },
            children: [
              { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '§' }] },
              {
                type: 'element',
                tagName: 'span',
                properties: { className: ['visually-hidden'] },
                children: [{ type: 'text', value: `Link to the section “${text.trim()}”` }],
              },
            ],
          });
        },
      },
    };
  };
}
