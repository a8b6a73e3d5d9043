/**
 * `npm run new-site -- --company "Acme Ltd" [--site-name "Acme Legal"] [--site-url https://legal.acme.com] [--email legal@acme.com]
 * [--address "..."] [--lang en] [--force]`: replaces the example site with an empty site of your company: redline.config.ts
 * rewritten, every example document removed from the content folder, and an empty lock file.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { planNewSite } from '../src/lib/authoring/new-site.ts';
import { LOCK_FILE } from '../src/lib/content/files.ts';
import { contentDir, failNothingWritten, nextStepsLines, parseCommandArgs, projectRoot, readContent } from './cli.ts';

const USAGE = 'usage: npm run new-site -- --company "Acme Ltd" [--site-name "Acme Legal"] [--site-url https://legal.acme.com] [--email legal@acme.com] [--address "..."] [--lang en] [--force]';
const { values, positionals } = parseCommandArgs(
  {
    company: { type: 'string' },
    'site-name': { type: 'string' },
    'site-url': { type: 'string' },
    email: { type: 'string' },
    address: { type: 'string' },
    lang: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
  USAGE,
);
if (!values.company?.trim() || positionals.length > 0) failNothingWritten([values.company?.trim() ? `unexpected arguments: ${positionals.join(' ')}` : 'missing: --company "Your Company Ltd"', USAGE]);

// REDLINE_CONFIG_FILE lets the tests work on a copy; a project has one config, next to package.json.
const configPath = process.env['REDLINE_CONFIG_FILE'] ?? join(projectRoot, 'redline.config.ts');
// The company as written in the file now (not as SITE_URL or anything else would change it).
const currentCompany = /company:\s*'((?:[^'\\]|\\.)*)'/.exec(readFileSync(configPath, 'utf8'))?.[1]?.replace(/\\(.)/g, '$1') ?? '';
const tree = readContent();
const plan = planNewSite(
  { company: values.company, siteName: values['site-name'], siteUrl: values['site-url'], email: values.email, address: values.address, lang: values.lang, currentCompany, force: values.force },
  tree,
);
if (!plan.ok) failNothingWritten(plan.errors);

for (const dir of plan.remove) {
  rmSync(join(projectRoot, dir), { recursive: true, force: true });
  process.stdout.write(`✓ Removed ${dir}/\n`);
}
writeFileSync(join(contentDir, LOCK_FILE), plan.lockText);
process.stdout.write(`✓ Wrote an empty ${relative(projectRoot, join(contentDir, LOCK_FILE))}\n`);
writeFileSync(configPath, plan.configText);
process.stdout.write(`✓ Rewrote redline.config.ts for ${values.company.trim()}\n`);
process.stdout.write(
  [
    ...plan.notes.map((note) => `  ${note}`),
    '',
    ...nextStepsLines([
      'Bring in your documents: `npm run import -- policy.docx --document privacy` for one text, `npm run import -- <folder> --history --document terms` or `npm run import -- --git <repository> <path> --document terms` for a whole history; or start one with `npm run new-document -- privacy --title "Privacy Policy"`.',
      'Run `npm run check`, then `npm start` to see the site.',
      'Commit redline.config.ts and the content folder.',
    ]),
  ]
    .map((line) => `${line}\n`)
    .join(''),
);
