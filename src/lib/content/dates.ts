/** Calendar-date helpers on ISO `YYYY-MM-DD` strings, in UTC so results never depend on the machine. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written `YYYY-MM-DD` (rejects 2025-02-30). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** The ISO date `days` days after `date` (negative to go back). */
export function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `items` sorted by their ISO `date`, oldest first (a stable sort: items of one day keep their order). */
export function byDate<T extends { date: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The ISO date of a Date, read in UTC. */
export function isoDateOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// Creating an Intl.DateTimeFormat costs about 0.1 ms, and a large site formats the same few hundred dates tens of
// thousands of times per build (every page lists versions; 94 ms of the bench build with one formatter per
// locale), so each locale's formatter is made once and each date formatted once.
const dateFormats = new Map<string, { format: Intl.DateTimeFormat; formatted: Map<string, string> }>();

/** A date for people: "15 January 2025". */
export function formatDate(date: string, locale = 'en-GB'): string {
  let formats = dateFormats.get(locale);
  if (!formats) {
    formats = { format: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }), formatted: new Map() };
    dateFormats.set(locale, formats);
  }
  let formatted = formats.formatted.get(date);
  if (formatted === undefined) {
    formatted = formats.format.format(new Date(`${date}T00:00:00Z`));
    formats.formatted.set(date, formatted);
  }
  return formatted;
}

/** Midnight UTC of an ISO date, as a Date (for feeds and calendars). */
export function dateAtMidnightUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/**
 * The date the site is built for: `REDLINE_NOW` (YYYY-MM-DD) when given, so builds and tests are
 * reproducible, otherwise today's date from `now`.
 */
export function resolveBuildDate(override: string | undefined, now: Date): string {
  if (override === undefined || override === '') return isoDateOf(now);
  if (!isIsoDate(override)) throw new Error(`REDLINE_NOW="${override}" is not a date; write it as YYYY-MM-DD, e.g. REDLINE_NOW=2026-01-31`);
  return override;
}
