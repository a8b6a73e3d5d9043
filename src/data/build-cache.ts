/**
 * An on-disk cache of the diff work (rendered blocks, comparisons, source diffs), so a rebuild only diffs what
 * changed. Switched on by src/integrations/build-cache.ts for `astro build` only, under Astro's cacheDir.
 *
 * Correctness: each entry's key is the sha256 of its inputs (the versions' sources, labels, file names) and of
 * the build's fingerprint, which covers every file the result could depend on (src/lib, src/components,
 * src/data, the site and Astro configs, package-lock.json, SITE_URL and BASE_PATH). Change any of them and no
 * entry matches any more. An unreadable entry is recomputed; a failed write is ignored.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** How a value is stored as JSON (without one, it is stored as it is). */
export interface CacheCodec<T> {
  encode: (value: T) => unknown;
  decode: (stored: unknown) => T;
}


/** The cache's folder and fingerprint, or undefined when it is off (dev server, tests). */
const settings = import.meta.env.REDLINE_BUILD_CACHE;

// Folders this build has made already (one mkdir each, not one per entry).
const madeFolders = new Set<string>();

/** The cache key of `inputs` in `namespace`. */
function keyOf(fingerprint: string, namespace: string, inputs: readonly string[]): string {
  const hash = createHash('sha256').update(`${fingerprint}\u0000${namespace}`);
  // Length-prefixed, so that no two different input lists hash the same text.
  for (const input of inputs) hash.update(`\u0000${input.length}:`).update(input);
  return hash.digest('hex');
}

/** `compute()`, or its stored result for the same `inputs` from an earlier build. */
export async function cachedResult<T>(namespace: string, inputs: readonly string[], compute: () => T | Promise<T>, codec?: CacheCodec<T>): Promise<T> {
  if (!settings) return compute();
  const key = keyOf(settings.fingerprint, namespace, inputs);
  const file = join(settings.dir, namespace, key.slice(0, 2), `${key}.json`);
  try {
    const stored: unknown = JSON.parse(await readFile(file, 'utf8'));
    return codec ? codec.decode(stored) : (stored as T);
  } catch {
    // Not cached yet (or unreadable): compute it.
  }
  const value = await compute();
  try {
    const folder = dirname(file);
    if (!madeFolders.has(folder)) {
      await mkdir(folder, { recursive: true });
      madeFolders.add(folder);
    }
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(codec ? codec.encode(value) : value));
    await rename(temporary, file);
  } catch {
    // A cache that cannot be written only costs time.
  }
  return value;
}
