/**
 * `npm run import -- <file> --document <slug> --effective YYYY-MM-DD [--published YYYY-MM-DD] [--change initial|material|minor]
 * [--summary "..."] [--title "..."] [--format markdown|html|docx|text] [--force]`: turns an existing policy (Markdown, HTML,
 * Word .docx or plain text) into content/<slug>/<effective>.mdx, creating the document when it is new. Lists the
 * placeholders it found (the version is then a draft) and what it could not convert.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { planImport } from '../src/lib/authoring/import-version.ts';
import { changeKindSchema } from '../src/lib/content-schema.ts';
import { convertPolicy, formatOfFile, IMPORT_FORMATS, type ImportFormat } from '../src/lib/import/convert.ts';
import { failNothingWritten, hasLockScript, nextStepsLines, parseCommandArgs, readContent, site, writeContentFiles } from './cli.ts';

const USAGE =
  'usage: npm run import -- <file> --document <slug> --effective YYYY-MM-DD [--published YYYY-MM-DD] [--change initial|material|minor] [--summary "..."] [--title "..."] [--format markdown|html|docx|text] [--force]';

const args = parseCommandArgs(
  {
    document: { type: 'string' },
    effective: { type: 'string' },
    published: { type: 'string' },
    change: { type: 'string' },
    summary: { type: 'string' },
    title: { type: 'string' },
    format: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
  USAGE,
);
const { values } = args;
const [file, ...extra] = args.positionals;
const missing = [!file && 'the file to import', !values.document && '--document <slug>', !values.effective && '--effective YYYY-MM-DD'].filter(Boolean);
if (missing.length > 0 || extra.length > 0 || !file || !values.document || !values.effective) {
  failNothingWritten([...(missing.length > 0 ? [`missing: ${missing.join(', ')}`] : [`unexpected arguments: ${extra.join(' ')}`]), USAGE]);
}
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
  converted = await convertPolicy(readFileSync(file), format);
} catch (error) {
  failNothingWritten([`could not read ${file} as ${format}: ${(error as Error).message}`]);
}
const title = values.title ?? converted.title;
const plan = planImport(
  {
    document: values.document,
    effective: values.effective,
    published: values.published,
    change: change?.data,
    summary: values.summary,
    force: values.force,
    title,
    body: converted.body,
    company: site.company,
    siteContact: site.contact.email,
    placeholders: site.placeholders,
    hasLockScript,
  },
  tree,
);
if (!plan.ok) failNothingWritten(plan.errors);

for (const path of writeContentFiles(plan.files, values.force)) process.stdout.write(`✓ Created ${path} from ${basename(file)} (${format})\n`);
const out: string[] = plan.notes.map((note) => `  ${note}`);
const hits = plan.placeholders ?? [];
if (hits.length > 0) {
  out.push('', `Placeholders (${hits.length}) — the version is marked draft: true until they are replaced:`);
  out.push(...hits.map((hit) => `  ${hit.line === 0 ? 'summary' : `line ${hit.line}`}: ${hit.text}`));
} else {
  out.push('', 'Placeholders: none found.');
}
out.push('', converted.warnings.length > 0 ? 'Could not convert as it was:' : 'Could not convert: nothing; everything was converted.');
out.push(...converted.warnings.map((warning) => `  - ${warning}`));
out.push('', ...nextStepsLines(plan.nextSteps));
process.stdout.write(`${out.join('\n')}\n`);
