/**
 * `npm run import`: turns an existing policy (Markdown, HTML, Word .docx or plain text) into a version, or a
 * document's whole history into versions, in one process:
 *
 *   npm run import -- <file> --document <slug> [--effective YYYY-MM-DD] [--published YYYY-MM-DD] [--change initial|material|minor]
 *     [--summary "..."] [--title "..."] [--format markdown|html|docx|text] [--base-url https://...] [--force] [--dry-run]
 *   npm run import -- <folder> --history --document <slug> [--title "..."] [--change-of YYYY-MM-DD=minor ...] [--base-url ...] [--notice-days N] [--dry-run]
 *   npm run import -- --git <repository> <path> --document <slug> [same options as --history]
 *
 * Reports every guess it made with its line, everything that would publish wrongly, the placeholders
 * (the version is then a draft), and what it could not convert. --dry-run prints the MDX and the report
 * and writes nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { planHistoryImport } from '../src/lib/authoring/import-history.ts';
import { planImport, siteLinkContext } from '../src/lib/authoring/import-version.ts';
import { changeKindSchema } from '../src/lib/content/schema.ts';
import { convertPolicy, formatOfFile, IMPORT_FORMATS, type ImportFormat } from '../src/lib/import/convert.ts';
import { GIT_LOG_FORMAT, type HistorySource, historyFileDate, parseCatFileBatch, parseGitLog } from '../src/lib/import/history.ts';
import { formatGuess, type ImportGuess } from '../src/lib/import/report.ts';
import { parseLock } from '../src/lib/content/lock.ts';
import { LOCK_FILE } from '../src/lib/content/files.ts';
import type { ChangeKind } from '../src/lib/content/types.ts';
import { commandToday, contentDir, failNothingWritten, hasLockScript, nextStepsLines, parseCommandArgs, readContent, site, writeContentFiles } from './cli.ts';

const USAGE = [
  'usage: npm run import -- <file> --document <slug> [--effective YYYY-MM-DD] [--published YYYY-MM-DD] [--change initial|material|minor] [--summary "..."] [--title "..."] [--format markdown|html|docx|text] [--base-url https://...] [--force] [--dry-run]',
  '       npm run import -- <folder> --history --document <slug> [--title "..."] [--change-of YYYY-MM-DD=material|minor ...] [--base-url https://...] [--notice-days N] [--dry-run]',
  '       npm run import -- --git <repository> <path> --document <slug> [same options as --history]',
].join('\n');

const started = performance.now();
const args = parseCommandArgs(
  {
    document: { type: 'string' },
    effective: { type: 'string' },
    published: { type: 'string' },
    change: { type: 'string' },
    summary: { type: 'string' },
    title: { type: 'string' },
    format: { type: 'string' },
    'base-url': { type: 'string' },
    force: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    history: { type: 'boolean', default: false },
    git: { type: 'string' },
    'change-of': { type: 'string', multiple: true },
    'notice-days': { type: 'string' },
  },
  USAGE,
);
const { values } = args;
const dryRun = values['dry-run'];
const baseUrl = values['base-url'];
if (baseUrl !== undefined && !/^https?:\/\/[^/\s]+/.test(baseUrl)) failNothingWritten([`--base-url must be the address of the site the text came from, e.g. https://example.com (got "${baseUrl}")`]);
if (!values.document) failNothingWritten(['missing: --document <slug>', USAGE]);
const document = values.document;
const convertOptions = { baseUrl, siteUrl: site.siteUrl };

/** The report's lines: guesses, leftovers with their lines, placeholders, what could not be converted. */
function reportLines(guesses: readonly ImportGuess[], leftovers: readonly ImportGuess[], placeholders: readonly { line: number; text: string }[], warnings: readonly string[], indent = ''): string[] {
  const out: string[] = [];
  if (guesses.length > 0) out.push(`${indent}Guesses (${guesses.length}) — check these against the original:`, ...guesses.map((guess) => `${indent}  - ${formatGuess(guess)}`));
  if (leftovers.length > 0) {
    out.push(`${indent}Would publish wrongly (${leftovers.length}) — fix before publishing:`, ...leftovers.map((leftover) => `${indent}  - ${leftover.line === undefined ? '' : `line ${leftover.line}: `}${leftover.message}`));
  }
  if (placeholders.length > 0) {
    out.push(`${indent}Placeholders (${placeholders.length}) — the version is marked draft: true until they are replaced:`, ...placeholders.map((hit) => `${indent}  ${hit.line === 0 ? 'summary' : `line ${hit.line}`}: ${hit.text}`));
  }
  if (warnings.length > 0) out.push(`${indent}Could not convert as it was:`, ...warnings.map((warning) => `${indent}  - ${warning}`));
  return out;
}

/** The summary line: it never says everything was converted when something was guessed or left over. */
function verdict(guesses: number, leftovers: number, placeholders: number, warnings: number): string {
  if (guesses + leftovers + placeholders + warnings === 0) return 'Converted as it was: no guesses, nothing left over.';
  const parts = [
    guesses > 0 && `${guesses} guess(es) to check`,
    leftovers > 0 && `${leftovers} thing(s) that would publish wrongly`,
    placeholders > 0 && `${placeholders} placeholder(s)`,
    warnings > 0 && `${warnings} thing(s) not converted as they were`,
  ].filter(Boolean);
  return `Converted with ${parts.join(', ')}: read the lists above before publishing.`;
}

function readLockForPlan() {
  const path = join(contentDir, LOCK_FILE);
  if (!existsSync(path)) return undefined;
  const parsed = parseLock(readFileSync(path, 'utf8'));
  if (!parsed.ok) failNothingWritten([`${path} cannot be read: ${parsed.message}`]);
  return parsed.lock;
}

/** A history folder's versions: files named YYYY-MM-DD.<md|html|txt|docx>; anything else is listed and left out. */
function folderSources(folder: string): { sources: HistorySource[]; ignored: string[] } {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) failNothingWritten([`there is no folder ${folder}`]);
  const sources: HistorySource[] = [];
  const ignored: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    const dated = historyFileDate(name);
    if (!dated) {
      if (!name.startsWith('.')) ignored.push(name);
      continue;
    }
    sources.push({ date: dated.date, origin: name, format: dated.format, bytes: readFileSync(join(folder, name)) });
  }
  return { sources, ignored };
}

/** A file's versions from git: one `git log --follow` for the commits (renames followed), one `git cat-file --batch` for every text. */
function gitSources(repository: string, path: string): HistorySource[] {
  const git = (gitArgs: string[], input?: string) => spawnSync('git', ['-C', repository, ...gitArgs], { input, maxBuffer: 1 << 30 });
  const log = git(['log', '--follow', '--name-status', '--date=short', `--format=${GIT_LOG_FORMAT}`, '--', path]);
  if (log.status !== 0) failNothingWritten([`git could not read the history of ${path} in ${repository}: ${log.stderr.toString().trim()}`]);
  const commits = parseGitLog(log.stdout.toString());
  if (commits.length === 0) failNothingWritten([`${path} has no history in ${repository} (is the path relative to the repository's root?)`]);
  const blobs = parseCatFileBatch(git(['cat-file', '--batch'], `${commits.map((commit) => `${commit.hash}:${commit.path}`).join('\n')}\n`).stdout);
  return commits.flatMap((commit, index) => {
    const bytes = blobs[index];
    const format = (values.format as ImportFormat | undefined) ?? formatOfFile(commit.path);
    if (!bytes || !format) return [];
    return [{ date: commit.date, origin: `${commit.hash.slice(0, 8)} ${commit.path}`, format, bytes, subject: commit.subject }];
  });
}

async function importHistory(): Promise<void> {
  const changes = new Map<string, ChangeKind>();
  for (const entry of values['change-of'] ?? []) {
    const match = /^(\d{4}-\d{2}-\d{2})=(material|minor)$/.exec(entry);
    if (!match?.[1]) failNothingWritten([`--change-of "${entry}": write it as YYYY-MM-DD=material or YYYY-MM-DD=minor`]);
    changes.set(match[1], match[2] as ChangeKind);
  }
  const noticeDays = values['notice-days'] === undefined ? undefined : Number(values['notice-days']);
  if (noticeDays !== undefined && (!Number.isInteger(noticeDays) || noticeDays < 0)) failNothingWritten([`--notice-days must be a whole number of days (got "${values['notice-days']}")`]);
  let sources: HistorySource[];
  let ignored: string[] = [];
  if (values.git !== undefined) {
    const [path, ...extra] = args.positionals;
    if (!path || extra.length > 0) failNothingWritten(['--git <repository> takes the path of the file inside the repository', USAGE]);
    sources = gitSources(values.git, path);
  } else {
    const [folder, ...extra] = args.positionals;
    if (!folder || extra.length > 0) failNothingWritten(['--history takes one folder', USAGE]);
    ({ sources, ignored } = folderSources(folder));
  }
  const plan = await planHistoryImport(sources, { document, title: values.title, changes, noticeDays, company: site.company, siteContact: site.contact.email, placeholders: site.placeholders, convert: convertOptions, lock: readLockForPlan(), today: commandToday(undefined) }, readContent());
  if (!plan.ok) failNothingWritten(plan.errors);

  const out: string[] = [];
  if (dryRun) for (const file of plan.files) out.push(`=== ${contentDir}/${file.path} ===`, file.text);
  else {
    for (const path of writeContentFiles(plan.files, values.force)) out.push(`✓ Created ${path}`);
    writeFileSync(join(contentDir, LOCK_FILE), plan.lockText);
    out.push(`✓ Recorded ${plan.versions.filter((version) => !version.draft).length} imported version(s) in ${LOCK_FILE}`);
  }
  out.push(...plan.notes.map((note) => `  ${note}`), '');
  out.push(`${plan.versions.length} version(s) from ${sources.length} text(s); ${plan.skipped.length} skipped:`);
  out.push(...plan.skipped.map((skip) => `  - skipped ${skip.origin}: ${skip.reason}`));
  let guessCount = 0;
  let leftoverCount = 0;
  let placeholderCount = 0;
  let warningCount = 0;
  // A guess repeated in every version (the same heading taken the same way) is listed once, at the first version that made it.
  const seen = new Set<string>();
  for (const version of plan.versions) {
    const change = version.guess ? `${version.change} (guessed: ${version.guess.reason}; say otherwise with --change-of ${version.id}=${version.change === 'minor' ? 'material' : 'minor'})` : version.change;
    out.push('', `${version.path} from ${version.origin}: ${change}${version.draft ? ', draft: holds placeholders' : ''}`);
    const guesses = version.guesses.filter((guess) => !seen.has(guess.message));
    for (const guess of version.guesses) seen.add(guess.message);
    guessCount += guesses.length + (version.guess ? 1 : 0);
    leftoverCount += version.leftovers.length;
    placeholderCount += version.placeholders.length;
    warningCount += version.warnings.length;
    out.push(...reportLines(guesses, version.leftovers, version.placeholders, version.warnings, '  '));
  }
  if (ignored.length > 0) out.push('', `Left out (not named YYYY-MM-DD.md, .html, .txt or .docx): ${ignored.join(', ')}`);
  out.push('', verdict(guessCount, leftoverCount, placeholderCount, warningCount));
  out.push(`Imported in ${((performance.now() - started) / 1000).toFixed(1)} s.`, '', ...nextStepsLines(plan.nextSteps));
  process.stdout.write(`${out.join('\n')}\n`);
}

async function importOne(): Promise<void> {
  const [file, ...extra] = args.positionals;
  if (!file || extra.length > 0) failNothingWritten([file ? `unexpected arguments: ${extra.join(' ')}` : 'missing: the file to import', USAGE]);
  const format = (values.format ?? formatOfFile(file)) as ImportFormat | undefined;
  if (!format || !IMPORT_FORMATS.includes(format)) {
    failNothingWritten([`cannot tell how to read "${basename(file)}": use a .md, .html, .docx or .txt file, or say --format ${IMPORT_FORMATS.join('|')}`]);
  }
  const change = values.change === undefined ? undefined : changeKindSchema.safeParse(values.change);
  if (change && !change.success) failNothingWritten([`--change must be one of initial, material or minor (got "${values.change}")`]);
  if (!existsSync(file)) failNothingWritten([`there is no file ${file}`]);

  const tree = readContent();
  let converted: Awaited<ReturnType<typeof convertPolicy>>;
  try {
    converted = await convertPolicy(readFileSync(file), format, { ...convertOptions, ...siteLinkContext(tree, document, values.title) });
  } catch (error) {
    failNothingWritten([`could not read ${file} as ${format}: ${(error as Error).message}`]);
  }
  const plan = planImport(
    {
      document,
      effective: values.effective,
      published: values.published,
      change: change?.data,
      summary: values.summary,
      force: values.force,
      title: values.title ?? converted.title,
      body: converted.body,
      statedDates: converted.dates,
      leftovers: converted.leftovers,
      company: site.company,
      siteContact: site.contact.email,
      placeholders: site.placeholders,
      hasLockScript,
      today: commandToday(undefined),
      lock: readLockForPlan(),
    },
    tree,
  );
  if (!plan.ok) failNothingWritten(plan.errors);

  const out: string[] = [];
  if (dryRun) for (const planned of plan.files) out.push(`=== ${contentDir}/${planned.path} (not written: --dry-run) ===`, planned.text);
  else for (const path of writeContentFiles(plan.files, values.force)) out.push(`✓ Created ${path} from ${basename(file)} (${format})`);
  out.push(...plan.notes.map((note) => `  ${note}`), '');
  const hits = plan.placeholders ?? [];
  const leftovers = plan.leftovers ?? [];
  out.push(...reportLines(converted.guesses, leftovers, hits, converted.warnings));
  if (hits.length === 0) out.push('Placeholders: none found.');
  out.push('', verdict(converted.guesses.length, leftovers.length, hits.length, converted.warnings.length));
  out.push('', ...nextStepsLines(plan.nextSteps));
  process.stdout.write(`${out.join('\n')}\n`);
}

await (values.history || values.git !== undefined ? importHistory() : importOne());
