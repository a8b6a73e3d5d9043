/**
 * `npm run new-version -- <document> [--material | --minor] [--effective YYYY-MM-DD] [--summary "..."] [--today YYYY-MM-DD]`:
 * writes the next version of a document as a copy of the latest, with its frontmatter filled in, and says
 * what to do next. Refuses, writing nothing, what would fail validation. `--today` or `REDLINE_NOW` fix the date.
 */
import { planNewVersion } from '../src/lib/authoring/new-version.ts';
import { carryOut, commandToday, failNothingWritten, hasLockScript, parseCommandArgs, readContent, site } from './cli.ts';

const USAGE = 'usage: npm run new-version -- <document> [--material | --minor] [--effective YYYY-MM-DD] [--summary "..."] [--today YYYY-MM-DD]';


const args = parseCommandArgs(
  {
    material: { type: 'boolean', default: false },
    minor: { type: 'boolean', default: false },
    effective: { type: 'string' },
    summary: { type: 'string' },
    today: { type: 'string' },
  },
  USAGE,
);
const [document, ...extra] = args.positionals;
if (!document || extra.length > 0) failNothingWritten([document ? `unexpected arguments: ${extra.join(' ')}` : 'name the document, e.g. privacy', USAGE]);

const today = commandToday(args.values.today);

const tree = readContent();
const plan = planNewVersion(
  {
    document,
    material: args.values.material,
    minor: args.values.minor,
    effective: args.values.effective,
    summary: args.values.summary,
    today,
    placeholders: site.placeholders,
    hasLockScript,
  },
  tree,
);
carryOut(plan);
