import { addDays } from './dates.ts';
import type { Version, VersionStatus } from './types.ts';

/** Orders versions by effective date, then by id (so `2025-03-01` precedes `2025-03-01-b`). */
export function compareVersions(a: Pick<Version, 'effective' | 'id'>, b: Pick<Version, 'effective' | 'id'>): number {
  if (a.effective !== b.effective) return a.effective < b.effective ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A copy of `versions`, oldest first. */
export function sortVersions<V extends Pick<Version, 'effective' | 'id'>>(versions: readonly V[]): V[] {
  return [...versions].sort(compareVersions);
}

/** The version in force on `date`: the latest one whose effective date is on or before it. */
export function versionInForce<V extends Pick<Version, 'effective' | 'id'>>(versions: readonly V[], date: string): V | undefined {
  let found: V | undefined;
  for (const version of sortVersions(versions)) {
    if (version.effective <= date) found = version;
  }
  return found;
}

/** Versions announced but not yet in force on `date`, soonest first. */
export function upcomingVersions<V extends Pick<Version, 'effective' | 'id'>>(versions: readonly V[], date: string): V[] {
  return sortVersions(versions).filter((version) => version.effective > date);
}

/** The version before `version` in effective order, if any. */
export function previousVersion<V extends Pick<Version, 'effective' | 'id'>>(versions: readonly V[], version: V): V | undefined {
  const sorted = sortVersions(versions);
  const index = sorted.findIndex((candidate) => candidate.id === version.id);
  return index > 0 ? sorted[index - 1] : undefined;
}

/** The version after `version` in effective order, if any. */
export function nextVersion<V extends Pick<Version, 'effective' | 'id'>>(versions: readonly V[], version: V): V | undefined {
  const sorted = sortVersions(versions);
  const index = sorted.findIndex((candidate) => candidate.id === version.id);
  return index >= 0 ? sorted[index + 1] : undefined;
}

/** Whether `version` is in force, upcoming or past on `date`. */
export function versionStatus<V extends Pick<Version, 'effective' | 'id'>>(versions: readonly V[], version: V, date: string): VersionStatus {
  if (version.effective > date) return 'upcoming';
  return versionInForce(versions, date)?.id === version.id ? 'in-force' : 'past';
}

/** The dates a version was (or will be) in force: from its effective date to the day before its successor's. */
export interface InForcePeriod {
  from: string;
  /** Last day in force; undefined while no later version is announced. */
  to: string | undefined;
}

/** The period `version` is in force, given all versions of its document. */
export function inForcePeriod<V extends Pick<Version, 'effective' | 'id'>>(versions: readonly V[], version: V): InForcePeriod {
  const next = nextVersion(versions, version);
  return { from: version.effective, to: next ? addDays(next.effective, -1) : undefined };
}

/** Everything a page needs to say where one version stands among its document's versions on `date`. */
export interface VersionContext<V extends Pick<Version, 'effective' | 'id'>> {
  version: V;
  status: VersionStatus;
  period: InForcePeriod;
  previous: V | undefined;
  next: V | undefined;
  /** The version in force on `date` (may be `version` itself). */
  current: V | undefined;
  /** Versions announced and not yet in force on `date`, soonest first. */
  upcoming: V[];
}

/** Where `version` stands on `date`: status, in-force period, neighbours, the current and the upcoming versions. */
export function versionContext<V extends Pick<Version, 'effective' | 'id'>>(versions: readonly V[], version: V, date: string): VersionContext<V> {
  return {
    version,
    status: versionStatus(versions, version, date),
    period: inForcePeriod(versions, version),
    previous: previousVersion(versions, version),
    next: nextVersion(versions, version),
    current: versionInForce(versions, date),
    upcoming: upcomingVersions(versions, date),
  };
}

/** How the history words a version's in-force period: the term, and what follows its first day. */
export interface InForceWording {
  /** "In force", or "Takes effect" for a version announced but not yet in force. */
  term: string;
  /** Between the first day and the last ("to"), or after the first day when no later version is announced. */
  joiner: string;
  openEnd: string;
}

/** The wording of `period` for a version with `status`: an upcoming version is not "in force to today". */
export function inForceWording(status: VersionStatus): InForceWording {
  return status === 'upcoming'
    ? { term: 'Takes effect', joiner: ', in force to', openEnd: ', in force until replaced' }
    : { term: 'In force', joiner: ' to', openEnd: ' to today and until replaced' };
}
