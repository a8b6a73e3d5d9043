/**
 * An iCalendar file (RFC 5545, https://www.rfc-editor.org/rfc/rfc5545) of upcoming effective dates.
 * Written by hand rather than with the `ics` package: ics stamps DTSTAMP with the clock by default and
 * folds lines by characters, not the 75 octets RFC 5545 §3.1 asks for, so non-ASCII titles overflow.
 */
import { addDays } from '../content/dates.ts';
import { changeKindLabel, compareUrlOf, documentScope, publishedWithPrevious, siteUrlOf } from './feeds/model.ts';
import type { SiteConfig } from '../site/config.ts';
import type { LegalDocument, Version } from '../content/types.ts';

/** Options of `buildCalendar`. */
export interface CalendarOptions {
  documents: readonly LegalDocument[];
  site: SiteConfig;
  /** ISO date of the build: versions effective after it are upcoming. */
  today: string;
  /** Slug of one document for a per-document calendar; every document when absent. */
  document?: string | undefined;
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets with CRLF + space, never inside a UTF-8 sequence (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // The first line holds 75 octets; continuation lines start with a space, leaving 74.
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** Escapes a TEXT value: backslash, semicolon, comma and newlines (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** The last date a DATE value can hold (RFC 5545 §3.3.4: four-digit years). */
const LAST_DATE = '9999-12-31';

// DATE values are written YYYYMMDD (RFC 5545 §3.3.4).
function icsDate(date: string): string {
  return date.replace(/-/g, '');
}

function event(document: LegalDocument, version: Version, previous: Version | undefined, site: SiteConfig): string[] {
  const url = siteUrlOf({ kind: 'version', document: document.slug, version: version.id }, site);
  const compareUrl = compareUrlOf(document, previous, version, site);
  const description = [
    version.summary,
    '',
    `New version: ${url}`,
    ...(compareUrl ? [`What changed: ${compareUrl}`] : []),
  ].join('\n');
  return [
    'BEGIN:VEVENT',
    // The permanent version URL is globally unique and never changes, so calendars update the event in
    // place instead of duplicating it (RFC 5545 §3.8.4.7).
    `UID:${url}`,
    // DTSTAMP comes from the announcement date, never the clock, so the file only changes when content does.
    `DTSTAMP:${icsDate(version.published)}T000000Z`,
    `DTSTART;VALUE=DATE:${icsDate(version.effective)}`,
    // DTEND is exclusive: an all-day event on one date ends the next day (RFC 5545 §3.6.1). On 9999-12-31 the
    // next day has no four-digit year, so the event lasts one day by DURATION instead (§3.8.2.5).
    version.effective < LAST_DATE ? `DTEND;VALUE=DATE:${icsDate(addDays(version.effective, 1))}` : 'DURATION:P1D',
    `SUMMARY:${escapeText(`${document.title}: ${changeKindLabel(version.change)} takes effect`)}`,
    `DESCRIPTION:${escapeText(description)}`,
    `URL:${url}`,
    // A reminder, not an appointment: it should not mark the day as busy.
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/** The iCalendar text of upcoming (effective after `today`) published versions, one all-day event each; with none upcoming, the versions in force. */
export function buildCalendar(options: CalendarOptions): string {
  const { site, today } = options;
  const { documents, single } = documentScope(options.documents, options.document, 'buildCalendar');
  const name = single ? `${single.title} (${site.siteName}): changes taking effect` : `${site.siteName} legal documents: changes taking effect`;

  const events: { effective: string; key: string; lines: string[] }[] = [];
  for (const document of documents) {
    for (const { version, previous } of publishedWithPrevious(document)) {
      if (version.effective > today) events.push({ effective: version.effective, key: `${document.slug}/${version.id}`, lines: event(document, version, previous, site) });
    }
  }
  // A calendar needs at least one component (RFC 5545 §3.6): with nothing upcoming, it holds the day each
  // document's version in force took effect, which is also what a subscriber last needed to know.
  if (events.length === 0) {
    for (const document of documents) {
      const inForce = publishedWithPrevious(document).filter(({ version }) => version.effective <= today).at(-1);
      if (inForce) events.push({ effective: inForce.version.effective, key: `${document.slug}/${inForce.version.id}`, lines: event(document, inForce.version, inForce.previous, site) });
    }
  }
  events.sort((a, b) => (a.effective !== b.effective ? (a.effective < b.effective ? -1 : 1) : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//${escapeText(site.company)}//Redline//EN`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    // NAME is RFC 7986 §5.1; X-WR-CALNAME is what Apple and Google calendars still read.
    `NAME:${escapeText(name)}`,
    `X-WR-CALNAME:${escapeText(name)}`,
    ...events.flatMap((item) => item.lines),
    'END:VCALENDAR',
  ];
  // Every line ends with CRLF, the last one included (RFC 5545 §3.1).
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}
