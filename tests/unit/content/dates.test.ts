import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, formatDate, isIsoDate, resolveBuildDate } from '../../../src/lib/content/dates.ts';

describe.each([
  ['2024-02-29', true],
  ['2025-02-29', false],
  ['2025-02-30', false],
  ['2025-13-01', false],
  ['2025-1-01', false],
  ['01/02/2025', false],
  ['2025-12-31', true],
])('isIsoDate(%s)', (value, expected) => {
  it(`is ${expected}`, () => expect(isIsoDate(value)).toBe(expected));
});

describe('date arithmetic', () => {
  it('adds days across months and leap years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });
  it('counts days between dates', () => {
    expect(daysBetween('2025-01-10', '2025-02-01')).toBe(22);
    expect(daysBetween('2025-02-01', '2025-01-10')).toBe(-22);
  });
  it('formats dates for people, in UTC', () => {
    expect(formatDate('2027-01-15')).toBe('15 January 2027');
  });
  it('formats each date for its own locale, again and again (each is formatted once and remembered)', () => {
    expect(formatDate('2027-01-15', 'en-GB')).toBe('15 January 2027');
    expect(formatDate('2027-01-15', 'en-US')).toBe('January 15, 2027');
    expect(formatDate('2027-01-16', 'en-GB')).toBe('16 January 2027');
    expect(formatDate('2027-01-15', 'en-GB')).toBe('15 January 2027');
    expect(() => formatDate('2027-13-45')).toThrow(RangeError);
  });
});

describe('resolveBuildDate', () => {
  it('prefers REDLINE_NOW', () => expect(resolveBuildDate('2026-01-31', new Date('2030-05-05T12:00:00Z'))).toBe('2026-01-31'));
  it('falls back to the date of now, in UTC', () => expect(resolveBuildDate(undefined, new Date('2030-05-05T23:30:00Z'))).toBe('2030-05-05'));
  it('rejects a malformed override with a clear message', () => {
    expect(() => resolveBuildDate('31/01/2026', new Date())).toThrow(/REDLINE_NOW="31\/01\/2026" is not a date/);
  });
});
