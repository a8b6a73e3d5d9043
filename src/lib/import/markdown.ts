/**
 * Markdown imports as it is, with these changes of structure: the document's title is its H1 (or the
 * frontmatter's `title`), and a Redline version has no H1 (the page supplies the title), so the H1 title is
 * taken out. Headings are demoted when the source also used H1 for its sections, and promoted when its
 * sections start at H3. A numbered line standing alone ("1. Information We Collect" followed by a paragraph),
 * which Markdown would read as a one-item list, and a paragraph that is only bold text, become headings;
 * each of those is reported as a guess.
 */
import yaml from 'js-yaml';
import { isTitleLike } from './plain-text.ts';
import { type ImportGuess, quote } from './report.ts';

/** A Markdown body with its title taken out. */
export interface MarkdownBody {
  /** Text of the H1 that opened the document, or the frontmatter title, if there was one. */
  title?: string;
  markdown: string;
  /** Ids given to headings by `<a name="...">` lines, for in-page links. */
  headingIds?: { id: string; text: string }[];
  /** Dates the frontmatter gave (`effective`, `last_updated`...), as written. */
  frontmatterDates?: { effective?: string; published?: string };
  guesses?: ImportGuess[];
}

/** The frontmatter of a Markdown file as an object, or undefined when it has none or it is not YAML. */
function frontmatterOf(markdown: string): Record<string, unknown> | undefined {
  const block = /^---\n([\s\S]*?)\n---\n/.exec(markdown)?.[1];
  if (block === undefined) return undefined;
  try {
    const value: unknown = yaml.load(block, { schema: yaml.CORE_SCHEMA });
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const asText = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : value instanceof Date ? value.toISOString().slice(0, 10) : undefined);

const STANDALONE_NUMBERED = /^(\d{1,3})[.)][ \t]+(.+?)[ \t]*$/;
const BOLD_ONLY = /^(\*\*|__)([^*_\n]+?)\1[ \t]*$/;
const LIST_LINE = /^ {0,3}([-*+]|\d+[.)])[ \t]/;

const ANCHOR_ONLY = /^\s*<a\s+(?:name|id)=["']([^"']+)["']\s*>\s*<\/a>\s*$/i;

/**
 * The inline HTML Markdown files carry in practice, as Markdown: `<a href>` links, `<strong>`/`<b>`,
 * `<em>`/`<i>`, `<code>`. An empty `<a name="x"></a>` line (an anchor for old links) is taken out and its id
 * given to the heading after it. Any other tag stays, and is then reported as visible markup.
 */
function inlineHtmlToMarkdown(lines: string[], headingIds: { id: string; text: string }[]): string[] {
  let inFence = false;
  let pendingIds: string[] = [];
  const out: string[] = [];
  for (const line of lines) {
    if (FENCE.test(line)) inFence = !inFence;
    if (inFence) {
      out.push(line);
      continue;
    }
    const anchor = ANCHOR_ONLY.exec(line);
    if (anchor?.[1]) {
      pendingIds.push(anchor[1]);
      continue;
    }
    const heading = ATX.exec(line);
    if (heading && pendingIds.length > 0) {
      for (const id of pendingIds) headingIds.push({ id, text: (heading[2] ?? '').replace(/[*_`\\]/g, '') });
    }
    if (line.trim() !== '') pendingIds = heading ? [] : pendingIds;
    out.push(
      line
        .replace(/<a\s+[^>]*?href=["']([^"']*)["'][^>]*>([^<]*)<\/a>/gi, (_all, href: string, text: string) => `[${text}](${href})`)
        .replace(/<(strong|b)>([^<]*)<\/\1>/gi, '**$2**')
        .replace(/<(em|i)>([^<]*)<\/\1>/gi, '_$2_')
        .replace(/<code>([^<`]*)<\/code>/gi, '`$1`'),
    );
  }
  return out;
}

const TYPED_BULLET = /^[ \t]*[•·▪◦●–][ \t]+(\S.*)$/;

/** Paragraphs typed with "•" (Word, pasted text) as the list items they are, one list without blank lines between them. */
function typedBullets(lines: string[], guesses: ImportGuess[]): string[] {
  const out: string[] = [];
  let inFence = false;
  let count = 0;
  for (const line of lines) {
    if (FENCE.test(line)) inFence = !inFence;
    const bullet = inFence ? null : TYPED_BULLET.exec(line);
    if (!bullet) {
      out.push(line);
      continue;
    }
    count += 1;
    // The blank line Word put between two items would split the list in two.
    if (out[out.length - 1] === '' && /^- /.test(out[out.length - 2] ?? '')) out.pop();
    out.push(`- ${bullet[1]}`);
  }
  if (count > 0) guesses.push({ message: `took ${count} line(s) starting with a typed bullet (•, ·, –) as list items` });
  return out;
}

/** Numbered lines and bold-only paragraphs standing alone between paragraphs, rewritten as headings. */
function recoverHeadings(lines: string[], guesses: ImportGuess[]): string[] {
  let inFence = false;
  let lastLevel = 1;
  return lines.map((line, index) => {
    if (FENCE.test(line)) inFence = !inFence;
    if (inFence) return line;
    const atx = ATX.exec(line);
    if (atx) {
      lastLevel = atx[1]?.length ?? 1;
      return line;
    }
    const before = lines[index - 1] ?? '';
    const after = lines[index + 1] ?? '';
    if (before.trim() !== '' || after.trim() !== '') return line;
    const nextText = lines.slice(index + 1).find((candidate) => candidate.trim() !== '') ?? '';
    const previousText = [...lines.slice(0, index)].reverse().find((candidate) => candidate.trim() !== '') ?? '';
    const bold = BOLD_ONLY.exec(line.trim());
    // A bold numbered line ("**1\\. Definitions**", as Word exports it) is a numbered heading too.
    const boldText = bold?.[2]?.trim().replace(/^(\d+(?:\.\d+)*)\\([.)])/, '$1$2');
    const numbered = STANDALONE_NUMBERED.exec(line) ?? (boldText ? STANDALONE_NUMBERED.exec(boldText) : null);
    const title = bold ? boldText : numbered ? line.trim() : undefined;
    const fits = title !== undefined && isTitleLike((numbered ? (numbered[2] ?? '') : title).replace(/[*_]/g, '').replace(/:$/, ''), 14);
    // A numbered line between list items is an item of that list, whatever it looks like.
    if (!fits || !title || nextText === '' || (numbered && (LIST_LINE.test(nextText) || LIST_LINE.test(previousText)))) return line;
    // A numbered section is a sibling of the sections around it; a bold line, a sub-heading of the section it is in.
    const level = Math.min(6, lastLevel === 1 ? 2 : numbered ? lastLevel : lastLevel + 1);
    if (numbered) lastLevel = level;
    guesses.push({ message: `took ${quote(title)} as a heading (${'#'.repeat(level)}): ${bold ? 'a paragraph of bold text only' : 'a numbered line standing alone, not a one-item list'}`, source: line.trim() });
    return `${'#'.repeat(level)} ${title}`;
  });
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

/** Rewrites setext headings (a line underlined with === or ---) as ATX headings, outside code blocks. */
function setextToAtx(lines: string[]): string[] {
  const out: string[] = [];
  let inFence = false;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (FENCE.test(line)) inFence = !inFence;
    const next = lines[i + 1] ?? '';
    const previous = out[out.length - 1] ?? '';
    const paragraphLine =
      !inFence && line.trim() !== '' && previous.trim() === '' && !/^ {0,3}([-*+>#|]|\d+[.)])/.test(line) && !/^ {4}/.test(line);
    const underline = /^ {0,3}(=+|-+)[ \t]*$/.exec(next);
    if (paragraphLine && underline) {
      out.push(`${underline[1]?.startsWith('=') ? '#' : '##'} ${line.trim()}`);
      i += 1;
    } else {
      out.push(line);
    }
  }
  return out;
}

/** Takes the H1 title out of a Markdown document, demotes headings only if other H1s remain, and recovers headings written as lists or bold text. */
export function markdownToBody(markdown: string): MarkdownBody {
  const normalized = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const frontmatter = frontmatterOf(normalized);
  const withoutFrontmatter = normalized.replace(/^---\n[\s\S]*?\n---\n/, '');
  const guesses: ImportGuess[] = [];
  let lines = setextToAtx(withoutFrontmatter.split('\n'));
  let title: string | undefined;
  const first = lines.findIndex((line) => line.trim() !== '');
  const firstHeading = ATX.exec(lines[first] ?? '');
  if (firstHeading && firstHeading[1] === '#') {
    title = firstHeading[2]?.trim();
    lines = lines.slice(first + 1);
  }
  const frontmatterTitle = asText(frontmatter?.['title']);
  if (!title && frontmatterTitle) {
    title = frontmatterTitle;
    guesses.push({ message: `took the frontmatter title ${quote(frontmatterTitle)} as the title`, source: `title:` });
  }
  const frontmatterDates = {
    ...(asText(frontmatter?.['effective'] ?? frontmatter?.['effective_date'] ?? frontmatter?.['effectiveDate']) ? { effective: asText(frontmatter?.['effective'] ?? frontmatter?.['effective_date'] ?? frontmatter?.['effectiveDate']) } : {}),
    ...(asText(frontmatter?.['last_updated'] ?? frontmatter?.['lastUpdated'] ?? frontmatter?.['updated'] ?? frontmatter?.['date']) ? { published: asText(frontmatter?.['last_updated'] ?? frontmatter?.['lastUpdated'] ?? frontmatter?.['updated'] ?? frontmatter?.['date']) } : {}),
  } as { effective?: string; published?: string };
  const headingIds: { id: string; text: string }[] = [];
  lines = inlineHtmlToMarkdown(lines, headingIds);
  lines = typedBullets(recoverHeadings(lines, guesses), guesses);
  let inFence = false;
  const headingLines = lines.map((line) => {
    if (FENCE.test(line)) inFence = !inFence;
    return inFence ? undefined : ATX.exec(line);
  });
  if (headingLines.some((match) => match?.[1] === '#')) {
    lines = lines.map((line, index) => {
      const match = headingLines[index];
      return match ? `${'#'.repeat(Math.min(6, (match[1]?.length ?? 1) + 1))} ${match[2] ?? ''}` : line;
    });
  }
  lines = promoteHeadings(lines, guesses);
  return { ...(title ? { title } : {}), markdown: lines.join('\n'), ...(Object.keys(frontmatterDates).length > 0 ? { frontmatterDates } : {}), ...(guesses.length > 0 ? { guesses } : {}), ...(headingIds.length > 0 ? { headingIds } : {}) };
}

/** Sections that start at H3 or deeper move up so that the top level is H2, the level Redline's contents list shows. */
function promoteHeadings(lines: string[], guesses: ImportGuess[]): string[] {
  let inFence = false;
  const levels = lines.map((line) => {
    if (FENCE.test(line)) inFence = !inFence;
    return inFence ? undefined : ATX.exec(line)?.[1]?.length;
  });
  const top = Math.min(...levels.filter((level): level is number => level !== undefined));
  if (!Number.isFinite(top) || top <= 2) return lines;
  const shift = top - 2;
  guesses.push({ message: `moved every heading up ${shift} level(s): the sections started at ${'#'.repeat(top)}` });
  return lines.map((line, index) => {
    const level = levels[index];
    return level === undefined ? line : line.replace(/^ {0,3}#+/, '#'.repeat(level - shift));
  });
}
