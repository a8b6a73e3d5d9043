import { describe, expect, it } from 'vitest';
import { dateLine, liftDateLines, parseWrittenDate } from '../../../src/lib/import/date-lines.ts';

describe('parseWrittenDate', () => {
  it.each([
    ['2026-04-24', '2026-04-24'],
    ['April 24, 2026', '2026-04-24'],
    ['APRIL 24, 2026', '2026-04-24'],
    ['Apr. 24th, 2026', '2026-04-24'],
    ['24 April 2026', '2026-04-24'],
    ['24th of April, 2026', '2026-04-24'],
    ['24.04.2026', '2026-04-24'],
    ['04/24/2026', '2026-04-24'],
    ['03/04/2026', undefined],
    ['February 30, 2026', undefined],
    ['soon', undefined],
  ])('%s', (text, date) => {
    expect(parseWrittenDate(text)).toBe(date);
  });
});

describe('dateLine', () => {
  it.each([
    ['LAST UPDATED: APRIL 24, 2026', { field: 'published', date: '2026-04-24' }],
    ['**Last updated:** April 24, 2026', { field: 'published', date: '2026-04-24' }],
    ['_Effective 1 May 2026_', { field: 'effective', date: '2026-05-01' }],
    ['Effective date: November 16, 2020', { field: 'effective', date: '2020-11-16' }],
    ['### Effective: 2026-05-01', { field: 'effective', date: '2026-05-01' }],
    ['This policy was last revised on 2 March 2025.', { field: 'published', date: '2025-03-02' }],
    ['We updated our retention rules on April 24, 2026 to shorten them.', undefined],
    ['Effective immediately, we delete logs after 30 days.', undefined],
  ])('%s', (line, expected) => {
    expect(dateLine(line)).toEqual(expected);
  });

  it('lifts the lines out, keeping the first date of each kind, but not inside code', () => {
    const lifted = liftDateLines(['Title', 'Last updated: 1 May 2026', 'Text.', '```', 'Effective: 2020-01-01', '```', 'Last updated: 2 May 2026']);
    expect(lifted.lines).toEqual(['Title', 'Text.', '```', 'Effective: 2020-01-01', '```']);
    expect(lifted.published).toBe('2026-05-01');
    expect(lifted.effective).toBeUndefined();
    expect(lifted.taken).toHaveLength(2);
  });
});
