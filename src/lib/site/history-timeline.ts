/**
 * The history page's timeline: where each version of a document sits in time, as a model the component draws
 * as inline SVG (src/components/HistoryTimeline.astro). Pure: the versions and the build date in, positions in
 * percent of the chart's width out, so the chart scales to any screen without a viewBox (its text keeps its
 * size) and without style attributes (the site's CSP allows none).
 */
import { addDays, daysBetween } from '../content/dates.ts';
import type { ChangeKind, Version, VersionStatus } from '../content/types.ts';
import { sortVersions, versionStatus } from '../content/versions.ts';

/** The part of a version the timeline needs. */
export type TimelineVersionInput = Pick<Version, 'id' | 'effective' | 'published' | 'change'>;

/** A stretch of the time axis, in percent of the chart's width: `x` is where it starts, `width` how long it is. */
export interface TimelineSpan {
  x: number;
  width: number;
}

/** One version on the timeline. */
export interface TimelineVersion {
  id: string;
  change: ChangeKind;
  status: VersionStatus;
  /** First day in force. */
  from: string;
  /** Last day in force; undefined while no later version is announced (the bar runs to the chart's end). */
  to: string | undefined;
  /** The day it was announced. */
  published: string;
  /** Days from announcement to effect: the notice readers were given. 0 when announced on the day it took effect. */
  noticeDays: number;
  /** The in-force period on the axis. */
  inForce: TimelineSpan;
  /** The notice window (announcement to effect) on the axis; undefined when there was none. */
  notice: TimelineSpan | undefined;
  /** Where the version's label is anchored: at the bar's start, or (for bars in the right half) at its end. */
  label: { x: number; anchor: 'start' | 'end' };
}

/** A dated mark on the time axis ("2025", or "Jul 2025" on a short axis). */
export interface TimelineTick {
  date: string;
  x: number;
  label: string;
}

/** Everything the timeline draws. */
export interface HistoryTimeline {
  /** First and last day of the axis. */
  start: string;
  end: string;
  /** Versions, oldest first: one row each. */
  versions: TimelineVersion[];
  ticks: TimelineTick[];
  /** The build date on the axis. */
  today: { date: string; x: number };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// At most this many tick labels, so that they stay apart on a 320 px screen (a label is about 40 px).
const MAX_TICKS = 6;

// Two decimals are a tenth of a pixel on a 1920 px screen; more would only make the HTML longer.
const round = (value: number): number => Math.round(value * 100) / 100;

/**
 * The timeline of `versions` as of `today`. The axis runs from the first announcement (or effect, if earlier) to
 * a little after the later of `today` and the last effective date, so the version in force has room to show it
 * continues. Versions must not share an effective date (validation refuses that).
 */
export function historyTimeline(versions: readonly TimelineVersionInput[], today: string): HistoryTimeline {
  const sorted = sortVersions(versions);
  const first = sorted[0];
  if (!first) return { start: today, end: today, versions: [], ticks: [], today: { date: today, x: 0 } };
  const last = sorted[sorted.length - 1] ?? first;
  const earliest = [first.published, first.effective].sort()[0] ?? first.effective;
  const latest = [today, last.effective, last.published].sort().at(-1) ?? today;
  // A margin on each side: 3% of the span, and at least a month after the last date so an open bar shows.
  const span = Math.max(daysBetween(earliest, latest), 30);
  const start = addDays(earliest, -Math.ceil(span * 0.03));
  const end = addDays(latest, Math.max(30, Math.ceil(span * 0.06)));
  const total = daysBetween(start, end);
  const at = (date: string): number => round((daysBetween(start, date) / total) * 100);
  const stretch = (from: string, until: string): TimelineSpan => ({ x: at(from), width: round(at(until) - at(from)) });

  const rows = sorted.map((version, index): TimelineVersion => {
    const next = sorted[index + 1];
    const inForce = stretch(version.effective, next ? next.effective : end);
    const noticeDays = Math.max(0, daysBetween(version.published, version.effective));
    const rightHalf = inForce.x > 50;
    return {
      id: version.id,
      change: version.change,
      status: versionStatus(sorted, version, today),
      from: version.effective,
      to: next ? addDays(next.effective, -1) : undefined,
      published: version.published,
      noticeDays,
      inForce,
      notice: noticeDays > 0 ? stretch(version.published, version.effective) : undefined,
      label: rightHalf ? { x: round(inForce.x + inForce.width), anchor: 'end' } : { x: inForce.x, anchor: 'start' },
    };
  });
  return { start, end, versions: rows, ticks: timelineTicks(start, end, at), today: { date: today, x: at(today) } };
}

/** Marks on the axis between `start` and `end`: years, every few years on a long axis, half-years or quarters on a short one. */
function timelineTicks(start: string, end: string, at: (date: string) => number): TimelineTick[] {
  const startYear = Number(start.slice(0, 4));
  const endYear = Number(end.slice(0, 4));
  const years = endYear - startYear + 1;
  if (years >= 3) {
    const step = Math.ceil(years / MAX_TICKS);
    const ticks: TimelineTick[] = [];
    for (let year = startYear + 1; year <= endYear; year += step) {
      const date = `${year}-01-01`;
      ticks.push({ date, x: at(date), label: String(year) });
    }
    return ticks;
  }
  // A short axis: every month that starts a quarter, thinned to at most MAX_TICKS.
  const months: string[] = [];
  for (let year = startYear; year <= endYear; year++) {
    for (const month of [1, 4, 7, 10]) {
      const date = `${year}-${String(month).padStart(2, '0')}-01`;
      if (date > start && date < end) months.push(date);
    }
  }
  const step = Math.ceil(months.length / MAX_TICKS);
  return months
    .filter((_, index) => index % step === 0)
    .map((date) => ({ date, x: at(date), label: `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}` }));
}
