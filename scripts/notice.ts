/**
 * `npm run notice -- <document> <version> [--html]`: prints the ready-to-send notice of a material change,
 * plain text by default (subject line first), or the HTML body with `--html`. The same notice the build writes
 * to /notices/<document>/<version>.txt and .html, except for "how much changed": those counts come from the
 * diff engine over the rendered site, which needs an Astro build, so this command leaves them out (and says so
 * on stderr, keeping stdout ready to pipe into a mailer).
 */
import { parseArgs } from 'node:util';
import { buildNotice, noticesFor, plainTextMessage } from '../src/lib/publish/notices.ts';
import { formatContentIssues, validateContent } from '../src/lib/content/validation.ts';
import { readContent, site } from './cli.ts';

const USAGE = 'Usage: npm run notice -- <document> <version> [--html]';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { html: { type: 'boolean', default: false } } });
}
try {
  args = parse();
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
}
const [slug, versionId, ...extra] = args.positionals;
if (!slug || !versionId || extra.length > 0) fail(USAGE);

const tree = readContent();
const { documents, issues } = validateContent(tree, { placeholders: site.placeholders, excludeDrafts: true });
if (issues.length > 0) fail(`The content has problems; fix them first (npm run check):\n${formatContentIssues(issues)}`);

const document = documents.find((candidate) => candidate.slug === slug);
if (!document) fail(`No document "${slug}". Documents: ${documents.map((candidate) => candidate.slug).join(', ')}.`);
const version = document.versions.find((candidate) => candidate.id === versionId);
if (!version) {
  const draft = tree.documents.find((candidate) => candidate.slug === slug)?.versions.some((candidate) => candidate.id === versionId);
  fail(
    draft
      ? `${slug}/${versionId} is a draft: drafts get no notice until they are published.`
      : `No published version "${versionId}" of ${slug}. Versions: ${document.versions.map((candidate) => candidate.id).join(', ')}.`,
  );
}
const target = noticesFor([document]).find((candidate) => candidate.version.id === version.id);
if (!target) fail(`${slug}/${versionId} is a ${version.change === 'initial' ? 'first version' : `${version.change} change`}: only material changes get a notice.`);

const notice = buildNotice({ ...target, site });
process.stdout.write(args.values.html ? notice.html : plainTextMessage(notice));
process.stderr.write('Note: "how much changed" is left out here; the notice the build writes includes it.\n');
