import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { securityHeadersFile } from '../lib/site/security.ts';

/** Writes files that static hosts read from the output folder: `_headers` (Netlify, Cloudflare Pages). */
export function redlineHostFiles(options: { basePath: string }): AstroIntegration {
  return {
    name: 'redline:host-files',
    hooks: {
      'astro:build:done': ({ dir }) => {
        writeFileSync(fileURLToPath(new URL('_headers', dir)), securityHeadersFile(options.basePath));
      },
    },
  };
}
