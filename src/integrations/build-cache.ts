import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** What the diff work of a build can depend on, besides the content: any change here empties the cache. */
export const BUILD_CACHE_INPUTS = ['src/lib', 'src/components', 'src/data', 'redline.config.ts', 'astro.config.mjs', 'package-lock.json'] as const;

function hashTree(root: string, path: string, hash: ReturnType<typeof createHash>): void {
  const absolute = join(root, path);
  if (!existsSync(absolute)) return;
  if (statSync(absolute).isDirectory()) {
    for (const name of readdirSync(absolute).sort()) hashTree(root, `${path}/${name}`, hash);
  } else {
    hash.update(`\u0000${path}\u0000`).update(readFileSync(absolute));
  }
}

/**
 * Switches on the on-disk cache of the diff work (src/data/build-cache.ts) for `astro build`: its folder is
 * `<cacheDir>/redline/<fingerprint>/` and its fingerprint the hash of BUILD_CACHE_INPUTS and of SITE_URL / BASE_PATH
 * (older fingerprints' folders are deleted). The dev server does without it, so edits to the code always show.
 */
export function redlineBuildCache(): AstroIntegration {
  return {
    name: 'redline:build-cache',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        if (command !== 'build') return;
        const root = fileURLToPath(config.root);
        const hash = createHash('sha256').update(`SITE_URL=${process.env['SITE_URL'] ?? ''}\u0000BASE_PATH=${process.env['BASE_PATH'] ?? ''}`);
        for (const input of BUILD_CACHE_INPUTS) hashTree(root, input, hash);
        const fingerprint = hash.digest('hex');
        // One folder per fingerprint; the folders of earlier code and config can never match again, so they go.
        const parent = join(fileURLToPath(config.cacheDir), 'redline');
        const folder = fingerprint.slice(0, 16);
        if (existsSync(parent)) {
          for (const name of readdirSync(parent)) if (name !== folder) rmSync(join(parent, name), { recursive: true, force: true });
        }
        const settings = { dir: join(parent, folder), fingerprint };
        updateConfig({ vite: { define: { 'import.meta.env.REDLINE_BUILD_CACHE': JSON.stringify(settings) } } });
      },
    },
  };
}
