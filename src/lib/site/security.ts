import { normalizeBasePath } from './permalinks.ts';

/**
 * Content-Security-Policy directives for every page (Astro adds `script-src` / `style-src` with hashes).
 * Nothing may load from another origin: the site makes no third-party request.
 * https://www.w3.org/TR/CSP3/
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
] as const;

/** `script-src` sources besides Astro's hashes: Pagefind compiles WebAssembly, which needs 'wasm-unsafe-eval' (not 'unsafe-eval'). */
export const CSP_SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

/** `style-src` sources besides Astro's hashes. No 'unsafe-inline': highlighted code uses classes, not style attributes. */
export const CSP_STYLE_SOURCES = ["'self'"] as const;

/**
 * The site's policy as one header value, for pages Astro does not render (the notices' `.html`), which have no
 * inline script or style and so need no hashes.
 */
export function contentSecurityPolicy(): string {
  return [...CSP_DIRECTIVES, `script-src ${CSP_SCRIPT_SOURCES.join(' ')}`, `style-src ${CSP_STYLE_SOURCES.join(' ')}`].join('; ');
}

/**
 * A `_headers` file (Netlify, Cloudflare Pages) with security headers for every path and long caching for
 * fingerprinted assets. `frame-ancestors` only works as a header, never in a `<meta>` policy.
 */
export function securityHeadersFile(basePath: string): string {
  const base = normalizeBasePath(basePath);
  return [
    '/*',
    "  Content-Security-Policy: frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'",
    '  X-Content-Type-Options: nosniff',
    '  X-Frame-Options: DENY',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    '  Cross-Origin-Opener-Policy: same-origin',
    '  Strict-Transport-Security: max-age=63072000; includeSubDomains',
    `${base}_astro/*`,
    '  Cache-Control: public, max-age=31536000, immutable',
    `${base}*.md`,
    '  Content-Type: text/markdown; charset=utf-8',
    `${base}*.ics`,
    '  Content-Type: text/calendar; charset=utf-8',
    `${base}*.xml`,
    '  Cache-Control: public, max-age=600',
    `${base}*.json`,
    '  Cache-Control: public, max-age=600',
    '',
  ].join('\n');
}
