/**
 * `npm run new-version -- <document> [--material | --minor] [--effective YYYY-MM-DD] [--summary "..."] [--today YYYY-MM-DD]`:
 * writes the next version of a document as a copy of the latest, with its frontmatter filled in, and says
 * what to do next. Refuses, writing nothing, what would fail validation. `--today` or `REDLINE_NOW` fix the date.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import siteInput from '../redline.config.ts';
import { planNewVersion } from '../src/lib/authoring/new-version.ts';
import { readContentTree } from '../src/lib/content-files.ts';
import { contentDirectory } from '../src/lib/content-location.ts';
import { resolveBuildDate } from '../src/lib/dates.ts';
import { resolveSiteConfig } from '../src/lib/site-config.ts';

const USAGE = 'usage: npm run new-version -- <document> [--material | --minor] [--effective YYYY-MM-DD] [--summary "..."] [--today YYYY-MM-DD]';

function fail(lines: string[]): never {
  process.stderr.write(`✖ Nothing was written:\n${lines.map((line) => `  - ${line}`).join('\n')}\n`);
  process.exit(1);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      material: { type: 'boolean', default: false },
      minor: { type: 'boolean', default: false },
      effective: { type: 'string' },
      summary: { type: 'string' },
      today: { type: 'string' },
    },
  });
}
try {
  args = parse();
} catch (error) {
  fail([(error as Error).message, USAGE]);
}
const [document, ...extra] = args.positionals;
if (!document || extra.length > 0) fail([document ? `unexpected arguments: ${extra.join(' ')}` : 'name the document, e.g. privacy', USAGE]);

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
const plan = planNewVersion(
  {
    document,
    material: args.values.material,
    minor: args.values.minor,
    effective: args.values.effective,
    summary: args.values.summary,
    today,
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
