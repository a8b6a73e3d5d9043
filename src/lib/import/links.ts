/**
 * Links of an imported text made to work on this site: in-page links point at the anchors Redline gives
 * the headings (heading-anchors.ts, which leaves clause numbers out: "#a-definitions" becomes
 * "#definitions"); a link to a document of this site becomes a DocLink (safe under any base path);
 * root-relative and relative links become absolute with `--base-url`. A link that cannot be made to work
 * loses its target but keeps its text, and is reported: a published page never carries a broken link.
 */
import GithubSlugger from 'github-slugger';
import { createClauseSlugger } from '../site/heading-anchors.ts';
import { type ImportGuess, quote } from './report.ts';

/** What link rewriting knows about the site and the source. */
export interface LinkContext {
  /** Where the source was published, e.g. https://example.com: root-relative and relative links resolve against it. */
  baseUrl?: string | undefined;
  /** This site's URL (redline.config.ts): absolute links to it are links to its documents. */
  siteUrl?: string | undefined;
  /** Documents of this site by slug, with their titles (the one being imported included). */
  documents: ReadonlyMap<string, string>;
  /** Ids the source gave its headings (HTML `id`s), with the heading's text. */
  headingIds?: readonly { id: string; text: string }[];
  /** The slug of the document being imported: a link to it is an in-page link. */
  document?: string | undefined;
  /** The anchors of each document's latest published version, to check a DocLink's section against. */
  documentAnchors?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Links rewritten, with each change made (a guess to check) and each link that lost its target (a problem). */
export interface LinkRewrite {
  markdown: string;
  guesses: ImportGuess[];
  problems: ImportGuess[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{2,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
// [text](target "title"): text may hold escaped characters and one level of brackets; images are skipped by the caller.
const LINK = /(!?)\[((?:[^[\]\\]|\\.|\[[^\]]*\])*)\]\(\s*<?([^()\s<>]*(?:\([^()\s]*\)[^()\s<>]*)*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;

/** The text a heading's Markdown renders to, as the clause slugger sees it. */
export function headingText(markdown: string): string {
  return markdown
    .replace(/<DocLink\b[^>]*>|<\/DocLink>/g, '')
    .replace(/!?\[((?:[^[\]\\]|\\.)*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`)/g, '')
    .replace(/\\(.)/g, '$1')
    .replace(/<br \/>/g, ' ')
    .trim();
}

/** Each heading of a body with the anchor Redline gives it and the anchor the source (GitHub-style) gave it. */
export function headingAnchorsOf(markdown: string): { text: string; anchor: string; sourceAnchor: string }[] {
  const redline = createClauseSlugger();
  const github = new GithubSlugger();
  const out: { text: string; anchor: string; sourceAnchor: string }[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (FENCE.test(line)) inFence = !inFence;
    const match = inFence ? null : ATX.exec(line);
    if (!match) continue;
    const text = headingText(match[2] ?? '');
    out.push({ text, anchor: redline(text), sourceAnchor: github.slug(text) });
  }
  return out;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The document slug a site path names (`/terms`, `/terms/`, `/terms/2024-01-01/`), or undefined. */
function documentOfPath(path: string, documents: ReadonlyMap<string, string>): string | undefined {
  const segments = path.split('/').filter((segment) => segment !== '');
  const first = segments[0];
  if (!first || segments.length > 2) return undefined;
  const slug = first.replace(/\.(html?|md)$/i, '');
  if (!documents.has(slug)) return undefined;
  return segments.length === 1 || /^\d{4}-\d{2}-\d{2}(?:-[a-z0-9]+)?$/.test(segments[1] ?? '') ? slug : undefined;
}

/** Rewrites the links of an MDX-safe body (see the module comment); images and code are left alone. */
export function rewriteLinks(markdown: string, context: LinkContext): LinkRewrite {
  const guesses: ImportGuess[] = [];
  const problems: ImportGuess[] = [];
  const headings = headingAnchorsOf(markdown);
  const anchors = new Map<string, { anchor: string; text: string }>();
  for (const heading of headings) {
    if (!anchors.has(heading.sourceAnchor)) anchors.set(heading.sourceAnchor, heading);
  }
  for (const { id, text } of context.headingIds ?? []) {
    const heading = headings.find((candidate) => candidate.text === text.trim());
    if (heading && !anchors.has(id)) anchors.set(id, heading);
  }
  for (const heading of headings) anchors.set(heading.anchor, heading);
  const site = context.siteUrl ? new URL(context.siteUrl) : undefined;
  const base = context.baseUrl ? new URL(context.baseUrl.endsWith('/') ? context.baseUrl : `${context.baseUrl}/`) : undefined;

  const rewriteOne = (whole: string, text: string, target: string, lineNumber: number): string => {
    const at = { line: lineNumber, source: whole };
    const unlinked = (why: string) => {
      problems.push({ ...at, message: `link ${quote(target, 80)} ${why}: kept the text ${quote(text)} without the link` });
      return text;
    };
    const autotitle = /^AUTOTITLE$/i.test(text.trim());
    if (target.startsWith('#')) {
      const fragment = decodeURIComponent(target.slice(1));
      const heading = anchors.get(fragment) ?? anchors.get(fragment.toLowerCase());
      if (!heading) return unlinked('points to no heading of this document');
      const label = autotitle ? heading.text.replace(/[[\]\\*_`{}<]/g, '\\$&') : text;
      if (heading.anchor !== fragment || autotitle) guesses.push({ ...at, message: `pointed the in-page link ${quote(target)} at the heading ${quote(heading.text)} (#${heading.anchor})` });
      return `[${label}](#${heading.anchor})`;
    }
    if (/^(mailto|tel):/i.test(target)) return whole;
    let url: URL | undefined;
    if (/^https?:\/\//i.test(target)) url = new URL(target);
    else if (target.startsWith('//')) url = new URL(`https:${target}`);
    else if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return unlinked('uses a kind of address a legal page must not link to');
    else if (!base) {
      const document = target.startsWith('/') ? documentOfPath(target.split(/[?#]/)[0] ?? '', context.documents) : undefined;
      if (document) url = new URL(target, 'https://this.site.invalid/');
      else return unlinked(target.startsWith('/') ? 'is root-relative (pass --base-url with the address of the site it came from)' : 'is relative (pass --base-url with the address of the page it came from)');
    } else url = new URL(target, base);
    const internal = url.hostname === 'this.site.invalid' || (site !== undefined && url.host === site.host) || (base !== undefined && url.host === base.host && !/^https?:/i.test(target));
    const document = internal ? documentOfPath(url.pathname.replace(site && url.host === site.host ? site.pathname.replace(/\/$/, '') : '', ''), context.documents) : undefined;
    if (document) {
      let section = url.hash ? decodeURIComponent(url.hash.slice(1)) : '';
      const title = context.documents.get(document) ?? document;
      const label = autotitle ? title.replace(/[[\]\\*_`{}<]/g, '\\$&') : text;
      if (document === context.document && section) return rewriteOne(whole, text, `#${section}`, lineNumber);
      const known = context.documentAnchors?.get(document);
      if (section && known && !known.has(section)) {
        problems.push({ ...at, message: `link ${quote(target)}: "${document}" has no section #${section}, so the link goes to the top of the document: point it at the right section by hand` });
        section = '';
      }
      guesses.push({ ...at, message: `made the link ${quote(target)} a link to this site's document "${document}"${section ? ` at #${section}` : ''}` });
      return `<DocLink doc="${escapeAttribute(document)}"${section ? ` section="${escapeAttribute(section)}"` : ''}>${label}</DocLink>`;
    }
    if (/^https?:\/\//i.test(target)) return whole;
    const absolute = url.href;
    guesses.push({ ...at, message: `made the link ${quote(target)} absolute: ${absolute}` });
    return `[${text}](${absolute})`;
  };

  let inFence = false;
  const lines = markdown.split('\n').map((line, index) => {
    if (FENCE.test(line)) inFence = !inFence;
    if (inFence) return line;
    // Reference definitions ("[1]: /terms") are links too.
    const definition = /^( {0,3}\[[^\]]+\]:\s*)(\S+)(.*)$/.exec(line);
    if (definition && (definition[2] ?? '').startsWith('/') && !(definition[2] ?? '').startsWith('//')) {
      if (!base) {
        problems.push({ line: index + 1, source: line, message: `link definition ${quote(definition[2] ?? '')} is root-relative (pass --base-url): it will not work on this site` });
        return line;
      }
      return `${definition[1]}${new URL(definition[2] ?? '', base).href}${definition[3]}`;
    }
    // Code spans are shown literally; keep links in them as they are.
    return line
      .split(/(`+[^`]*`+)/)
      .map((part) =>
        part.startsWith('`')
          ? part
          : part.replace(LINK, (whole, bang: string, text: string, target: string) => {
              if (!bang) return rewriteOne(whole, text, target, index + 1);
              // An image would be fetched from wherever it lives, maybe a third party: its alt text stays in its place.
              problems.push({ line: index + 1, source: whole, message: `image ${quote(target, 80)} is not imported (kept its alt text): put the file in public/ and add it by hand if the document needs it` });
              return text.trim() === '' ? '' : `[Image: ${text}]`;
            }),
      )
      .join('');
  });
  return { markdown: lines.join('\n'), guesses, problems };
}
