/**
 * Plain text to Markdown, recovering the structure a policy typed or pasted as text still shows: numbered
 * lines in every common style (outline.ts), ALL-CAPS lines and short lines followed by a paragraph become
 * headings; bullet and numbered lines lists; pipe rows and tab-separated rows tables; e-mail addresses and URLs links. A line of
 * its own stays a paragraph of its own unless the text is hard-wrapped. Every heading that was a guess is
 * reported. Everything else is prose, escaped so that no character is read as Markdown by accident.
 */
import { leadingNumbering, type Numbering, Outline } from './outline.ts';
import { type ImportGuess, quote } from './report.ts';

const BULLET = /^(\s*)[-*•‣◦▪–·●○■□]\s+(.*)$/;
const NUMBERED_ITEM = /^(\d{1,3})[.)]\s+(\S.*)$/;
const LETTERED = /^\(?([a-z]|[ivx]+|\d+)\)\s+\S/i;
const UNDERLINE = /^\s*(=+|-+)\s*$/;
const DECORATION = /^\s*([-=_*~#+])\1{2,}\s*$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/;
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>()[\]]+|\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g;

/** Whether a short line reads like a title: few words, starts with a capital or digit, no closing punctuation but "?". */
export function isTitleLike(text: string, maxWords = 12): boolean {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 80) return false;
  if (!/^[\p{Lu}\d"'“‘(]/u.test(trimmed) || !/\p{L}/u.test(trimmed)) return false;
  if (/[.,;:!]$/.test(trimmed)) return false;
  return trimmed.split(/\s+/).length <= maxWords;
}

/**
 * Cells of a table row, or undefined when the line is not one: a pipe row ("a | b | c", outer pipes optional), or
 * cells separated by tabs, which is what a table copied from a web page or a Word document pastes as. A tab after a
 * clause number or a bullet ("1.\tDefinitions", Word's numbered headings and lists) is not a cell.
 */
function rowCells(line: string): string[] | undefined {
  if (line.includes('\t')) {
    const cells = line.trim().split(/\t+/).map((cell) => cell.trim());
    return cells.length >= 2 && !LIST_MARKER_CELL.test(cells[0] ?? '') ? cells : undefined;
  }
  if (!line.includes('|')) return undefined;
  const cells = line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim());
  return cells.length >= 2 ? cells : undefined;
}

// A first cell that is only a clause number, a letter in brackets or a bullet: "1.", "2.3", "(a)", "iv)", "•".
const LIST_MARKER_CELL = /^(?:\(?(?:\d+(?:\.\d+)*|[a-z]|[ivxlc]+)[.)]?|[-*•‣◦▪–·●○■□])$/i;

/** Escapes Markdown syntax in running text (not links), so the text reads exactly as typed. */
function escapeText(text: string): string {
  return text.replace(/[*\\`]/g, '\\$&').replace(/(^|\s)_/g, '$1\\_');
}

/** Escapes the characters that would make a line start a heading, quote, list or table row. */
function escapeLineStart(text: string): string {
  return text.replace(/^(#|>|\+(?=\s)|=)/, '\\$1').replace(/^(\d+)([.)])(?=\s)/, '$1\\$2');
}

/** Running text with e-mail addresses and URLs turned into links, the rest escaped. */
export function inlineText(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    let target = match[0];
    // Sentence punctuation after an address belongs to the sentence, not the address.
    const trailing = /[.,;:!?'"’”]+$/.exec(target)?.[0] ?? '';
    target = target.slice(0, target.length - trailing.length);
    const index = match.index;
    out += escapeText(text.slice(last, index));
    const href = target.includes('@') && !/^(https?:\/\/|www\.)/.test(target) ? `mailto:${target}` : target.startsWith('www.') ? `https://${target}` : target;
    out += `[${target.replace(/[[\]\\_*]/g, '\\$&')}](${href})`;
    last = index + target.length;
  }
  return out + escapeText(text.slice(last));
}

/** Markdown recovered from plain text, and the guesses made on the way. */
export interface PlainTextConversion {
  markdown: string;
  guesses: ImportGuess[];
}

/** A line as the reader sees it: source lines a hard wrap split, joined again. */
interface LogicalLine {
  /** The source lines, trimmed. */
  parts: string[];
  /** The first source line as it was (its indentation tells list nesting). */
  raw: string;
  blankBefore: boolean;
  /** Underline (=== / ---) under the line, a heading mark. */
  underline?: '=' | '-';
}

const isAllCaps = (text: string): boolean => {
  const letters = text.match(/\p{L}/gu) ?? [];
  return (
    letters.length >= 3 &&
    letters.every((letter) => letter === letter.toUpperCase() && letter !== letter.toLowerCase()) &&
    text.length <= 100 &&
    text.split(/\s+/).length <= 15 &&
    !/[,;]$/.test(text) &&
    !/^\[/.test(text) &&
    !/^(TODO|TBD|FIXME|N\/A)\b/.test(text)
  );
};

/** The width a hard-wrapped text was wrapped at, or undefined when its lines are paragraphs (a pasted web page). */
function wrapWidth(lines: readonly string[]): number | undefined {
  const lengths = lines.map((line) => line.trim().length).filter((length) => length > 0).sort((a, b) => a - b);
  if (lengths.length < 6) return undefined;
  const p90 = lengths[Math.floor(lengths.length * 0.9)] ?? 0;
  const max = lengths[lengths.length - 1] ?? 0;
  const nearWidth = lengths.filter((length) => length >= p90 - 15).length;
  return p90 >= 40 && p90 <= 100 && max <= p90 + 10 && nearWidth >= lengths.length * 0.3 ? p90 : undefined;
}

/** Whether a source line starts a block of its own (list item, table row, numbered clause...) rather than continuing a wrapped one. */
function startsBlock(line: string): boolean {
  const text = line.trim();
  return BULLET.test(line) || NUMBERED_ITEM.test(text) || LETTERED.test(text) || rowCells(line) !== undefined || leadingNumbering(text) !== undefined || isAllCaps(text) || UNDERLINE.test(line) || DECORATION.test(line);
}

/** Joins hard-wrapped source lines back into the lines a reader sees. */
function logicalLines(lines: readonly string[]): LogicalLine[] {
  const width = wrapWidth(lines);
  const out: LogicalLine[] = [];
  let blank = true;
  for (let i = 0; i < lines.length; i += 1) {
    const raw = lines[i] ?? '';
    // A row's tabs are kept in `raw` for its cells; a line kept with tabs that is not in a table reads with spaces.
    const text = raw.trim().replace(/\t/g, '    ');
    if (text === '') {
      blank = true;
      continue;
    }
    const current = out[out.length - 1];
    const underline = UNDERLINE.exec(raw);
    if (current && !blank && underline && current.parts.length === 1 && !BULLET.test(current.raw) && !rowCells(current.raw) && (text.length >= 3 || text.length >= (current.parts[0]?.length ?? 0))) {
      current.underline = text.startsWith('=') ? '=' : '-';
      continue;
    }
    const last = current?.parts[current.parts.length - 1] ?? '';
    const continues =
      current !== undefined &&
      !blank &&
      current.underline === undefined &&
      !startsBlock(raw) &&
      !rowCells(current.raw) &&
      // A lowercase start continues the sentence above; in hard-wrapped text, so does any line after a full one.
      ((/^\p{Ll}/u.test(text) && !/[.!?]["”’)]?$/.test(last)) ||
        (width !== undefined && last.length >= width - 20 && !/[:]$/.test(last)) ||
        (BULLET.test(current.raw) && /^\s{2,}\S/.test(raw)));
    if (continues) current.parts.push(text);
    else out.push({ parts: [text], raw, blankBefore: blank });
    blank = false;
  }
  return out;
}

const joined = (line: LogicalLine): string => line.parts.join(' ');

/** Converts a plain-text policy to Markdown; a title line at the top becomes an H1 (taken out later like any H1). */
export function plainTextToMarkdown(text: string): string {
  return plainTextStructure(text).markdown;
}

/** Converts a plain-text policy to Markdown, listing each guess it made about headings, lists and the title. */
export function plainTextStructure(text: string): PlainTextConversion {
  // Tabs stay only where they separate the cells of a row; elsewhere they are indentation or spacing.
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => (line.includes('\t') && rowCells(line) === undefined ? line.replace(/\t/g, '    ') : line));
  const logical = logicalLines(lines);
  const guesses: ImportGuess[] = [];
  const blocks: string[] = [];
  const outline = new Outline();
  let paragraph: string[] = [];
  let list: string[] = [];
  let table: string[][] = [];
  let previousKind: 'heading' | 'paragraph' | 'list' | 'table' | undefined;

  const flush = () => {
    if (paragraph.length > 0) blocks.push(paragraph.join('\n'));
    if (list.length > 0) blocks.push(list.join('\n'));
    if (table.length > 0) {
      const width = Math.max(...table.map((row) => row.length));
      const rows = table.map((row) => `| ${[...row, ...Array<string>(width - row.length).fill('')].map(inlineText).join(' | ')} |`);
      rows.splice(1, 0, `| ${Array<string>(width).fill('---').join(' | ')} |`);
      blocks.push(rows.join('\n'));
    }
    paragraph = [];
    list = [];
    table = [];
  };
  const heading = (level: number, content: string, why: string) => {
    flush();
    blocks.push(`${'#'.repeat(level)} ${inlineText(content)}`);
    guesses.push({ message: `took ${quote(content)} as ${level === 1 ? 'the title' : `a heading (${'#'.repeat(level)})`}${why}`, source: content });
    previousKind = 'heading';
  };

  // A short line followed by body text, when the line above it ended (a blank line, a full stop, a list).
  const canBeHeading = (index: number): boolean => {
    const line = logical[index];
    const previous = logical[index - 1];
    if (!line) return false;
    if (index === 0 || line.blankBefore || previousKind === 'list' || previousKind === 'table' || previousKind === 'heading') return true;
    const above = previous?.parts[previous.parts.length - 1] ?? '';
    return /[.!?]["”’)]?$/.test(above);
  };
  const followedByBody = (index: number): boolean => {
    const next = logical[index + 1];
    if (!next) return false;
    const nextText = joined(next);
    return BULLET.test(next.raw) || rowCells(next.raw) !== undefined || NUMBERED_ITEM.test(nextText) || !isTitleLike(nextText, 8) || /[.!?:]$/.test(nextText);
  };
  const numberedItemNeighbour = (index: number): boolean =>
    [logical[index - 1], logical[index + 1]].some((other, side) => other !== undefined && NUMBERED_ITEM.test(joined(other)) && (side === 0 ? !logical[index]?.blankBefore : !other.blankBefore));

  for (let i = 0; i < logical.length; i += 1) {
    const line = logical[i];
    if (!line) continue;
    const textLine = joined(line);
    const first = i === 0;
    if (line.blankBefore) flush();

    if (line.underline) {
      const level = first ? 1 : line.underline === '=' ? 2 : 3;
      heading(level, textLine, ' (it is underlined)');
      continue;
    }
    if (DECORATION.test(line.raw)) {
      flush();
      continue;
    }
    const cells = rowCells(line.raw);
    const next = logical[i + 1];
    if (cells && (table.length > 0 || (next && !next.blankBefore && (rowCells(next.raw) || TABLE_SEPARATOR.test(next.raw))))) {
      if (table.length === 0) flush();
      if (!TABLE_SEPARATOR.test(line.raw)) table.push(cells);
      previousKind = 'table';
      continue;
    }
    if (table.length > 0) flush();

    const bullet = BULLET.exec(line.raw);
    if (bullet) {
      if (list.length === 0 || !list[0]?.trimStart().startsWith('-')) flush();
      const depth = Math.floor((bullet[1]?.length ?? 0) / 2);
      const itemText = [bullet[2] ?? '', ...line.parts.slice(1)].join(' ');
      list.push(`${'  '.repeat(depth)}- ${escapeLineStart(inlineText(itemText))}`);
      previousKind = 'list';
      continue;
    }

    if (first && logical.length > 1 && isTitleLike(textLine, 10) && !NUMBERED_ITEM.test(textLine)) {
      heading(1, textLine, '');
      continue;
    }

    const numbering: Numbering | undefined = leadingNumbering(textLine);
    const item = NUMBERED_ITEM.exec(textLine);
    const titleRest = numbering !== undefined && (numbering.rest === '' ? numbering.worded === true : isTitleLike(numbering.rest.replace(/:$/, ''), 14) || isAllCaps(numbering.rest));
    if (item && (numberedItemNeighbour(i) || !titleRest || !followedByBody(i))) {
      // A numbered sentence, or one of a run of numbered lines: an item of an ordered list, numbered as in the source.
      if (list.length === 0 || list[0]?.trimStart().startsWith('-')) flush();
      list.push(`${item[1]}. ${inlineText(item[2] ?? '')}`);
      previousKind = 'list';
      continue;
    }
    if (numbering && titleRest) {
      heading(outline.levelOf(numbering), textLine, '');
      continue;
    }
    if (numbering || LETTERED.test(textLine)) {
      // "2.3 We may share..." and "(a) ..." start a clause of their own: keep them as separate paragraphs.
      flush();
      paragraph.push(escapeLineStart(inlineText(textLine)));
      flush();
      previousKind = 'paragraph';
      continue;
    }
    if (isAllCaps(textLine) && canBeHeading(i) && next !== undefined) {
      heading(outline.levelOf({ style: 'caps', depth: 1, number: '' }), textLine, ' (an ALL-CAPS line)');
      continue;
    }
    if (isTitleLike(textLine, 8) && canBeHeading(i) && followedByBody(i)) {
      heading(outline.levelOf({ style: 'short', depth: 1, number: '' }), textLine, ' (a short line followed by a paragraph)');
      continue;
    }
    // A line of its own is a paragraph of its own ("Account information: ...", "Usage data: ..." stay apart).
    if (list.length > 0 || table.length > 0) flush();
    flush();
    paragraph.push(...line.parts.map((part) => escapeLineStart(inlineText(part))));
    previousKind = 'paragraph';
  }
  flush();
  return { markdown: `${blocks.join('\n\n')}\n`, guesses };
}
