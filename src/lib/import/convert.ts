/**
 * The import pipeline: each input format becomes Markdown by its own module (Word goes through HTML),
 * then every result takes the same steps: the title is taken out, "Last updated" / "Effective" lines are
 * lifted into the version's dates, the text is made MDX-safe, links are made to work on this site, and
 * what would still publish wrongly is listed. Every guess made on the way is reported with its line.
 */
import { liftDateLines, parseWrittenDate } from './date-lines.ts';
import { docxToHtml } from './docx.ts';
import { htmlToMarkdown } from './html.ts';
import { findLeftovers } from './leftovers.ts';
import { type LinkContext, rewriteLinks } from './links.ts';
import { markdownToBody } from './markdown.ts';
import { makeMdxSafe } from './mdx-safe.ts';
import { plainTextStructure } from './plain-text.ts';
import { type ImportGuess, locateGuesses, quote } from './report.ts';

/** The formats an existing policy can be imported from. */
export const IMPORT_FORMATS = ['markdown', 'html', 'docx', 'text'] as const;

/** One of the import formats. */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** A policy converted to a version body. */
export interface ConvertedPolicy {
  /** The document's title as found in the source (its H1, frontmatter title, Word Title, HTML title), if any. */
  title?: string;
  /** MDX-safe Markdown, no H1, ending in one newline. */
  body: string;
  /** What could not be converted as it was (dropped elements, Word styles), for the author to check by hand. */
  warnings: string[];
  /** Each guess about structure, dates and links, with its line in the source where it can be found. */
  guesses: ImportGuess[];
  /** What would publish wrongly (template tags, AUTOTITLE, visible markup, links that lost their target), with its line in the body. */
  leftovers: ImportGuess[];
  /** Dates the source states ("Effective: ...", "Last updated: ...", frontmatter), YYYY-MM-DD. */
  dates: { effective?: string; published?: string };
}

/** What conversion needs to know beyond the bytes: where links lead. */
export type ConvertOptions = Partial<LinkContext>;

const EXTENSIONS: Record<string, ImportFormat> = {
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
  txt: 'text',
  text: 'text',
};

/** The import format of a file, from its extension; undefined when the extension is not one we read. */
export function formatOfFile(fileName: string): ImportFormat | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return extension ? EXTENSIONS[extension] : undefined;
}

/** Converts the bytes of a policy in the given format to a version body. */
export async function convertPolicy(bytes: Uint8Array, format: ImportFormat, options: ConvertOptions = {}): Promise<ConvertedPolicy> {
  const warnings: string[] = [];
  const guesses: ImportGuess[] = [];
  let markdown: string;
  let fallbackTitle: string | undefined;
  let headingIds: { id: string; text: string }[] = [];
  const source = format === 'docx' ? '' : new TextDecoder('utf-8').decode(bytes);
  const dates: { effective?: string; published?: string } = {};
  const takeDates = (lines: string[]): string[] => {
    const lifted = liftDateLines(lines);
    for (const taken of lifted.taken) {
      const first = dates[taken.field] === undefined;
      if (first) dates[taken.field] = taken.date;
      const what = taken.field === 'effective' ? 'effective date' : 'announcement date (published)';
      guesses.push({ message: first ? `took ${quote(taken.line)} as the ${what} ${taken.date} and left the line out of the body` : `left out ${quote(taken.line)}, a second ${what} line (kept ${dates[taken.field]})`, source: taken.line });
    }
    return lifted.lines;
  };
  if (format === 'docx' || format === 'html') {
    let html: string;
    if (format === 'docx') {
      const docx = await docxToHtml(bytes);
      warnings.push(...docx.warnings);
      html = docx.html;
    } else {
      html = source;
    }
    const converted = htmlToMarkdown(html);
    warnings.push(...converted.warnings);
    markdown = converted.markdown;
    fallbackTitle = converted.title;
    headingIds = converted.headingIds;
  } else if (format === 'text') {
    const structure = plainTextStructure(takeDates(source.replace(/^\uFEFF/, '').split(/\r\n?|\n/)).join('\n'));
    guesses.push(...structure.guesses);
    markdown = structure.markdown;
  } else {
    markdown = source;
  }
  const body = markdownToBody(markdown);
  guesses.push(...(body.guesses ?? []));
  headingIds = [...headingIds, ...(body.headingIds ?? [])];
  for (const [field, written] of Object.entries(body.frontmatterDates ?? {}) as ['effective' | 'published', string][]) {
    const date = parseWrittenDate(written);
    if (date && dates[field] === undefined) {
      dates[field] = date;
      guesses.push({ message: `took the frontmatter's ${quote(written)} as the ${field === 'effective' ? 'effective date' : 'announcement date (published)'} ${date}` });
    }
  }
  const withoutDates = takeDates(body.markdown.split('\n')).join('\n');
  const safe = makeMdxSafe(withoutDates);
  warnings.push(...safe.warnings.filter((warning) => !warning.startsWith('HTML tags kept as visible text')));
  const title = (body.title ?? fallbackTitle)?.replace(/\\(.)/g, '$1');
  if (!body.title && fallbackTitle) guesses.push({ message: `took the page title ${quote(fallbackTitle)} as the title (the page has no <h1>)` });
  const links = rewriteLinks(safe.markdown, { ...options, documents: options.documents ?? new Map(), headingIds });
  const located = format === 'docx' ? guesses : locateGuesses(guesses, source);
  return {
    ...(title ? { title } : {}),
    body: links.markdown,
    warnings,
    // A link guess names its link; its line is one of the written file, not of the source, so it is left out.
    guesses: [...located, ...links.guesses.map(({ message }) => ({ message }))],
    leftovers: [...links.problems.map(({ source: _source, ...problem }) => problem), ...findLeftovers(links.markdown)].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    dates,
  };
}
