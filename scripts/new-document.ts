/**
 * `npm run new-document -- <slug> --title "..." [--description "..."] [--notice-days N] [--contact ...] [--order N] [--effective YYYY-MM-DD] [--today YYYY-MM-DD]`:
 * creates content/<slug>/document.yaml and a first version, a draft with placeholders where the text goes.
 * Refuses, writing nothing, an invalid, reserved or existing slug. `--today` or `REDLINE_NOW` fix the date.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import siteInput from '../redline.config.ts';
import { planNewDocument } from '../src/lib/authoring/new-document.ts';
import { readContentTree } from '../src/lib/content-files.ts';
import { contentDirectory } from '../src/lib/content-location.ts';
import { resolveBuildDate } from '../src/lib/dates.ts';
import { resolveSiteConfig } from '../src/lib/site-config.ts';

const USAGE =
  'usage: npm run new-document -- <slug> --title "..." [--description "..."] [--notice-days N] [--contact EMAIL-OR-URL] [--order N] [--effective YYYY-MM-DD]';

function fail(lines: string[]): never {
  process.stderr.write(`✖ Nothing was written:\n${lines.map((line) => `  - ${line}`).join('\n')}\n`);
  process.exit(1);
}

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      title: { type: 'string' },
      description: { type: 'string' },
      'notice-days': { type: 'string' },
      contact: { type: 'string' },
      order: { type: 'string' },
      effective: { type: 'string' },
      today: { type: 'string' },
    },
  });
}
let args: ReturnType<typeof parse>;
try {
  args = parse();
} catch (error) {
  fail([(error as Error).message, USAGE]);
}
const [slug, ...extra] = args.positionals;
if (!slug || extra.length > 0) fail([slug ? `unexpected arguments: ${extra.join(' ')}` : 'name the document, e.g. acceptable-use', USAGE]);

/** A whole-number option, or NaN (which the plan reports) when it is not one. */
const wholeNumber = (value: string | undefined) => (value === undefined ? undefined : /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN);

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const site = resolveSiteConfig(siteInput);
const contentDir = contentDirectory(projectRoot, process.env['REDLINE_CONTENT_DIR']);
let today: string;
try {
  today = resolveBuildDate(args.values.today ?? process.env['REDLINE_NOW'], new Date());
} catch (error) {
  fail([(error as Error).message]);
}

const tree = readContentTree(contentDir, projectRoot);
const plan = planNewDocument(
  {
    slug,
    title: args.values.title,
    description: args.values.description,
    noticeDays: wholeNumber(args.values['notice-days']),
    contact: args.values.contact,
    order: wholeNumber(args.values.order),
    effective: args.values.effective,
    today,
    company: site.company,
    siteContact: site.contact.email,
    placeholders: site.placeholders,
    hasLockScript: existsSync(join(projectRoot, 'scripts/lock.ts')),
  },
  tree,
);
if (!plan.ok) fail(plan.errors);

for (const file of plan.files) {
  const path = join(contentDir, file.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file.text, { flag: 'wx' });
  process.stdout.write(`✓ Created ${join(tree.contentDir, file.path)}\n`);
}
process.stdout.write(`${plan.notes.map((note) => `  ${note}\n`).join('')}\nNext:\n${plan.nextSteps.map((step, index) => `  ${index + 1}. ${step}\n`).join('')}`);
