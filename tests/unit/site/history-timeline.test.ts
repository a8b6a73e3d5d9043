import { describe, expect, it } from 'vitest';
import { historyTimeline, type TimelineVersionInput } from '../../../src/lib/site/history-timeline.ts';

const version = (id: string, published: string, change: TimelineVersionInput['change']): TimelineVersionInput => ({ id, effective: id, published, change });

// The example privacy policy's shape: an initial version, a minor change announced the day it took effect,
// material changes with a notice window, and one announced but not yet in force.
const PRIVACY = [
  version('2024-03-01', '2024-02-01', 'initial'),
  version('2024-07-15', '2024-07-15', 'minor'),
  version('2025-02-01', '2024-12-20', 'material'),
  version('2025-09-01', '2025-08-04', 'material'),
  version('2027-01-15', '2026-11-10', 'material'),
];

describe('historyTimeline', () => {
  const timeline = historyTimeline(PRIVACY, '2026-11-23');

  it('has one row per version, oldest first, whatever order they come in', () => {
    expect(historyTimeline([...PRIVACY].reverse(), '2026-11-23').versions.map((row) => row.id)).toEqual(PRIVACY.map((v) => v.id));
  });

  it('runs from a little before the first announcement to a little after the last effective date', () => {
    expect(timeline.start < '2024-02-01').toBe(true);
    expect(timeline.end > '2027-01-15').toBe(true);
  });

  it.each([
    ['2024-03-01', '2024-07-14', 'past', 'initial', 29],
    ['2024-07-15', '2025-01-31', 'past', 'minor', 0],
    ['2025-02-01', '2025-08-31', 'past', 'material', 43],
    ['2025-09-01', '2027-01-14', 'in-force', 'material', 28],
    ['2027-01-15', undefined, 'upcoming', 'material', 66],
  ] as const)('version of %s: in force until %s, %s, %s, %i days of notice', (id, to, status, change, noticeDays) => {
    const row = timeline.versions.find((candidate) => candidate.id === id);
    expect(row).toMatchObject({ from: id, to, status, change, noticeDays });
    expect(row?.notice === undefined).toBe(noticeDays === 0);
  });

  it('places each in-force period where the next begins, so the bars meet without overlapping', () => {
    for (const [index, row] of timeline.versions.entries()) {
      const next = timeline.versions[index + 1];
      if (next) expect(row.inForce.x + row.inForce.width).toBeCloseTo(next.inForce.x, 1);
      else expect(row.inForce.x + row.inForce.width).toBeCloseTo(100, 1);
      expect(row.inForce.width).toBeGreaterThan(0);
    }
  });

  it('puts the notice window from the announcement to the effective date, just before the in-force period', () => {
    const row = timeline.versions.find((candidate) => candidate.id === '2025-02-01');
    expect(row?.notice?.x).toBeLessThan(row?.inForce.x ?? 0);
    expect((row?.notice?.x ?? 0) + (row?.notice?.width ?? 0)).toBeCloseTo(row?.inForce.x ?? 0, 1);
  });

  it('measures positions in days: a 43-day notice is 43/total of the width', () => {
    const row = timeline.versions.find((candidate) => candidate.id === '2025-02-01');
    const totalDays = (Date.parse(timeline.end) - Date.parse(timeline.start)) / 86_400_000;
    expect(row?.notice?.width).toBeCloseTo((43 / totalDays) * 100, 1);
  });

  it('marks today on the axis, between the version in force and the upcoming one', () => {
    const current = timeline.versions.find((row) => row.status === 'in-force');
    const upcoming = timeline.versions.find((row) => row.status === 'upcoming');
    expect(timeline.today.x).toBeGreaterThan(current?.inForce.x ?? 100);
    expect(timeline.today.x).toBeLessThan(upcoming?.inForce.x ?? 0);
  });

  it('anchors labels so they stay on the chart: at the bar’s start on the left half, at its end on the right half', () => {
    for (const row of timeline.versions) {
      if (row.label.anchor === 'start') expect(row.label.x).toBeLessThanOrEqual(50);
      else expect(row.label.x).toBeGreaterThanOrEqual(50);
    }
    expect(timeline.versions[0]?.label).toEqual({ x: timeline.versions[0]?.inForce.x, anchor: 'start' });
    expect(timeline.versions.at(-1)?.label).toEqual({ x: 100, anchor: 'end' });
  });

  it('marks the years on a long axis, in order, within the chart', () => {
    expect(timeline.ticks.map((tick) => tick.label)).toEqual(['2024', '2025', '2026', '2027']);
    for (const tick of timeline.ticks) {
      expect(tick.x).toBeGreaterThan(0);
      expect(tick.x).toBeLessThan(100);
    }
  });

  it('thins the years of a long history to at most six labels', () => {
    const long = historyTimeline([version('2010-01-01', '2010-01-01', 'initial'), version('2026-01-01', '2025-11-01', 'material')], '2026-11-23');
    expect(long.ticks.length).toBeLessThanOrEqual(6);
    expect(long.ticks[0]?.label).toBe('2010');
  });

  it('marks quarters on a short axis', () => {
    const short = historyTimeline([version('2026-03-01', '2026-02-01', 'initial')], '2026-06-10');
    expect(short.ticks.map((tick) => tick.label)).toEqual(['Apr 2026', 'Jul 2026']);
  });

  it('draws a single version in force from its date to the end, with no successor', () => {
    const single = historyTimeline([version('2024-03-01', '2024-03-01', 'initial')], '2026-11-23');
    expect(single.versions).toHaveLength(1);
    expect(single.versions[0]).toMatchObject({ to: undefined, status: 'in-force', notice: undefined });
  });

  it('is empty without versions', () => {
    expect(historyTimeline([], '2026-11-23').versions).toEqual([]);
  });
});
