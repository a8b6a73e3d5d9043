/**
 * Which compare pages a build publishes. Each version is compared with the version before it and with the
 * version in force on the build date (past -> current, current -> upcoming), so the number of pages grows
 * linearly with the number of versions (at most two per version). Any other pair is computed in the
 * browser (src/client/compare-picker.ts).
 */
import type { Version } from '../content/types.ts';
import { sortVersions, versionInForce } from '../content/versions.ts';

/** One pair of versions of a document, `from` older than `to` in every published pair. */
export interface VersionPair<V> {
  from: V;
  to: V;
}

/** The `<from>...<to>` segment of a compare URL. */
export function pairSlug(from: Pick<Version, 'id'>, to: Pick<Version, 'id'>): string {
  return `${from.id}...${to.id}`;
}

/** The version ids in a `<from>...<to>` segment, or undefined when it is not one. */
export function parsePairSlug(slug: string): { from: string; to: string } | undefined {
  const match = /^(.+?)\.\.\.(.+)$/u.exec(slug);
  if (!match || match[1] === match[2]) return undefined;
  return { from: match[1] ?? '', to: match[2] ?? '' };
}

/**
 * The pairs with a built compare page, in order of their newer version then their older one: each
 * version against its previous version, and against the version in force on `date`. Deduplicated.
 */
export function comparePairs<V extends Pick<Version, 'effective' | 'id'>>(versions: readonly V[], date: string): Array<VersionPair<V>> {
  const sorted = sortVersions(versions);
  const current = versionInForce(sorted, date);
  const currentIndex = current ? sorted.indexOf(current) : -1;
  const pairs = new Map<string, VersionPair<V>>();
  const add = (from: V, to: V) => {
    if (from.id !== to.id) pairs.set(pairSlug(from, to), { from, to });
  };
  sorted.forEach((version, index) => {
    const previous = sorted[index - 1];
    if (previous) add(previous, version);
    if (current && index < currentIndex) add(version, current);
    if (current && index > currentIndex) add(current, version);
  });
  const position = new Map(sorted.map((version, index) => [version.id, index]));
  return [...pairs.values()].sort(
    (a, b) => (position.get(a.to.id) ?? 0) - (position.get(b.to.id) ?? 0) || (position.get(a.from.id) ?? 0) - (position.get(b.from.id) ?? 0),
  );
}

/** Whether `from...to` has a built compare page. */
export function isBuiltPair<V extends Pick<Version, 'effective' | 'id'>>(versions: readonly V[], date: string, from: string, to: string): boolean {
  return comparePairs(versions, date).some((pair) => pair.from.id === from && pair.to.id === to);
}
