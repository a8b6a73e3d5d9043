/**
 * Content is text, never code. A version file arrives in a pull request and is built next to CI's secrets, so
 * before Astro compiles any MDX this module reads every version with the parser the build compiles with
 * (Sätteri's `mdxToMdast`, the parser behind Astro 7's `mdxToJs`) and refuses what could run, reach the
 * network, break a link or publish something other than text. A check with a parser of its own (regular
 * expressions, micromark) could read one file two ways; this one cannot.
 *
 * Rules: no import/export, no `{…}` expressions, only the registered components with literal attributes, a
 * short allowlist of HTML without event handlers or styles, link schemes https/http/mailto/tel, no root-relative
 * or relative links (DocLink instead), DocLink targets and sections that exist, in-page #fragments that exist,
 * images that are files of the document, headings with a citable anchor, no control or bidi override
 * characters, UTF-8 only, and a frontmatter that ends where the compiler thinks it ends.
 */
import GithubSlugger from 'github-slugger';
import { mdxToMdast } from 'satteri';
import { type ContentTree, type DocumentSource, IMAGE_FILE, type VersionSource } from './files.ts';
import { createClauseAnchors } from '../site/heading-anchors.ts';
import type { ContentIssue } from './types.ts';

/** An attribute a component accepts: its allowed literal values, when the component only knows some. */
interface ComponentAttribute {
  required?: boolean;
  values?: readonly string[];
}

/**
 * The components a version may use, with the attributes each accepts. Keep in step with the components passed
 * to the MDX content in src/data/rendered-versions.ts: a component added there is usable once it is listed here.
 */
export const CONTENT_COMPONENTS: Readonly<Record<string, Readonly<Record<string, ComponentAttribute>>>> = {
  Callout: { type: { values: ['note', 'important', 'warning'] }, title: {} },
  DocLink: { doc: { required: true }, section: {} },
};

// Attributes any allowed HTML element may carry; `id` makes an in-page #fragment target.
const GLOBAL_ATTRIBUTES = ['id', 'title', 'lang', 'dir'];

/**
 * Plain HTML that legal text needs and Markdown cannot write (cells spanning columns, line breaks in cells,
 * footnote marks, abbreviations, definition lists), with the attributes each may carry besides the global ones.
 */
export const ALLOWED_HTML: Readonly<Record<string, readonly string[]>> = {
  table: [],
  caption: [],
  thead: [],
  tbody: [],
  tfoot: [],
  tr: [],
  th: ['colspan', 'rowspan', 'scope'],
  td: ['colspan', 'rowspan'],
  br: [],
  sup: [],
  sub: [],
  abbr: [],
  dfn: [],
  dl: [],
  dt: [],
  dd: [],
  p: [],
  ul: [],
  ol: ['start', 'type', 'reversed'],
  li: ['value'],
  strong: [],
  em: [],
  b: [],
  i: [],
  u: [],
  s: [],
  del: [],
  ins: [],
  mark: [],
  small: [],
  span: [],
  div: [],
  blockquote: [],
  address: [],
  time: ['datetime'],
  a: ['href'],
  img: ['src', 'alt', 'width', 'height'],
};

// Elements that run code, embed other pages or submit data: named in the message, since they are never a slip.
const CODE_ELEMENTS = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'select',
  'textarea', 'link', 'meta', 'base', 'template', 'noscript', 'svg', 'math', 'portal', 'video', 'audio', 'source', 'track',
]);

/** URL schemes a link may use. */
export const ALLOWED_SCHEMES: readonly string[] = ['https', 'http', 'mailto', 'tel'];

// C0 and C1 controls other than tab and line feed (a carriage return is allowed only before a line feed), DEL,
// and the bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) that make text read
// differently from how it is stored ("Trojan Source", CVE-2021-42574).
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|\r(?!\n)/u;
// What a decoder puts where a file's bytes are not UTF-8 (a Word or Windows-1252 curly quote, for example).
const REPLACEMENT_CHARACTER = '\uFFFD';

const DOCLINK_FIX = 'link to another document with <DocLink doc="slug" section="anchor">text</DocLink>, or to another site with a full https:// URL';
const BRACE_FIX = 'MDX reads {…} as code; to show a brace in the text write \\{ and \\} (or &#123; and &#125;)';

/** A parsed Markdown node, as much of it as the rules read (Sätteri's materialized mdast). */
interface MdastLike {
  type: string;
  position?: { start: { line: number; column: number } };
  children?: MdastLike[];
  value?: unknown;
  url?: string;
  identifier?: string;
  depth?: number;
  name?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
}

/** A version body as the compiler reads it, or the compiler's reason for refusing it. */
export type ParsedBody = { ok: true; tree: MdastLike } | { ok: false; line: number; column: number; message: string };

// Astro's frontmatter extraction (@astrojs/internal-helpers/frontmatter, used by @astrojs/mdx and the content
// layer): it ends at the first line that starts with --- or +++, whatever follows on that line.
const COMPILER_FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;
const COMPILER_FRONTMATTER_KIND = /(?:^\uFEFF?|^\s*\n)(---|\+\+\+)/;

/**
 * The source as @astrojs/mdx hands it to Sätteri (frontmatter blanked with spaces, so lines and columns are the
 * file's), and the frontmatter text Astro extracted.
 */
export function compilerView(source: string): { frontmatter: string | undefined; content: string } {
  const frontmatter = COMPILER_FRONTMATTER.exec(source)?.[1];
  if (frontmatter === undefined) return { frontmatter, content: source };
  const delimiter = COMPILER_FRONTMATTER_KIND.exec(source)?.[1] ?? '---';
  const content = source.replace(`${delimiter}${frontmatter}${delimiter}`, `   ${frontmatter.replace(/[^\r\n]/g, ' ')}   `);
  return { frontmatter, content };
}

/** Parses a version file's MDX with Sätteri, the build's compiler, with positions (1-based lines of the file). */
export function parseVersionBody(source: string): ParsedBody {
  try {
    return { ok: true, tree: mdxToMdast(compilerView(source).content, { position: true }) as unknown as MdastLike };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const where = /^(\d+):(\d+)(?:-\d+:\d+)?:\s*/.exec(text);
    return { ok: false, line: Number(where?.[1] ?? 1), column: Number(where?.[2] ?? 1), message: text.slice(where?.[0].length ?? 0) };
  }
}

/** The plain text of a node, as a heading's anchor is made from it. */
function textOf(node: MdastLike): string {
  if (node.type === 'text' || node.type === 'inlineCode') return typeof node.value === 'string' ? node.value : '';
  return (node.children ?? []).map(textOf).join('');
}

function walk(node: MdastLike, visit: (node: MdastLike) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

/**
 * The anchors a version's page will have: its headings' ids (clause ids for h2-h6 and their old aliases, made by
 * heading-anchors.ts as the build makes them) and explicit `id`s.
 */
export function versionAnchors(tree: MdastLike): Set<string> {
  const anchors = new Set<string>();
  const clauseAnchor = createClauseAnchors();
  // Astro's own heading-ids plugin slugs the headings clauseIdsPlugin leaves alone (h1) with a plain slugger.
  const plainSlugger = new GithubSlugger();
  walk(tree, (node) => {
    if (node.type === 'heading' && node.depth === 1) anchors.add(plainSlugger.slug(textOf(node)));
    else if (node.type === 'heading') {
      const { id, alias } = clauseAnchor(textOf(node));
      anchors.add(id);
      if (alias !== undefined) anchors.add(alias);
    }
    for (const attribute of node.attributes ?? []) {
      if (attribute.name === 'id' && typeof attribute.value === 'string') anchors.add(attribute.value);
    }
  });
  return anchors;
}

interface VersionContext {
  version: VersionSource;
  document: DocumentSource;
  /** The version's own anchors, worked out on the first in-page link (most versions have none). */
  anchors: () => Set<string>;
  /** Latest published version's anchors of each document, for DocLink targets; undefined when one file is checked alone. */
  documentAnchors: ReadonlyMap<string, { versionId: string; anchors: Set<string> }> | undefined;
  issues: ContentIssue[];
}

const describeCharacter = (char: string): string => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Control characters, bidi overrides and bytes that were not UTF-8, one issue per line. */
export function characterIssues(file: string, text: string, field: (line: number) => string): ContentIssue[] {
  const issues: ContentIssue[] = [];
  // One scan of the whole text first: nearly every file is clean, and splitting it into lines costs more.
  if (!text.includes(REPLACEMENT_CHARACTER) && !FORBIDDEN_CHARACTER.test(text)) return issues;
  const lines = text.split('\n');
  lines.forEach((lineText, index) => {
    const line = index + 1;
    const bad = lineText.indexOf(REPLACEMENT_CHARACTER);
    if (bad !== -1) {
      issues.push({
        file,
        line,
        column: bad + 1,
        field: field(line),
        message: `the file is not UTF-8: line ${line}, column ${bad + 1} holds a byte that is not UTF-8 text (often a curly quote or dash saved by Word or Windows as Windows-1252)`,
        fix: 'save the file as UTF-8 (in most editors: "Save with encoding" > UTF-8) and check the quotes and dashes on that line',
      });
      return;
    }
    const match = FORBIDDEN_CHARACTER.exec(index < lines.length - 1 ? `${lineText}\n` : lineText);
    if (match) {
      const char = match[0][0] ?? '';
      const bidi = /[\u202A-\u202E\u2066-\u2069]/u.test(char);
      issues.push({
        file,
        line,
        column: match.index + 1,
        field: field(line),
        message: bidi
          ? `invisible bidirectional control character ${describeCharacter(char)} at line ${line}, column ${match.index + 1}: it makes the text display differently from what it says`
          : `invisible control character ${describeCharacter(char)} at line ${line}, column ${match.index + 1}`,
        fix: 'delete the character (it often comes from pasting from a web page or a PDF); retype the words around it if unsure where it is',
      });
    }
  });
  return issues;
}

function push(context: VersionContext, node: MdastLike | undefined, message: string, fix: string): void {
  const start = node?.position?.start;
  context.issues.push({
    file: context.version.path,
    ...(start ? { line: start.line, column: start.column } : {}),
    field: 'body',
    message,
    fix,
  });
}

/** Why a link target is refused, or undefined when it is fine. In-page fragments are checked by the caller. */
export function linkProblem(url: string): { message: string; fix: string } | undefined {
  // Browsers ignore ASCII whitespace and controls inside a scheme ("java\tscript:"), so the check does too.
  const squeezed = url.replace(/[\u0000-\u0020]/g, '');
  if (squeezed === '') return { message: 'a link with no target', fix: 'write the address between the parentheses: [text](https://...)' };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(squeezed)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    if (ALLOWED_SCHEMES.includes(scheme)) return undefined;
    return {
      message: `link "${url}" uses the ${scheme}: scheme, which is not allowed`,
      fix: `link with ${ALLOWED_SCHEMES.map((name) => `${name}:`).join(', ')} only`,
    };
  }
  if (squeezed.startsWith('#')) return undefined;
  if (squeezed.startsWith('//')) return { message: `link "${url}" has no scheme`, fix: `write it in full, https:${squeezed}` };
  if (squeezed.startsWith('/')) return { message: `root-relative link "${url}" breaks when the site is served under a base path`, fix: DOCLINK_FIX };
  return { message: `relative link "${url}" depends on the page it is on and breaks under a base path`, fix: DOCLINK_FIX };
}

function checkLink(context: VersionContext, node: MdastLike, url: string): void {
  const problem = linkProblem(url);
  if (problem) return push(context, node, problem.message, problem.fix);
  const fragment = /^#(.*)$/.exec(url.trim())?.[1];
  if (fragment !== undefined && !context.anchors().has(decodeURIComponentSafe(fragment))) {
    push(context, node, `in-page link "${url}" points to an anchor this version does not have`, anchorFix(context.anchors()));
  }
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function anchorFix(anchors: ReadonlySet<string>): string {
  const list = [...anchors];
  return list.length === 0
    ? 'the target has no headings; remove the anchor'
    : `use one of its anchors: ${list.slice(0, 12).map((anchor) => `#${anchor}`).join(', ')}${list.length > 12 ? ', …' : ''}`;
}

function checkImage(context: VersionContext, node: MdastLike, src: string, raw = false): void {
  const squeezed = src.replace(/[\u0000-\u0020]/g, '');
  if (/^[a-z][a-z0-9+.-]*:/i.test(squeezed) || squeezed.startsWith('//')) {
    return push(
      context,
      node,
      `image "${src}" is loaded from another site: every reader's visit would be reported to it`,
      `save the image in ${context.document.dir}/ and write its file name, e.g. ![description](./diagram.png)`,
    );
  }
  if (raw) {
    // Astro publishes (and optimises) an image written in Markdown; an <img> tag's file would not be published.
    return push(context, node, `<img src="${src}">: an image file is published only when written in Markdown`, `write ![description](./${squeezed.replace(/^\.\//, '')}) instead`);
  }
  const name = squeezed.replace(/^\.\//, '');
  const exists = (context.document.assets ?? []).some((path) => path.split('/').pop() === name);
  if (name.includes('/') || !IMAGE_FILE.test(name) || !exists) {
    push(
      context,
      node,
      `image "${src}" is not an image file in ${context.document.dir}/`,
      `save the image (png, jpg, gif, webp or avif) in ${context.document.dir}/ and write its file name, e.g. ![description](./diagram.png)`,
    );
  }
}

function attributeValue(attribute: { value?: unknown }): string | undefined {
  return typeof attribute.value === 'string' ? attribute.value : undefined;
}

function checkJsx(context: VersionContext, node: MdastLike): void {
  const name = node.name;
  if (!name) return push(context, node, 'an empty tag <> (a JSX fragment) is not text', 'remove the <> and </>, or write \\< to show the character');
  const tag = `<${name}>`;
  const component = CONTENT_COMPONENTS[name];
  const isComponent = /^[A-Z]/.test(name) || name.includes('.');
  if (isComponent && !component) {
    return push(context, node, `unknown component ${tag}`, `use one of ${Object.keys(CONTENT_COMPONENTS).map((known) => `<${known}>`).join(', ')}, or write \\< to show the tag as text`);
  }
  const allowedHtml = isComponent ? undefined : ALLOWED_HTML[name.toLowerCase()];
  if (!isComponent && !allowedHtml) {
    if (CODE_ELEMENTS.has(name.toLowerCase())) {
      return push(context, node, `${tag} is not allowed: a version is text, and ${tag} embeds code, other pages or media`, 'remove it; write the text in Markdown');
    }
    return push(
      context,
      node,
      /^h[1-6]$/i.test(name) ? `${tag} headings are not allowed in HTML` : `${tag} is not in the HTML a version may use`,
      /^h[1-6]$/i.test(name)
        ? 'write the heading in Markdown (## Heading), so that it gets its citable anchor'
        : `use Markdown, or one of: ${Object.keys(ALLOWED_HTML).map((allowed) => `<${allowed}>`).join(' ')}`,
    );
  }
  const values = new Map<string, string>();
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute' || attribute.name === undefined) {
      push(context, node, `${tag} has a {…} spread attribute, which is code`, 'write each attribute as name="value"');
      continue;
    }
    const attributeName = attribute.name;
    if (attribute.value !== null && attribute.value !== undefined && typeof attribute.value !== 'string') {
      push(context, node, `${tag} attribute ${attributeName}={…} is code, not text`, `write it as a quoted literal: ${attributeName}="..."`);
      continue;
    }
    if (/^on/i.test(attributeName)) {
      push(context, node, `${tag} has the event handler ${attributeName}, which runs code`, 'remove the attribute');
      continue;
    }
    if (attributeName.toLowerCase() === 'style') {
      push(context, node, `${tag} has a style attribute`, 'remove it; the site styles the text, and its Content-Security-Policy blocks inline styles');
      continue;
    }
    const known = component ? attributeName in component : [...GLOBAL_ATTRIBUTES, ...(allowedHtml ?? [])].includes(attributeName);
    if (!known) {
      const allowed = component ? Object.keys(component) : [...(allowedHtml ?? []), ...GLOBAL_ATTRIBUTES];
      push(context, node, `${tag} does not take the attribute ${attributeName}`, `remove it; ${tag} takes ${allowed.join(', ')}`);
      continue;
    }
    values.set(attributeName, attributeValue(attribute) ?? '');
  }
  if (component) {
    for (const [attributeName, rule] of Object.entries(component)) {
      const value = values.get(attributeName);
      if (rule.required && value === undefined) push(context, node, `${tag} needs a ${attributeName} attribute`, `add ${attributeName}="..."`);
      if (value !== undefined && rule.values && !rule.values.includes(value)) {
        push(context, node, `${tag} ${attributeName}="${value}" is not one of ${rule.values.join(', ')}`, `write ${attributeName}="${rule.values[0]}" or another of: ${rule.values.join(', ')}`);
      }
    }
    if (name === 'DocLink') checkDocLink(context, node, values.get('doc'), values.get('section'));
    return;
  }
  const lower = name.toLowerCase();
  const href = values.get('href');
  if (lower === 'a' && href !== undefined) checkLink(context, node, href);
  // <a id="annex-a"></a> is an anchor (pasted HTML has them); an <a> that is neither link nor anchor is a slip.
  if (lower === 'a' && href === undefined && !values.has('id')) push(context, node, '<a> without href', 'write the link in Markdown, [text](https://...), or use <DocLink>');
  const src = values.get('src');
  if (lower === 'img') checkImage(context, node, src ?? '', true);
}

function checkDocLink(context: VersionContext, node: MdastLike, doc: string | undefined, section: string | undefined): void {
  if (doc === undefined || !context.documentAnchors) return;
  const target = context.documentAnchors.get(doc);
  if (!target) {
    const slugs = [...context.documentAnchors.keys()];
    return push(context, node, `<DocLink doc="${doc}"> links to a document that does not exist`, `use one of: ${slugs.join(', ')}`);
  }
  if (section === undefined) return;
  if (section.startsWith('#')) return push(context, node, `<DocLink section="${section}"> starts with #`, `write section="${section.slice(1)}"`);
  if (!target.anchors.has(section)) {
    push(
      context,
      node,
      `<DocLink doc="${doc}" section="${section}">: ${doc} ${target.versionId} (its latest published version) has no such section`,
      `${anchorFix(target.anchors).replace(/#/g, '')}; if this version is already published, record the fix as a correction`,
    );
  }
}

function checkTree(context: VersionContext, tree: MdastLike): void {
  const imageDefinitions = new Set<string>();
  walk(tree, (node) => {
    if (node.type === 'imageReference' && node.identifier) imageDefinitions.add(node.identifier);
  });
  walk(tree, (node) => {
    switch (node.type) {
      case 'mdxjsEsm':
        return push(
          context,
          node,
          'import/export is code, and a version is text only',
          'remove the line (Callout and DocLink need no import); if it is a sentence that starts with "import" or "export", reword it or write &#105;mport / &#101;xport',
        );
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        return push(context, node, `{${String(node.value ?? '')}} is a JavaScript expression, not text`, BRACE_FIX);
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        return checkJsx(context, node);
      case 'link':
        return checkLink(context, node, node.url ?? '');
      case 'definition':
        if (node.identifier && imageDefinitions.has(node.identifier)) return checkImage(context, node, node.url ?? '');
        return checkLink(context, node, node.url ?? '');
      case 'image':
        return checkImage(context, node, node.url ?? '');
      case 'heading':
        if (!/[\p{L}\p{N}]/u.test(textOf(node))) {
          push(context, node, `heading "${textOf(node).trim()}" has no letter or digit, so it gets no citable anchor`, 'give the heading words, e.g. "## Changes to this policy"');
        }
        return;
      default:
        return;
    }
  });
}

/** Checks one version's tree, its own anchors worked out on the first in-page link only (most versions have none). */
function checkVersionTree(tree: MdastLike, context: Omit<VersionContext, 'anchors'>): void {
  let anchors: Set<string> | undefined;
  checkTree({ ...context, anchors: () => (anchors ??= versionAnchors(tree)) }, tree);
}

function unreadableIssue(file: string, body: ParsedBody & { ok: false }): ContentIssue {
  return {
    file,
    line: body.line,
    column: body.column,
    field: 'body',
    message: `the MDX cannot be read: ${body.message}`,
    fix: 'close every tag you open (<Callout>…</Callout>); to show <, { or } as text write \\<, \\{ or \\}',
  };
}

function isPublished(version: VersionSource): boolean {
  const value = version.frontmatter.ok ? version.frontmatter.value : undefined;
  return typeof value === 'object' && value !== null && (value as { draft?: unknown }).draft !== true;
}

function frontmatterIssue(version: VersionSource): ContentIssue | undefined {
  const compiler = compilerView(version.source).frontmatter;
  if (compiler === undefined || !version.frontmatter.ok) return undefined;
  // The frontmatter as content/files.ts splits it, captured the way the compiler's pattern captures it.
  const ours = /^---(\r?\n[\s\S]*?\r?\n)---[ \t]*(?:\r?\n|$)/.exec(version.source)?.[1];
  if (ours === undefined || ours === compiler) return undefined;
  const line = compiler.split('\n').length;
  return {
    file: version.path,
    line,
    field: 'frontmatter',
    message: `line ${line} starts with "${version.source.split('\n')[line - 1]?.slice(0, 3)}", which ends the frontmatter for the MDX compiler`,
    fix: 'no frontmatter line may start with --- or +++: rewrap the text so that the line starts with a word, or put the value on one line in quotes',
  };
}

/** Every content rule of this module over the whole content tree: versions' MDX, characters, folders. */
export function contentRuleIssues(tree: ContentTree): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const folder of tree.hiddenFolders ?? []) {
    issues.push({
      file: folder,
      field: 'folder name',
      message: 'folders whose name starts with "." are not read: nothing in it is published',
      fix: 'rename the folder without the leading "." if it is a document, or move it out of the content folder',
    });
  }
  const parsed = new Map<VersionSource, ParsedBody>();
  const documentAnchors = new Map<string, { versionId: string; anchors: Set<string> }>();
  for (const document of tree.documents) {
    for (const folder of document.folders ?? []) {
      issues.push({
        file: folder,
        field: 'file name',
        message: 'this is a folder, not a version file: folders inside a document are not read',
        fix: `move what it holds into ${document.dir}/ as files named YYYY-MM-DD.mdx, and remove the folder`,
      });
    }
    if (document.metaSource !== undefined) issues.push(...characterIssues(document.metaPath, document.metaSource, () => 'document.yaml'));
    // DocLink links to /<document>/, and a section must be there once every announced version is in force:
    // the anchors of the document's latest published version count (docs/authoring.md, "Links").
    let latest: { versionId: string; tree: MdastLike } | undefined;
    for (const version of document.versions) {
      const body = parseVersionBody(version.source);
      parsed.set(version, body);
      if (body.ok && isPublished(version) && (!latest || version.id > latest.versionId)) latest = { versionId: version.id, tree: body.tree };
    }
    documentAnchors.set(document.slug, latest ? { versionId: latest.versionId, anchors: versionAnchors(latest.tree) } : { versionId: '(none)', anchors: new Set() });
  }
  for (const document of tree.documents) {
    for (const version of document.versions) {
      const characters = characterIssues(version.path, version.source, (line) => (line < version.bodyLine ? 'frontmatter' : 'body'));
      issues.push(...characters);
      const frontmatter = frontmatterIssue(version);
      if (frontmatter) issues.push(frontmatter);
      const body = parsed.get(version);
      if (!body) continue;
      if (!body.ok) {
        issues.push(unreadableIssue(version.path, body));
        continue;
      }
      checkVersionTree(body.tree, { version, document, documentAnchors, issues });
    }
  }
  return issues;
}

/**
 * The rules that one version file can be checked against alone (all but DocLink targets), for the dev server,
 * which compiles a file again each time it is saved, long after the check at startup. `assets`: the image files
 * beside it.
 */
export function versionFileIssues(path: string, source: string, assets: readonly string[]): ContentIssue[] {
  const issues = characterIssues(path, source, () => 'body');
  const body = parseVersionBody(source);
  if (!body.ok) {
    return [...issues, unreadableIssue(path, body)];
  }
  const document: DocumentSource = { slug: '', dir: path.replace(/\/[^/]*$/, ''), metaPath: '', meta: undefined, versions: [], strayFiles: [], assets: [...assets] };
  const version = { path } as VersionSource;
  checkVersionTree(body.tree, { version, document, documentAnchors: undefined, issues });
  return issues;
}
