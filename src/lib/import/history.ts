/**
 * A document's history, read from a folder of dated files or from git, turned into versions: one per
 * date, identical consecutive texts skipped, each change's kind guessed from how much of the text it
 * touched. The readers that touch the disk or run git live in scripts/; this is the pure part.
 */
import { diffArrays, diffWords } from 'diff';
import type { ImportFormat } from './convert.ts';
import { formatOfFile } from './convert.ts';
import { headingText } from './links.ts';

/** One stored text of the document: the day it took effect, where it came from, its bytes. */
export interface HistorySource {
  /** YYYY-MM-DD. */
  date: string;
  /** The file name, or "<commit> <path>", for the report. */
  origin: string;
  format: ImportFormat;
  bytes: Uint8Array;
  /** The commit's subject line, when it came from git. */
  subject?: string;
}

/** A file of a history folder, by name: `YYYY-MM-DD.md` (or .markdown, .html, .htm, .txt, .docx). */
export function historyFileDate(name: string): { date: string; format: ImportFormat } | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})\.[a-z]+$/i.exec(name);
  const format = formatOfFile(name);
  return match?.[1] && format ? { date: match[1], format } : undefined;
}

/** A commit that touched the file, as `git log --follow --name-status` lists it. */
export interface GitCommit {
  hash: string;
  /** The commit's date, YYYY-MM-DD (author date, in the author's time zone). */
  date: string;
  subject: string;
  /** The file's path in that commit (it changes with renames). */
  path: string;
}

/** Separators of the log format the git reader asks for: a record separator before each commit, a unit separator between fields. */
export const GIT_LOG_FORMAT = '%x1e%H%x1f%ad%x1f%s';

/**
 * Parses `git log --follow --name-status --date=short --format=GIT_LOG_FORMAT -- <path>` into commits, oldest
 * first; a commit that deleted the file is left out (there is no text to import).
 */
export function parseGitLog(output: string): GitCommit[] {
  const commits: GitCommit[] = [];
  for (const record of output.split('\x1e')) {
    const [header = '', ...rest] = record.split('\n');
    const [hash, date, subject] = header.split('\x1f');
    if (!hash || !date || subject === undefined) continue;
    const status = rest.map((line) => line.split('\t')).find((fields) => fields.length >= 2 && /^[ACDMRT]/.test(fields[0] ?? ''));
    if (!status || status[0]?.startsWith('D')) continue;
    commits.push({ hash, date, subject: subject.trim(), path: status[status.length - 1] ?? '' });
  }
  return commits.reverse();
}

/** Parses the output of `git cat-file --batch` (`<sha> <type> <size>\n<bytes>\n` per object) into the objects' bytes, in order. */
export function parseCatFileBatch(output: Uint8Array): (Uint8Array | undefined)[] {
  const objects: (Uint8Array | undefined)[] = [];
  let offset = 0;
  const decoder = new TextDecoder();
  while (offset < output.length) {
    const end = output.indexOf(10, offset);
    if (end === -1) break;
    const header = decoder.decode(output.subarray(offset, end));
    const size = /^\S+ \S+ (\d+)$/.exec(header)?.[1];
    if (size === undefined) {
      // "<name> missing": the path did not exist in that commit.
      objects.push(undefined);
      offset = end + 1;
      continue;
    }
    objects.push(output.subarray(end + 1, end + 1 + Number(size)));
    offset = end + 1 + Number(size) + 1;
  }
  return objects;
}

/** How much one version changed from the one before, and the kind of change that suggests. */
export interface ChangeGuess {
  change: 'material' | 'minor';
  /** Words added or removed. */
  words: number;
  /** Passages (paragraphs, items, rows, headings) added, removed or edited. */
  passages: number;
  /** Headings of the sections the changes are in, in order. */
  sections: string[];
  /** Why the guess is what it is, for the report. */
  reason: string;
}

/** Up to this many words changed, with no heading added or removed, a change is guessed minor (wording, typos, links). */
export const MINOR_CHANGE_WORDS = 20;

const blocksOf = (body: string) =>
  body
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter((block) => block !== '');
const words = (text: string) => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
const normalized = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Guesses whether `body` changes `previous` materially, from the passages and words it changed (block diff, then words inside changed stretches). */
export function guessChange(previous: string, body: string): ChangeGuess {
  if (normalized(previous) === normalized(body)) {
    return { change: 'minor', words: 0, passages: 0, sections: [], reason: 'only punctuation, capitals, spacing or markup changed' };
  }
  const oldBlocks = blocksOf(previous);
  const newBlocks = blocksOf(body);
  const parts = diffArrays(oldBlocks, newBlocks);
  let wordsChanged = 0;
  let passages = 0;
  let headingChanged = false;
  const sections: string[] = [];
  let section = '';
  const note = () => {
    if (section && !sections.includes(section)) sections.push(section);
  };
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i];
    if (!part) continue;
    if (!part.added && !part.removed) {
      for (const block of part.value) if (/^#{2,6} /.test(block)) section = headingText(block.replace(/^#+ /, ''));
      continue;
    }
    const removed = part.removed ? part.value : [];
    const next = parts[i + 1];
    const added = part.added ? part.value : next?.added && part.removed ? next.value : [];
    if (part.removed && next?.added) i += 1;
    passages += Math.max(removed.length, added.length);
    headingChanged ||= [...removed, ...added].some((block) => /^#{2,6} /.test(block));
    if (added.length === 0) note();
    for (const block of added) {
      if (/^#{2,6} /.test(block)) section = headingText(block.replace(/^#+ /, ''));
      note();
    }
    // The word diff is capped: past the cap, every word of the stretch counts, which is then material anyway.
    const diff = diffWords(removed.join('\n\n'), added.join('\n\n'), { maxEditLength: 200 });
    wordsChanged += diff ? diff.filter((change) => change.added || change.removed).reduce((sum, change) => sum + words(change.value), 0) : words(removed.join(' ')) + words(added.join(' '));
  }
  const minor = wordsChanged <= MINOR_CHANGE_WORDS && !headingChanged;
  const reason = `${wordsChanged} word(s) changed in ${passages} passage(s)${headingChanged ? ', a heading added, removed or renamed' : ''}`;
  return { change: minor ? 'minor' : 'material', words: wordsChanged, passages, sections, reason };
}

/** The summary of an imported version: the commit's subject when it says something, else what changed where. */
export function historySummary(guess: ChangeGuess | undefined, title: string, subject: string | undefined): string {
  if (subject && subject.trim().length >= 10) return subject.trim();
  if (!guess) return `First version of the ${title}, imported from its history.`;
  const where = guess.sections.length === 0 ? '' : `; sections changed: ${guess.sections.slice(0, 6).join(', ')}${guess.sections.length > 6 ? ` and ${guess.sections.length - 6} more` : ''}`;
  return `Imported from the document's history: ${guess.reason}${where}.`;
}
