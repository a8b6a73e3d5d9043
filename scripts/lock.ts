/**
 * `npm run lock`: records new published versions (and corrected ones) in content/versions.lock.json, with the
 * day each new version was first recorded (the lock's witness of its announcement date). It never records a
 * published text that changed without a correction, nor forgets a removed version, and records a correction
 * only with the text before it, found in git, and only if it changes no meaning (src/lib/content/corrections.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent } from '../src/lib/content/check.ts';
import { gitTextsOf } from '../src/lib/content/git-witness.ts';
import { LOCK_FILE, sourceSha256 } from '../src/lib/content/files.ts';
import { emptyLock, serializeLock, updateLock } from '../src/lib/content/lock.ts';
import { formatContentIssues } from '../src/lib/content/validation.ts';
import { commandToday, contentDir, projectRoot, site } from './cli.ts';

const today = commandToday(undefined);
const check = checkContent({ projectRoot, contentDirOverride: contentDir, placeholders: site.placeholders, placeholderAllow: site.placeholderAllow, production: true, today });

// Lock problems are what this command fixes; any other problem must be fixed first.
const contentIssues = check.issues.filter((issue) => !['lock file', 'corrections'].includes(issue.field ?? ''));
const { lock, comparison, refused: refusedCorrections } = updateLock(check.allDocuments, check.lock ?? emptyLock(), {
  today,
  sourceOf: (version) => readFileSync(join(projectRoot, version.sourcePath), 'utf8'),
  previousSourceOf: (version, sha256) => gitTextsOf(projectRoot, version.sourcePath).find((text) => sourceSha256(text) === sha256),
});
const refused = [...check.issues.filter((issue) => issue.field === 'text' || issue.field === 'file'), ...refusedCorrections];
const blocking = contentIssues.filter((issue) => !refused.includes(issue));

if (blocking.length > 0) {
  process.stderr.write(formatContentIssues(blocking));
  process.stderr.write('\nThe lock file was not changed: fix the content first.\n');
  process.exit(1);
}

writeFileSync(join(check.contentDir, LOCK_FILE), serializeLock(lock));
for (const key of comparison.added) process.stdout.write(`+ recorded new version ${key} (first recorded ${today})\n`);
const corrected = comparison.corrected.filter((key) => lock.versions[key]?.sha256 !== check.lock?.versions[key]?.sha256);
for (const key of corrected) process.stdout.write(`~ recorded corrected version ${key}\n`);
const recorded = comparison.added.length + corrected.length;
// "Up to date" only when nothing is left to record: a refused change below means the lock is not.
if (recorded === 0 && refused.length === 0) process.stdout.write(`✓ ${check.lockPath} is up to date\n`);
else if (recorded > 0) process.stdout.write(`\nCommit ${check.lockPath} together with the new version(s).\n`);

if (refused.length > 0) {
  process.stderr.write(`\n${formatContentIssues(refused)}`);
  process.stderr.write('\nThese were NOT recorded: a published version can only change through a recorded correction that changes no meaning.\n');
  process.exit(1);
}

