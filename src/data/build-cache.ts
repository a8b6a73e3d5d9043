/**
 * An on-disk cache of what a rebuild would otherwise diff again although Astro's incremental build copies the
 * pages that show it: the change counts of each version against the one before it, which feeds and notices
 * (pages without a cache key, rendered every build) carry. The compare pages themselves are copied by the
 * incremental build (a `cacheKey` per page), so their redlines are not stored twice. Switched on by
 * src/integrations/build-cache.ts for `astro build` only, under Astro's cacheDir.
 *
 * Correctness: each entry's key is the sha256 of its inputs (the two versions' sources) and of
 * the build's fingerprint, which covers every file the result could depend on (src/lib, src/components,
 * src/data, the site and Astro configs, package-lock.json, SITE_URL and BASE_PATH). Change any of them and no
 * entry matches any more. An unreadable entry is recomputed; a failed write is ignored.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically, writeFileAtomicallySync } from '../lib/site/atomic-write.ts';

/** The cache's folder and fingerprint, or undefined when it is off (dev server, tests). */
const settings = import.meta.env.REDLINE_BUILD_CACHE;

/** The cache key of `inputs` in `namespace`. */
function keyOf(fingerprint: string, namespace: string, inputs: readonly string[]): string {
  const hash = createHash('sha256').update(`${fingerprint}\u0000${namespace}`);
  // Length-prefixed, so that no two different input lists hash the same text.
  for (const input of inputs) hash.update(`\u0000${input.length}:`).update(input);
  return hash.digest('hex');
}

/** `compute()`, or its stored result for the same `inputs` from an earlier build. */
export async function cachedResult<T>(namespace: string, inputs: readonly string[], compute: () => T | Promise<T>): Promise<T> {
  if (!settings) return compute();
  const key = keyOf(settings.fingerprint, namespace, inputs);
  const file = join(settings.dir, namespace, key.slice(0, 2), `${key}.json`);
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    // Not cached yet (or unreadable): compute it.
  }
  const value = await compute();
  try {
    await writeFileAtomically(file, JSON.stringify(value));
  } catch {
    // A cache that cannot be written only costs time.
  }
  return value;
}

/**
 * The keys that the last build with the same fingerprint recorded under `name`, after recording `keys` for the
 * next one; empty when the cache is off or there was no such build. For scheduling only (which work to start
 * early), never for what a page shows.
 */
export function previousBuildKeys(name: string, keys: readonly string[]): Set<string> {
  if (!settings) return new Set();
  const file = join(settings.dir, `${name}.json`);
  let previous: string[] = [];
  try {
    previous = JSON.parse(readFileSync(file, 'utf8')) as string[];
  } catch {
    // No earlier build: nothing to skip.
  }
  try {
    writeFileAtomicallySync(file, JSON.stringify(keys));
  } catch {
    // Only costs time in the next build.
  }
  return new Set(previous);
}
