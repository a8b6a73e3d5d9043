/**
 * `npm run check`: every content validation rule, without building the site (about a second).
 * Exits 1 when anything is wrong, printing each problem with its file, line, field and fix.
 */
import { checkContent } from '../src/lib/content/check.ts';
import { formatContentIssues } from '../src/lib/content/validation.ts';
import { commandToday, contentDir, projectRoot, site } from './cli.ts';

const started = performance.now();
const { documents, issues, warnings } = checkContent({
  projectRoot,
  contentDirOverride: contentDir,
  placeholders: site.placeholders,
  placeholderAllow: site.placeholderAllow,
  production: true,
  today: commandToday(undefined),
});

for (const warning of warnings) process.stderr.write(`⚠ ${warning.file}: ${warning.message}\n  ${warning.fix}\n`);
if (issues.length > 0) {
  process.stderr.write(formatContentIssues(issues));
  process.exitCode = 1;
} else {
  const versions = documents.reduce((sum, document) => sum + document.versions.length, 0);
  const elapsed = Math.round(performance.now() - started);
  process.stdout.write(`✓ Content is valid: ${documents.length} documents, ${versions} published versions (${elapsed} ms)\n`);
}
