// Word tokens for the word-level diff. Intl.Segmenter splits words in any script (CJK and Thai have no
// spaces between words), and each token keeps its marks so that formatting takes part in equality.
import type { Block, InlineRun, Mark, Token } from './model.ts';

// 'und' (undetermined) rather than the machine's default locale, so that builds are reproducible.
// ICU's dictionary-based segmentation of CJK/Thai does not depend on the locale anyway.
const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

const WHITESPACE = /^\s+$/u;
const WORDLIKE = /[\p{L}\p{N}]/u;

/** Sorted, de-duplicated marks, so that `<b><i>x</i></b>` and `<i><b>x</b></i>` compare equal. */
export function normalizeMarks(marks: readonly Mark[]): Mark[] {
  // Most text has no mark or one: nothing to sort (a run's marks are normalised once per run of every version).
  if (marks.length < 2) return [...marks];
  return [...new Set(marks)].sort();
}

/**
 * Split inline runs into tokens. Whitespace is not a token: it is kept as the `pre` of the next token,
 * so a diff never reports "a space changed" on its own. Concatenating pre + text of all tokens gives
 * back the runs' text exactly (trailing whitespace goes into a final token with empty text).
 */
export function tokenizeInline(runs: readonly InlineRun[]): Token[] {
  const tokens: Token[] = [];
  let pending = '';
  for (const run of runs) {
    if (run.text === '') continue;
    for (const { segment } of segmenter.segment(run.text)) {
      if (WHITESPACE.test(segment)) {
        pending += segment;
      } else {
        tokens.push({ pre: pending, text: segment, marks: run.marks });
        pending = '';
      }
    }
  }
  if (pending !== '') tokens.push({ pre: pending, text: '', marks: [] });
  return tokens;
}

/** A string that is equal for two tokens exactly when their whitespace, text and marks are equal. */
export function tokenKey(token: Token): string {
  return token.marks.length === 0
    ? `${token.pre}\u0000${token.text}`
    : `${token.pre}\u0000${token.text}\u0000${token.marks.join('\u0001')}`;
}

/** true for tokens that count as words (letters or digits), false for punctuation and symbols. */
export function isWordToken(token: Token): boolean {
  return WORDLIKE.test(token.text);
}

/** Number of word tokens in a list of tokens. */
export function countWords(tokens: readonly Token[]): number {
  let n = 0;
  for (const t of tokens) if (isWordToken(t)) n++;
  return n;
}

/** The plain text of tokens (pre + text of each). */
export function tokensText(tokens: readonly Token[]): string {
  let s = '';
  for (const t of tokens) s += t.pre + t.text;
  return s;
}

// A build diffs each version against several others (its neighbours and the version in force), as does the
// picker in the browser, and the summary counts the words of whole blocks: tokens and word counts are
// memoised per block object, so each block is tokenized once, not once per pair and use. Blocks are never
// changed after extraction; the memo goes when the blocks do (WeakMap).
const blockTokensMemo = new WeakMap<Block, Token[]>();
const wordsMemo = new WeakMap<readonly Token[], number>();

// Most blocks of a version are word for word in the versions before and after it (on the bench corpus, 5,000
// distinct contents among 60,000 blocks), so blocks with the same content share one token list, found by a key
// that is equal exactly when the runs (text and marks, in order) are: tokens are a function of those alone.
// Word counts and the diff's similarity features (diff-blocks.ts) are memoised per token list, so they are
// shared too. Bounded for the dev server, where edited versions come and go: when full, it starts again.
const tokensByContent = new Map<string, Token[]>();
const CONTENTS_KEPT = 50_000;

/** The tokens of a block (of all its cells, in order, for a table row), memoised: callers must not change the array. */
export function blockTokens(block: Block): Token[] {
  let tokens = blockTokensMemo.get(block);
  if (tokens === undefined) {
    const key = contentKey(block);
    tokens = tokensByContent.get(key);
    if (tokens === undefined) {
      tokens = block.cells === undefined ? tokenizeInline(block.inline) : block.cells.flatMap((c) => tokenizeInline(c.inline));
      if (tokensByContent.size >= CONTENTS_KEPT) tokensByContent.clear();
      tokensByContent.set(key, tokens);
    }
    blockTokensMemo.set(block, tokens);
  }
  return tokens;
}

/**
 * A string equal for two blocks exactly when their runs (of all cells, for a table row) are: every mark and text
 * is written with its length before it, so no text can pass for a separator, whatever characters it holds.
 */
export function contentKey(block: Pick<Block, 'inline' | 'cells'>): string {
  if (block.cells === undefined) return `i${runsKey(block.inline)}`;
  let key = `c${block.cells.length}`;
  for (const cell of block.cells) key += runsKey(cell.inline);
  return key;
}

function runsKey(runs: readonly InlineRun[]): string {
  let key = `;${runs.length}`;
  for (const run of runs) {
    key += `;${run.marks.length}`;
    for (const mark of run.marks) key += `,${mark.length}:${mark}`;
    key += `|${run.text.length}:${run.text}`;
  }
  return key;
}

/** Number of words in a block (all cells of a table row), memoised. */
export function blockWordCount(block: Block): number {
  const tokens = blockTokens(block);
  let words = wordsMemo.get(tokens);
  if (words === undefined) {
    words = countWords(tokens);
    wordsMemo.set(tokens, words);
  }
  return words;
}
