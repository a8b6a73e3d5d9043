/**
 * What an imported body would publish wrongly if nobody looked: template tags of the site it came from
 * (Liquid `{% ... %}`, `{{ ... }}`), link texts its build filled in (GitHub docs' `AUTOTITLE`), markup that
 * MDX shows as text, admonition marks, the skip link and copyright footer of a copied web page. Each is named with its line, so the author can fix it before publishing.
 */
import type { ImportGuess } from './report.ts';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** A kind of leftover: the pattern it is found by (in MDX-safe text) and what to tell the author. */
const LEFTOVERS: readonly { pattern: RegExp; what: (match: string) => string }[] = [
  { pattern: /\\\{%-?\s*[\s\S]*?-?%\\\}/g, what: (match) => `template tag ${unescape(match)} would be published as text: replace it with the text it stood for, or delete it` },
  { pattern: /\\\{\\\{[\s\S]*?\\\}\\\}/g, what: (match) => `template variable ${unescape(match)} would be published as text: replace it with its value` },
  { pattern: /\[AUTOTITLE\]/gi, what: () => `link text "AUTOTITLE" (the source site filled in the title of the page linked to) would be published as it is: write the title` },
  { pattern: /\\<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^>\n]*)?>/g, what: (match) => `markup ${unescape(match)} would be published as visible text: turn it into Markdown or delete it` },
  { pattern: /\\\{:[^}\n]*\\\}/g, what: (match) => `attribute list ${unescape(match)} would be published as text: delete it` },
  { pattern: /^\s*>\s*\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]/gi, what: (match) => `admonition mark ${match.replace(/^\s*>\s*/, '')} would be published as text: use <Callout> instead` },
  { pattern: /&(?:lt|gt|amp);[a-z/]/gi, what: (match) => `escaped markup ${match} would be published as text` },
  // Text copied from a web page brings the page's own links and footer with it (a saved HTML page loses them).
  { pattern: /^\s*Skip to (?:the )?(?:main )?content\s*$/gi, what: (match) => `${unescape(match)} (a link of the page the text was copied from) would be published: delete it` },
  { pattern: /^\s*(?:©|\(c\)|copyright\b)[^\n]{0,40}\b(?:19|20)\d{2}\b[^\n]*$/gi, what: (match) => `footer line ${unescape(match)} (of the page the text was copied from) would be published: delete it unless the policy itself says it` },
];

function unescape(text: string): string {
  const flat = text.replace(/\\(.)/g, '$1').replace(/\s+/g, ' ');
  return `"${flat.length > 70 ? `${flat.slice(0, 69)}…` : flat}"`;
}

/** Every leftover in an MDX-safe body, with its 1-based line in the body. */
export function findLeftovers(body: string): ImportGuess[] {
  const found: ImportGuess[] = [];
  let inFence = false;
  body.split('\n').forEach((line, index) => {
    if (FENCE.test(line)) {
      inFence = !inFence;
      return;
    }
    if (inFence) return;
    for (const { pattern, what } of LEFTOVERS) {
      for (const match of line.matchAll(pattern)) found.push({ line: index + 1, message: what(match[0]) });
    }
  });
  return found;
}
