/**
 * `npm run check`: every content validation rule, without building the site (about a second).
 * Exits 1 when anything is wrong, printing each problem with its file, line, field and fix.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import siteInput from '../redline.config.ts';
import { checkContent } from '../src/lib/content-check.ts';
import { resolveSiteConfig } from '../src/lib/site-config.ts';
import { formatContentIssues } from '../src/lib/validation.ts';

const started = performance.now();
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const site = resolveSiteConfig(siteInput, { SITE_URL: process.env['SITE_URL'], BASE_PATH: process.env['BASE_PATH'] });
const { documents, issues } = checkContent({
  projectRoot,
  contentDirOverride: process.env['REDLINE_CONTENT_DIR'],
  placeholders: site.placeholders,
  production: true,
});

if (issues.length > 0) {
  process.stderr.write(formatContentIssues(issues));
  process.exitCode = 1;
} else {
  const versions = documents.reduce((sum, document) => sum + document.versions.length, 0);
  const elapsed = Math.round(performance.now() - started);
  process.stdout.write(`✓ Content is valid: ${documents.length} documents, ${versions} published versions (${elapsed} ms)\n`);
}
