import { describe, expect, it, vi } from 'vitest';
import { buildCalendar, escapeText, foldLine } from '../../../src/lib/publish/calendar.ts';
import { legalDocument, sampleDocuments, site, version } from './feeds/fixtures.ts';

/** Unfolds content lines (RFC 5545 §3.1) and groups properties per VEVENT. */
function parseIcs(text: string) {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').slice(0, -1);
  const events: Map<string, string>[] = [];
  let current: Map<string, string> | undefined;
  const calendar = new Map<string, string>();
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = new Map();
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = undefined;
    } else {
      const colon = line.indexOf(':');
      (current ?? calendar).set(line.slice(0, colon), line.slice(colon + 1));
    }
  }
  return { lines, calendar, events };
}

function unescapeText(value: string | undefined): string | undefined {
  return value?.replace(/\\(.)/g, (_, char: string) => (char === 'n' ? '\n' : char));
}

describe('buildCalendar', () => {
  const documents = sampleDocuments();

  it('is a VCALENDAR with the required properties', () => {
    const { lines, calendar } = parseIcs(buildCalendar({ documents, site, today: '2025-06-15' }));
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(calendar.get('VERSION')).toBe('2.0');
    expect(calendar.get('PRODID')).toBe('-//Example Ltd//Redline//EN');
  });

  it.each([
    { today: '2025-06-15', expected: ['terms/2026-01-01', 'privacy/2026-03-01', 'privacy/2027-01-15'] },
    { today: '2026-01-01', expected: ['privacy/2026-03-01', 'privacy/2027-01-15'] },
    { today: '2027-01-14', expected: ['privacy/2027-01-15'] },
  ])('lists versions effective after $today, soonest first, never drafts', ({ today, expected }) => {
    const { events } = parseIcs(buildCalendar({ documents, site, today }));
    expect(events.map((event) => event.get('UID')?.replace('https://example.com/legal/', '').replace(/\/$/, ''))).toEqual(expected);
  });

  it('writes an all-day event on the effective date, stamped with the announcement date', () => {
    const { events } = parseIcs(buildCalendar({ documents, site, today: '2026-06-15', document: 'privacy' }));
    expect(events).toHaveLength(1);
    const event = events[0];
    expect(event?.get('UID')).toBe('https://example.com/legal/privacy/2027-01-15/');
    expect(event?.get('DTSTART;VALUE=DATE')).toBe('20270115');
    expect(event?.get('DTEND;VALUE=DATE')).toBe('20270116');
    expect(event?.get('DTSTAMP')).toBe('20261201T000000Z');
    expect(event?.get('SUMMARY')).toBe('Privacy Policy: material change takes effect');
    expect(event?.get('URL')).toBe('https://example.com/legal/privacy/2027-01-15/');
    const description = unescapeText(event?.get('DESCRIPTION'));
    expect(description).toContain('We now share <b>usage data</b> with "partners" & processors.');
    expect(description).toContain('New version: https://example.com/legal/privacy/2027-01-15/');
    expect(description).toContain('What changed: https://example.com/legal/privacy/compare/2026-03-01...2027-01-15/');
  });

  it('does not depend on the clock: same input, same bytes, years apart', () => {
    try {
      vi.useFakeTimers();
      vi.setSystemTime(new Date('2001-02-03T04:05:06Z'));
      const a = buildCalendar({ documents, site, today: '2025-06-15' });
      vi.setSystemTime(new Date('2042-07-08T09:10:11Z'));
      const b = buildCalendar({ documents: sampleDocuments(), site, today: '2025-06-15' });
      expect(a).toBe(b);
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves out a draft even when it is upcoming', () => {
    const text = buildCalendar({ documents, site, today: '2027-03-01' });
    expect(text).not.toContain('2027-06-01');
    expect(text).not.toContain('20270601');
  });

  it.each([
    { today: '2027-01-15', document: undefined, expected: ['cookies/2025-02-01', 'terms/2026-01-01', 'privacy/2027-01-15'] },
    { today: '2027-03-01', document: 'terms', expected: ['terms/2026-01-01'] },
  ])('is never empty of events (RFC 5545 §3.6): with nothing upcoming on $today, it holds the versions in force', ({ today, document, expected }) => {
    const { events } = parseIcs(buildCalendar({ documents, site, today, document }));
    expect(events.map((event) => event.get('UID')?.replace('https://example.com/legal/', '').replace(/\/$/, ''))).toEqual(expected);
  });

  it('ends an event on 9999-12-31 by duration, since the next day has no four-digit year', () => {
    const far = legalDocument('far', 'Far', [version('far', { id: '9999-12-31', published: '2025-01-01', change: 'initial' })]);
    const { events, lines } = parseIcs(buildCalendar({ documents: [far], site, today: '2025-06-15' }));
    expect(events[0]?.get('DTSTART;VALUE=DATE')).toBe('99991231');
    expect(events[0]?.get('DURATION')).toBe('P1D');
    expect(events[0]?.has('DTEND;VALUE=DATE')).toBe(false);
    for (const line of lines) expect(line).toMatch(/^[A-Z-]+[;:]/);
  });

  it('throws on an unknown document', () => {
    expect(() => buildCalendar({ documents, site, today: '2025-01-01', document: 'nope' })).toThrow(/no document "nope"/);
  });

  it('escapes and folds a long non-ASCII summary so that it round-trips', () => {
    const summary = 'Données personnelles; transferts, sous-traitants\\ et «\u00a0partenaires\u00a0» — ' + 'é'.repeat(80) + '\nSecond line.';
    const docs = [legalDocument('vie-privee', 'Politique de confidentialité', [version('vie-privee', { id: '2030-01-01', published: '2029-11-01', change: 'initial', summary })])];
    const text = buildCalendar({ documents: docs, site, today: '2029-12-01' });
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const description = unescapeText(parseIcs(text).events[0]?.get('DESCRIPTION'));
    expect(description?.split('\n\n')[0]).toBe(summary);
  });
});

describe('foldLine', () => {
  it.each([
    { line: 'a'.repeat(75), parts: 1 },
    { line: 'a'.repeat(76), parts: 2 },
    { line: 'a'.repeat(75 + 74), parts: 2 },
    { line: 'a'.repeat(75 + 75), parts: 3 },
  ])('folds $line.length ASCII octets into $parts line(s)', ({ line, parts }) => {
    const folded = foldLine(line);
    expect(folded.split('\r\n ')).toHaveLength(parts);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('never splits a multi-octet character', () => {
    const line = `X:${'€'.repeat(40)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) {
      expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
      expect(part).not.toMatch(/\uFFFD/);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
});

describe('escapeText', () => {
  it.each([
    ['a;b', 'a\\;b'],
    ['a,b', 'a\\,b'],
    ['a\\b', 'a\\\\b'],
    ['a\nb', 'a\\nb'],
    ['a\r\nb', 'a\\nb'],
  ])('escapes %j as %j', (input, output) => {
    expect(escapeText(input)).toBe(output);
  });
});
