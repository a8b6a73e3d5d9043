import GithubSlugger from 'github-slugger';
import { decodeHTML } from 'entities';
import type { HastPluginEntry } from 'satteri';

// A clause number in the styles real policies use: 4, 4.2, 4.2.1, 4a; roman numerals (strict, so "Civil"
// or "Mix" are words, not numbers); a single letter.
const NUMBER = String.raw`(?:\d{1,3}(?:\.\d{1,3})*[a-z]?|(?=[ivxlcdm])m{0,3}(?:c[md]|d?c{0,3})(?:x[cl]|l?x{0,3})(?:i[xv]|v?i{0,3})|[a-z])`;
// What may separate a number from the title: "·", "-", "–", "—", "|", ":", "•".
const SEPARATOR = String.raw`\s*[-–—·•|:]`;
/**
 * Leading clause numbering that must not change a heading's anchor, in every style real policies use:
 * "1.", "1)", "4.2", "1 ·", "1 -", "A.", "a)", "(a)", "(iv)", "I.", "Section 3", "Article 3 –", "Clause 4.2:",
 * "§ 4", "§4", "Part 2", "Schedule 1", "Annex A", "Appendix B", "Chapter 2". A letter or roman numeral needs
 * its punctuation ("A guide to..." keeps its "A"); a bare number needs a capital after it ("1 Introduction",
 * as Word exports write it, but not "2024 changes").
 */
const LEADING_NUMBERING = new RegExp(
  String.raw`^\s*(?:` +
    String.raw`(?:(?:section|article|clause|part|schedule|annex|appendix|exhibit|chapter)(?:\s+|(?=\d))|§{1,2}\s*)${NUMBER}(?![\w])[.):]?(?:${SEPARATOR})?\s*` +
    String.raw`|\(${NUMBER}\)(?:${SEPARATOR})?\s+` +
    String.raw`|\d{1,3}(?:\.\d{1,3})+\.?(?:${SEPARATOR})?\s+` +
    String.raw`|${NUMBER}[.)](?:${SEPARATOR})?\s+` +
    String.raw`|\d{1,3}[.)]\s*(?=\p{Lu})` +
    String.raw`|${NUMBER}${SEPARATOR}\s+` +
    `)`,
  'iu',
);
// "1 Introduction": a bare number, then a capital letter (case-sensitive, unlike the rest).
const BARE_NUMBER = /^\s*\d{1,2}\s+(?=\p{Lu})/u;

/** The text a clause anchor is made from: the heading without its number, so renumbering keeps old citations working. */
export function clauseTitle(heading: string): string {
  const numbered = LEADING_NUMBERING.exec(heading) ?? BARE_NUMBER.exec(heading);
  const stripped = numbered ? heading.slice(numbered[0].length).trim() : heading.trim();
  return stripped.length > 0 ? stripped : heading.trim();
}

// The numbering stripped before issue 15 ("1.", "4.2", "Section 4 -", "IV.", "a)"): anchors made with it are
// cited in the wild, so a heading whose anchor changed keeps its old one as an alias (legacyClauseTitle).
const LEGACY_NUMBERING =
  /^\s*(?:(?:section|article|clause|§)\s*[\w.]+?[.):]?\s*(?:[-–—:]\s*)?|(?:\d+(?:\.\d+)+\.?|\d+[.):]|[ivxlc]+[.):]|[a-z][.)])\s+)/i;

/** The text anchors were made from before every numbering style was stripped; kept so that old anchors keep working. */
export function legacyClauseTitle(heading: string): string {
  const stripped = heading.replace(LEGACY_NUMBERING, '').trim();
  return stripped.length > 0 ? stripped : heading.trim();
}

/** Creates a slugger that gives each heading of one document an anchor, the same in every version that has the heading. */
export function createClauseSlugger(): (heading: string) => string {
  const slugger = new GithubSlugger();
  return (heading) => slugger.slug(clauseTitle(heading));
}

/** A heading's clause anchor and, when the anchor it had before issue 15 differs, that old anchor as `alias`. */
export interface ClauseAnchor {
  id: string;
  alias?: string;
}

/**
 * Creates a slugger like createClauseSlugger that also returns the anchor the heading would have had with the
 * old numbering rule, when it differs, so the page can keep it as an alias. Call it on every heading of one
 * document, in order: both sluggers number repeated titles (`scope`, `scope-1`) as the page did.
 */
export function createClauseAnchors(): (heading: string) => ClauseAnchor {
  const current = new GithubSlugger();
  const legacy = new GithubSlugger();
  return (heading) => {
    const id = current.slug(clauseTitle(heading));
    const old = legacy.slug(legacyClauseTitle(heading));
    return old === id ? { id } : { id, alias: old };
  };
}

/** Attribute the clause-ids plugin puts on a heading whose old anchor differs; addHeadingAnchors turns it into an alias element. */
export const ANCHOR_ALIAS_ATTRIBUTE = 'data-anchor-alias';

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
    const anchor = createClauseAnchors();
    return {
      name: 'redline-clause-ids',
      element: {
        filter: ['h2', 'h3', 'h4', 'h5', 'h6'],
        visit(node, ctx) {
          if (typeof node.properties?.['id'] === 'string') return;
          const { id, alias } = anchor(ctx.textContent(node));
          ctx.setProperty(node, 'id', id);
          // An attribute, not an element: each element a plugin adds costs MDX compile time (see above).
          if (alias !== undefined) ctx.setProperty(node, ANCHOR_ALIAS_ATTRIBUTE, alias);
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
const ALIAS_ATTRIBUTE = new RegExp(`\\s${ANCHOR_ALIAS_ATTRIBUTE}="([^"]*)"`, 'u');
const ANY_ID = /\sid="([^"]*)"/gu;

/** Class of the empty element that carries a heading's old anchor, so links made before a renumbering still land. */
export const ANCHOR_ALIAS_CLASS = 'anchor-alias';

/**
 * Adds the visible "§" link, for citing a clause, to the end of each h2-h6 with an id in `html` (a version's
 * rendered content): `<h2 id="retention">Retention<a class="heading-anchor" href="#retention">...</a></h2>`.
 * A heading whose anchor changed when numbering styles were added (createClauseAnchors) also gets its old
 * anchor, as an empty element at its start, unless another element of the page already has that id: the
 * page's own ids win, so an alias never changes where an existing link lands.
 */
export function addHeadingAnchors(html: string): string {
  const taken = new Set([...html.matchAll(ANY_ID)].map((match) => match[1]));
  return html.replace(HEADING, (heading, level: string, attributes: string | undefined, content: string) => {
    const id = attributes === undefined ? undefined : ID_ATTRIBUTE.exec(attributes)?.[1];
    if (id === undefined) return heading;
    const text = decodeHTML(content.replace(/<[^>]*>/gu, ''));
    const alias = ALIAS_ATTRIBUTE.exec(attributes ?? '');
    let aliasHtml = '';
    let kept = attributes ?? '';
    if (alias) {
      kept = kept.replace(alias[0], '');
      if (!taken.has(alias[1])) {
        taken.add(alias[1]);
        aliasHtml = `<span class="${ANCHOR_ALIAS_CLASS}" id="${alias[1]}"></span>`;
      }
    }
    return `<h${level}${kept}>${aliasHtml}${content}${headingAnchorHtml(decodeHTML(id), text)}</h${level}>`;
  });
}
