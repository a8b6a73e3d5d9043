/**
 * `npm run lock`: records new published versions (and corrected ones) in content/versions.lock.json.
 * It never records a published text that changed without a correction, nor forgets a removed version.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent } from '../src/lib/content-check.ts';
import { emptyLock, LOCK_FILE, serializeLock, updateLock } from '../src/lib/lock.ts';
import { formatContentIssues } from '../src/lib/validation.ts';
import { contentDir, projectRoot, site } from './cli.ts';

const check = checkContent({ projectRoot, contentDirOverride: contentDir, placeholders: site.placeholders, production: true });

// Lock problems are what this command fixes; any other problem must be fixed first.
const contentIssues = check.issues.filter((issue) => !['lock file', 'corrections'].includes(issue.field ?? ''));
const { lock, comparison } = updateLock(check.documents, check.lock ?? emptyLock());
const refused = check.issues.filter((issue) => issue.field === 'text' || issue.field === 'file');
const blocking = contentIssues.filter((issue) => !refused.includes(issue));

if (blocking.length > 0) {
  process.stderr.write(formatContentIssues(blocking));
  process.stderr.write('\nThe lock file was not changed: fix the content first.\n');
  process.exit(1);
}

writeFileSync(join(check.contentDir, LOCK_FILE), serializeLock(lock));
for (const key of comparison.added) process.stdout.write(`+ recorded new version ${key}\n`);
for (const key of comparison.corrected) process.stdout.write(`~ recorded corrected version ${key}\n`);
const recorded = comparison.added.length + comparison.corrected.length;
// "Up to date" only when nothing is left to record: a refused change below means the lock is not.
if (recorded === 0 && refused.length === 0) process.stdout.write(`✓ ${check.lockPath} is up to date\n`);
else if (recorded > 0) process.stdout.write(`\nCommit ${check.lockPath} together with the new version(s).\n`);

if (refused.length > 0) {
  process.stderr.write(`\n${formatContentIssues(refused)}`);
  process.stderr.write('\nThese were NOT recorded: a published version can only change through a recorded correction.\n');
  process.exit(1);
}
