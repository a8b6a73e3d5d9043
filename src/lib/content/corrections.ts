/**
 * What a correction to a published text may change: only what changes no meaning (a typo, a broken link).
 * Anything a reader could rely on (a number, an amount, a date, a defined term) or more than a few words
 * is a new version, announced with notice, not a silent fix. See docs/decisions/0005-witnessed-history.md.
 */
import { diffArrays } from 'diff';
import { splitFrontmatter } from './files.ts';
import type { ContentIssue } from './types.ts';

/** At most this many words may differ (the larger of removed and added) for a change to count as a correction. */
export const MAX_CORRECTION_WORDS = 5;

const MONTHS = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
const NUMBER_WORDS =
  /^(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|once|twice|half|double|percent|per cent|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$/i;
const CURRENCY = /[£$€¥₹₩₽₺₪]|\b(?:GBP|USD|EUR|JPY|CHF|CAD|AUD|INR)\b/;
// A link target (Markdown or HTML) may change in a correction ("Fixed the link to the complaints form"),
// digits and all; it is one word for the count.
const LINK_TARGET = /\]\([^)\s]*\)|(?:href|src)=["'][^"']*["']|https?:\/\/\S+|mailto:\S+/g;

/** The words of a text, with link targets replaced by a marker, so a fixed URL counts as one changed word. */
function words(text: string): string[] {
  return text
    .replace(LINK_TARGET, (target) => (target.startsWith(']') ? '] <link>' : ' <link> '))
    .split(/\s+/)
    .filter((word) => word !== '');
}

/** Terms the text defines: capitalised words in quotes ("Services", “Customer Data”) or in bold (**Controller**). */
export function definedTerms(text: string): Set<string> {
  const terms = new Set<string>();
  for (const match of text.matchAll(/["“]([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,5})["”]|\*\*([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,5})\*\*/g)) {
    const term = match[1] ?? match[2];
    if (term) terms.add(term);
  }
  return terms;
}

const bare = (word: string) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** Why a changed word would change the meaning, or undefined when it would not. */
function meaningfulChange(word: string, termWords: ReadonlySet<string>): string | undefined {
  const plain = bare(word);
  if (CURRENCY.test(word)) return 'an amount';
  if (/\d/.test(word)) return 'a number or a date';
  if (MONTHS.test(plain)) return 'a date';
  if (NUMBER_WORDS.test(plain)) return 'a number';
  if (plain !== '' && termWords.has(plain)) return 'a defined term';
  return undefined;
}

/** A source's frontmatter fields (none when unreadable) and the text a correction is measured on: its summary and body. */
function readSource(source: string): { meta: Record<string, unknown>; text: string } {
  const { frontmatter, body } = splitFrontmatter(source);
  const meta = frontmatter.ok && typeof frontmatter.value === 'object' && frontmatter.value !== null ? (frontmatter.value as Record<string, unknown>) : {};
  return { meta, text: `${typeof meta['summary'] === 'string' ? meta['summary'] : ''}\n${body}` };
}

/**
 * Why the change from `before` to `after` (two sources of one version file) is not a correction; empty when it is.
 * The `corrections:` list itself may grow; every other frontmatter field but the summary must stay as it was.
 */
export function correctionIssues(before: string, after: string, file: string): ContentIssue[] {
  const fix = 'a correction may only fix what changes no meaning (a typo, a broken link): undo this edit, then publish the change as a new version (npm run new-version), announced with notice';
  const issues: ContentIssue[] = [];
  const { meta: oldMeta, text: oldText } = readSource(before);
  const { meta: newMeta, text: newText } = readSource(after);
  for (const field of ['effective', 'published', 'change', 'draft', 'imported']) {
    if (JSON.stringify(oldMeta[field]) !== JSON.stringify(newMeta[field])) {
      issues.push({ file, field, message: `the correction changes "${field}" (${String(oldMeta[field])} → ${String(newMeta[field])}): a published version's ${field} never changes`, fix });
    }
  }
  const terms = new Set([...definedTerms(oldText), ...definedTerms(newText)]);
  const termWords = new Set([...terms].flatMap((term) => term.split(/\s+/)));
  let removed = 0;
  let added = 0;
  const reasons = new Map<string, string[]>();
  for (const part of diffArrays(words(oldText), words(newText))) {
    if (!part.added && !part.removed) continue;
    if (part.added) added += part.value.length;
    else removed += part.value.length;
    for (const word of part.value) {
      const why = meaningfulChange(word, termWords);
      if (why) reasons.set(why, [...(reasons.get(why) ?? []), `${part.added ? '+' : '-'}"${word}"`]);
    }
  }
  for (const [why, changed] of reasons) {
    issues.push({ file, field: 'corrections', message: `the correction changes ${why} (${changed.slice(0, 4).join(', ')})`, fix });
  }
  const changedWords = Math.max(removed, added);
  if (changedWords > MAX_CORRECTION_WORDS) {
    issues.push({ file, field: 'corrections', message: `the correction changes ${changedWords} words; a correction changes at most ${MAX_CORRECTION_WORDS}`, fix });
  }
  return issues;
}
