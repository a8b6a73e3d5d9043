/**
 * "Last updated: April 24, 2026" and "Effective date: 1 May 2026" lines: facts about the version, which
 * belong in its frontmatter. Left in the body they would be stale the day the next version is published.
 */
import { isIsoDate } from '../content/dates.ts';

/** A version date found on a line of its own. */
export interface DateLine {
  /** `effective` for "Effective (date)", `published` for "Last updated / revised / modified". */
  field: 'effective' | 'published';
  date: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase().replace(/\.$/, '');
  if (lower.length < 3) return undefined;
  const index = MONTHS.findIndex((month) => month.startsWith(lower) && (lower.length >= 3));
  return index === -1 ? undefined : index + 1;
}

function iso(year: number, month: number, day: number): string | undefined {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(text) ? text : undefined;
}

/**
 * A written date as YYYY-MM-DD: "2026-04-24", "April 24, 2026", "24 April 2026", "24th of April, 2026",
 * "24.04.2026" or "04/24/2026" when the day is above 12. Undefined when it is not a date, or when day and
 * month could be either way round ("03/04/2026"): a wrong guess would move the version by a month.
 */
export function parseWrittenDate(text: string): string | undefined {
  const value = text.trim().replace(/\.$/, '').replace(/,/g, ' ').replace(/\s+/g, ' ');
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (match) return iso(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^([A-Za-z]+\.?) (\d{1,2})(?:st|nd|rd|th)? (\d{4})$/.exec(value);
  if (match) {
    const month = monthNumber(match[1] ?? '');
    return month ? iso(Number(match[3]), month, Number(match[2])) : undefined;
  }
  match = /^(\d{1,2})(?:st|nd|rd|th)?(?: of)? ([A-Za-z]+\.?) (\d{4})$/.exec(value);
  if (match) {
    const month = monthNumber(match[2] ?? '');
    return month ? iso(Number(match[3]), month, Number(match[1])) : undefined;
  }
  match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(value);
  if (match) {
    const a = Number(match[1]);
    const b = Number(match[2]);
    if (a > 12 && b <= 12) return iso(Number(match[3]), b, a);
    if (b > 12 && a <= 12) return iso(Number(match[3]), a, b);
    if (a === b) return iso(Number(match[3]), a, b);
  }
  return undefined;
}

const LABEL =
  /^(?:(?:this\s+(?:policy|notice|statement|agreement|document)\s+(?:is\s+|was\s+)?)?(effective(?:\s+date)?|in\s+effect|(?:last\s+)?(?:updated|modified|revised|changed|amended)|date\s+of\s+(?:last\s+)?(?:update|revision)|version\s+date|published|posted|dated?))(?:\s+(?:on|as\s+of|from|since))?\s*[:\-–—]?\s*/i;

/**
 * The version date a line states and nothing else ("**Last updated:** April 24, 2026", "_Effective 1 May
 * 2026_", "LAST UPDATED: APRIL 24, 2026"), or undefined. Markdown emphasis and heading marks around it are allowed.
 */
export function dateLine(line: string): DateLine | undefined {
  const text = line
    .trim()
    .replace(/^#{1,6}\s+/, '')
    .replace(/[*_]{1,3}/g, '')
    .replace(/\\/g, '')
    .trim();
  const label = LABEL.exec(text);
  if (!label) return undefined;
  const date = parseWrittenDate(text.slice(label[0].length));
  if (!date) return undefined;
  const word = (label[1] ?? '').toLowerCase();
  return { field: /^(effective|in\s)/.test(word) ? 'effective' : 'published', date };
}

/** The version dates a text states on lines of their own, and the text without those lines. */
export interface LiftedDates {
  lines: string[];
  effective?: string;
  published?: string;
  /** Each line taken out, with what it was taken as. */
  taken: { line: string; field: DateLine['field']; date: string }[];
}

/**
 * Takes "Last updated" / "Effective" lines out of a text (outside fenced code), keeping the first date of
 * each kind. A date line inside a paragraph of other text is not one of them and stays.
 */
export function liftDateLines(lines: readonly string[]): LiftedDates {
  const kept: string[] = [];
  const result: LiftedDates = { lines: kept, taken: [] };
  let fenced = false;
  for (const line of lines) {
    if (/^ {0,3}(```|~~~)/.test(line)) fenced = !fenced;
    const found = fenced ? undefined : dateLine(line);
    if (!found) {
      kept.push(line);
      continue;
    }
    result.taken.push({ line: line.trim(), ...found });
    if (result[found.field] === undefined) result[found.field] = found.date;
  }
  return result;
}
