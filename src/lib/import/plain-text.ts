/**
 * Plain text to Markdown, recovering the structure a policy typed as text still shows: numbered and
 * short title-like lines become headings, bullet lines lists, pipe rows tables, and e-mail addresses
 * and URLs links. Everything else is prose, escaped so that no character is read as Markdown by accident.
 */

/** A line that stands for a heading: its level (2-4) and text. */
interface HeadingLine {
  level: number;
  text: string;
}

const BULLET = /^(\s*)[-*•‣◦▪–]\s+(.*)$/;
const NUMBERED = /^(?:(section|clause|article|part)\s+)?(\d+(?:\.\d+)*)(\.?)(?:\s*[:.)\-–—]\s*|\s+|$)(.*)$/i;
const LETTERED = /^\(?([a-z]|[ivx]+|\d+)\)\s+\S/i;
const UNDERLINE = /^\s*(=+|-+)\s*$/;
const DECORATION = /^\s*([-=_*~#+])\1{2,}\s*$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/;
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>()[\]]+|\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g;

/** A short line that reads like a title: few words, starts with a capital or digit, no closing punctuation but "?". */
function isTitleLike(text: string, maxWords = 12): boolean {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 80) return false;
  if (!/^[\p{Lu}\d"'“‘(]/u.test(trimmed) || !/\p{L}/u.test(trimmed)) return false;
  if (/[.,;:!]$/.test(trimmed)) return false;
  return trimmed.split(/\s+/).length <= maxWords;
}

/** Cells of a pipe row ("a | b | c", outer pipes optional), or undefined when the line is not one. */
function pipeCells(line: string): string[] | undefined {
  if (!line.includes('|')) return undefined;
  const cells = line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim());
  return cells.length >= 2 ? cells : undefined;
}

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

/** A numbered line as a heading ("1. Introduction", "2.3 Cookies", "Section 4: Your rights"), or undefined. */
function numberedHeading(line: string): HeadingLine | undefined {
  const match = NUMBERED.exec(line.trim());
  if (!match) return undefined;
  const word = match[1];
  const number = match[2] ?? '';
  const rest = (match[4] ?? '').trim();
  const depth = number.split('.').filter((part) => part !== '').length;
  if (!word && rest === '') return undefined;
  if (rest !== '' && !isTitleLike(rest)) return undefined;
  return { level: Math.min(4, depth + 1), text: line.trim() };
}

/** Converts a plain-text policy to Markdown; a title line at the top becomes an H1 (taken out later like any H1). */
export function plainTextToMarkdown(text: string): string {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n');
  const blocks: string[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];
  let table: string[][] = [];
  let sawContent = false;

  const flush = () => {
    if (paragraph.length > 0) blocks.push(paragraph.map(escapeLineStart).join('\n'));
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
  const heading = (level: number, content: string) => {
    flush();
    blocks.push(`${'#'.repeat(level)} ${inlineText(content)}`);
  };

  for (let i = 0; i < lines.length; i += 1) {
    const raw = lines[i] ?? '';
    const line = raw.trim();
    const next = lines[i + 1] ?? '';
    const previous = i > 0 ? (lines[i - 1] ?? '').trim() : '';
    const first = !sawContent;
    if (line === '') {
      flush();
      continue;
    }
    sawContent = true;

    if (UNDERLINE.test(next) && !BULLET.test(raw) && !pipeCells(raw) && (next.trim().length >= 3 || next.trim().length >= line.length)) {
      heading(first ? 1 : next.trim().startsWith('=') ? 2 : 3, line);
      i += 1;
      continue;
    }
    if (DECORATION.test(raw)) {
      flush();
      continue;
    }

    const cells = pipeCells(raw);
    if (cells && (table.length > 0 || pipeCells(next) || TABLE_SEPARATOR.test(next))) {
      if (table.length === 0) flush();
      if (!TABLE_SEPARATOR.test(raw)) table.push(cells);
      continue;
    }
    if (table.length > 0) flush();

    const bullet = BULLET.exec(raw);
    if (bullet) {
      if (list.length === 0) flush();
      const depth = Math.floor((bullet[1]?.length ?? 0) / 2);
      list.push(`${'  '.repeat(depth)}- ${escapeLineStart(inlineText(bullet[2] ?? ''))}`);
      continue;
    }
    if (list.length > 0 && /^\s{2,}\S/.test(raw)) {
      // An indented line under a bullet continues that item.
      list[list.length - 1] += ` ${inlineText(line)}`;
      continue;
    }

    const numbered = numberedHeading(line);
    const inNumberedList = (candidate: string) => /^\d+\.\s/.test(candidate.trim());
    const listNeighbour = /^\d+\.\s/.test(line) && (inNumberedList(previous) || inNumberedList(next));
    if (numbered && !listNeighbour) {
      heading(numbered.level, numbered.text);
      continue;
    }
    if (/^\d+\.\s/.test(line)) {
      // A numbered sentence rather than a title: an item of an ordered list, numbered as in the source.
      if (list.length === 0) flush();
      list.push(`${line.replace(/^(\d+)\.\s+/, '$1. ').replace(/^(\d+\. )(.*)$/, (_all, marker: string, rest: string) => marker + inlineText(rest))}`);
      continue;
    }
    if (NUMBERED.test(line) || LETTERED.test(line)) {
      // "2.3 We may share..." and "(a) ..." start a clause of their own: keep them as separate paragraphs.
      flush();
      paragraph.push(inlineText(line));
      continue;
    }

    const blockStart = previous === '' || list.length > 0;
    const standsAlone = next.trim() === '' || i === lines.length - 1;
    const nextContinues = /^\s*\p{Ll}/u.test(next);
    if (blockStart && !nextContinues && isTitleLike(line) && (standsAlone || isTitleLike(line, 6))) {
      heading(first ? 1 : 2, line);
      continue;
    }
    if (list.length > 0) flush();
    paragraph.push(inlineText(line));
  }
  flush();
  return `${blocks.join('\n\n')}\n`;
}
