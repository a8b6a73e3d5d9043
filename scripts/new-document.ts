/**
 * `npm run new-document -- <slug> --title "..." [--description "..."] [--notice-days N] [--contact ...] [--order N] [--effective YYYY-MM-DD] [--today YYYY-MM-DD]`:
 * creates content/<slug>/document.yaml and a first version, a draft with placeholders where the text goes.
 * Refuses, writing nothing, an invalid, reserved or existing slug. `--today` or `REDLINE_NOW` fix the date.
 */
import { planNewDocument } from '../src/lib/authoring/new-document.ts';
import { carryOut, commandToday, failNothingWritten, hasLockScript, parseCommandArgs, readContent, site } from './cli.ts';

const USAGE =
  'usage: npm run new-document -- <slug> --title "..." [--description "..."] [--notice-days N] [--contact EMAIL-OR-URL] [--order N] [--effective YYYY-MM-DD]';

const args = parseCommandArgs(
  {
    title: { type: 'string' },
    description: { type: 'string' },
    'notice-days': { type: 'string' },
    contact: { type: 'string' },
    order: { type: 'string' },
    effective: { type: 'string' },
    today: { type: 'string' },
  },
  USAGE,
);
const [slug, ...extra] = args.positionals;
if (!slug || extra.length > 0) failNothingWritten([slug ? `unexpected arguments: ${extra.join(' ')}` : 'name the document, e.g. acceptable-use', USAGE]);

/** A whole-number option, or NaN (which the plan reports) when it is not one. */
const wholeNumber = (value: string | undefined) => (value === undefined ? undefined : /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN);

const today = commandToday(args.values.today);

const tree = readContent();
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
    hasLockScript,
  },
  tree,
);
carryOut(plan);
