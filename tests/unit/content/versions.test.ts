import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  inForceWording,
  inForcePeriod,
  nextVersion,
  previousVersion,
  sortVersions,
  upcomingVersions,
  versionContext,
  versionInForce,
  versionStatus,
} from '../../../src/lib/content/versions.ts';

const v = (id: string) => ({ id, effective: id.slice(0, 10) });
const versions = [v('2025-02-01'), v('2024-03-01'), v('2027-01-15'), v('2024-07-15')];

describe('sortVersions / compareVersions', () => {
  it('orders by effective date, oldest first', () => {
    expect(sortVersions(versions).map((version) => version.id)).toEqual(['2024-03-01', '2024-07-15', '2025-02-01', '2027-01-15']);
  });
  it('orders a suffixed id after the plain one on the same day', () => {
    expect(compareVersions(v('2025-03-01-b'), v('2025-03-01'))).toBeGreaterThan(0);
    expect(compareVersions(v('2025-03-01'), v('2025-03-01'))).toBe(0);
  });
  it('does not reorder its input', () => {
    const input = [...versions];
    sortVersions(input);
    expect(input).toEqual(versions);
  });
});

describe.each([
  { date: '2024-02-29', inForce: undefined, status: { '2024-03-01': 'upcoming' } },
  { date: '2024-03-01', inForce: '2024-03-01', status: { '2024-03-01': 'in-force', '2024-07-15': 'upcoming' } },
  { date: '2024-07-14', inForce: '2024-03-01', status: { '2024-03-01': 'in-force' } },
  { date: '2024-07-15', inForce: '2024-07-15', status: { '2024-03-01': 'past', '2024-07-15': 'in-force' } },
  { date: '2027-01-14', inForce: '2025-02-01', status: { '2025-02-01': 'in-force', '2027-01-15': 'upcoming' } },
  { date: '2027-01-15', inForce: '2027-01-15', status: { '2025-02-01': 'past', '2027-01-15': 'in-force' } },
])('on $date', ({ date, inForce, status }) => {
  it(`the version in force is ${inForce}`, () => {
    expect(versionInForce(versions, date)?.id).toBe(inForce);
  });
  it('each version has the expected status', () => {
    for (const [id, expected] of Object.entries(status)) {
      expect(versionStatus(versions, v(id), date)).toBe(expected);
    }
  });
});

describe('neighbours and periods', () => {
  it('finds previous and next in effective order', () => {
    expect(previousVersion(versions, v('2025-02-01'))?.id).toBe('2024-07-15');
    expect(nextVersion(versions, v('2025-02-01'))?.id).toBe('2027-01-15');
    expect(previousVersion(versions, v('2024-03-01'))).toBeUndefined();
    expect(nextVersion(versions, v('2027-01-15'))).toBeUndefined();
  });
  it('a version is in force until the day before its successor', () => {
    expect(inForcePeriod(versions, v('2024-07-15'))).toEqual({ from: '2024-07-15', to: '2025-01-31' });
    expect(inForcePeriod(versions, v('2027-01-15'))).toEqual({ from: '2027-01-15', to: undefined });
  });
  it('lists upcoming versions soonest first', () => {
    expect(upcomingVersions([...versions, v('2028-01-01')], '2026-11-23').map((version) => version.id)).toEqual(['2027-01-15', '2028-01-01']);
    expect(upcomingVersions(versions, '2027-01-15')).toEqual([]);
  });
  it('versionContext gathers status, neighbours, current and upcoming', () => {
    const context = versionContext(versions, v('2024-03-01'), '2026-11-23');
    expect(context.status).toBe('past');
    expect(context.current?.id).toBe('2025-02-01');
    expect(context.next?.id).toBe('2024-07-15');
    expect(context.upcoming.map((version) => version.id)).toEqual(['2027-01-15']);
    expect(context.period.to).toBe('2024-07-14');
  });
});

describe('inForceWording', () => {
  it.each([
    // "In force 15 January 2027 to today" was said of a version that takes effect on 15 January 2027.
    { status: 'upcoming', expected: { term: 'Takes effect', joiner: ', in force to', openEnd: ', in force until replaced' } },
    { status: 'in-force', expected: { term: 'In force', joiner: ' to', openEnd: ' to today and until replaced' } },
    { status: 'past', expected: { term: 'In force', joiner: ' to', openEnd: ' to today and until replaced' } },
  ] as const)('words a $status version', ({ status, expected }) => {
    expect(inForceWording(status)).toEqual(expected);
  });
});
