import { type ContentFiles, documentFile, validContent, versionFile } from './content-fixtures.ts';

/** A content mistake and what the error must say about it. */
export interface BrokenContentCase {
  name: string;
  /** Applied to a copy of validContent(): a path mapped to new text, or to null to delete the file. */
  change: Record<string, string | null>;
  /** The file the error must name (relative to the content folder). */
  file: string;
  /** The field the error must name. */
  field: string;
  /** A phrase the message must contain. */
  message: RegExp;
}

const base = validContent();
const alpha2 = (frontmatter: Record<string, string | boolean>, body?: string) =>
  versionFile({ effective: '2024-06-01', published: '2024-06-01', change: 'minor', summary: 'Fixed a typo in the scope section.', ...frontmatter }, body);

/** Content mistakes that validation must catch, each with the file, field and message it must report. */
export const BROKEN_CONTENT_CASES: BrokenContentCase[] = [
  {
    name: 'malformed frontmatter YAML',
    change: { 'alpha/2024-06-01.mdx': '---\neffective: 2024-06-01\nsummary: [unclosed\n---\n\nText.\n' },
    file: 'alpha/2024-06-01.mdx',
    field: 'frontmatter',
    message: /frontmatter cannot be read/,
  },
  {
    name: 'missing frontmatter',
    change: { 'alpha/2024-06-01.mdx': '## Scope\n\nNo frontmatter here.\n' },
    file: 'alpha/2024-06-01.mdx',
    field: 'frontmatter',
    message: /does not start with a frontmatter block/,
  },
  {
    name: 'impossible date',
    change: { 'alpha/2024-06-01.mdx': alpha2({ published: '2024-02-30' }) },
    file: 'alpha/2024-06-01.mdx',
    field: 'published',
    message: /"2024-02-30" is not a real date/,
  },
  {
    name: 'unknown kind of change',
    change: { 'alpha/2024-06-01.mdx': alpha2({ change: 'major' }) },
    file: 'alpha/2024-06-01.mdx',
    field: 'change',
    message: /must be one of initial, material or minor/,
  },
  {
    name: 'missing summary',
    change: { 'alpha/2024-06-01.mdx': '---\neffective: 2024-06-01\npublished: 2024-06-01\nchange: minor\n---\n\nText.\n' },
    file: 'alpha/2024-06-01.mdx',
    field: 'summary',
    message: /field "summary" is missing/,
  },
  {
    name: 'misspelt field',
    change: { 'alpha/2024-06-01.mdx': alpha2({ efective: '2024-06-01' }) },
    file: 'alpha/2024-06-01.mdx',
    field: 'efective',
    message: /unknown field efective/,
  },
  {
    name: 'version id does not match its effective date',
    change: { 'alpha/2024-06-01.mdx': alpha2({ effective: '2024-06-02', published: '2024-06-02' }) },
    file: 'alpha/2024-06-01.mdx',
    field: 'effective',
    message: /file name says 2024-06-01 but effective is 2024-06-02/,
  },
  {
    name: 'file name that is not a version id',
    change: { 'alpha/latest.mdx': alpha2({}) },
    file: 'alpha/latest.mdx',
    field: 'file name',
    message: /"latest.mdx" is not a version id/,
  },
  {
    name: 'duplicate version: two versions in force from the same day',
    change: { 'alpha/2024-06-01-b.mdx': alpha2({ summary: 'A second version on the same day.' }) },
    file: 'alpha/2024-06-01-b.mdx',
    field: 'effective',
    message: /two versions in force from the same day/,
  },
  {
    name: 'published after effective',
    change: { 'alpha/2024-06-01.mdx': alpha2({ published: '2024-06-05' }) },
    file: 'alpha/2024-06-01.mdx',
    field: 'published',
    message: /published \(2024-06-05\) is after effective \(2024-06-01\)/,
  },
  {
    name: 'notice period not respected',
    change: {
      'alpha/2027-02-01.mdx': versionFile({ effective: '2027-02-01', published: '2027-01-20', change: 'material', summary: 'Shortens retention from two years to one.' }),
    },
    file: 'alpha/2027-02-01.mdx',
    field: 'effective',
    message: /announced 12 day\(s\) ahead, but .* promises 30 days' notice/,
  },
  {
    name: 'placeholder [INSERT DATE]',
    change: { 'alpha/2024-06-01.mdx': alpha2({}, '## Scope\n\nThis applies from [INSERT DATE].\n') },
    file: 'alpha/2024-06-01.mdx',
    field: 'body',
    message: /placeholder "\[INSERT DATE\]"/,
  },
  {
    name: 'placeholder [LEGAL ENTITY NAME]',
    change: { 'alpha/2024-06-01.mdx': alpha2({}, '## Scope\n\n[LEGAL ENTITY NAME] is the controller.\n') },
    file: 'alpha/2024-06-01.mdx',
    field: 'body',
    message: /placeholder "\[LEGAL ENTITY NAME\]"/,
  },
  {
    name: 'placeholder TODO',
    change: { 'alpha/2024-06-01.mdx': alpha2({}, '## Scope\n\nTODO: write the scope.\n') },
    file: 'alpha/2024-06-01.mdx',
    field: 'body',
    message: /placeholder "TODO"/,
  },
  {
    name: 'placeholder TBD in the summary',
    change: { 'alpha/2024-06-01.mdx': alpha2({ summary: 'Changes to the scope, details TBD.' }) },
    file: 'alpha/2024-06-01.mdx',
    field: 'summary',
    message: /placeholder "TBD"/,
  },
  {
    name: 'placeholder lorem ipsum',
    change: { 'alpha/2024-06-01.mdx': alpha2({}, '## Scope\n\nLorem ipsum dolor sit amet.\n') },
    file: 'alpha/2024-06-01.mdx',
    field: 'body',
    message: /placeholder "Lorem ipsum"/,
  },
  {
    name: 'document with no version at all',
    change: { 'beta/2024-03-01.mdx': null },
    file: 'beta',
    field: 'versions',
    message: /no published version/,
  },
  {
    name: 'missing document title',
    change: { 'beta/document.yaml': documentFile({ description: 'The beta terms.', order: 2, noticeDays: 14, contact: 'beta@example.com' }) },
    file: 'beta/document.yaml',
    field: 'title',
    message: /field "title" is missing/,
  },
  {
    name: 'missing document metadata file',
    change: { 'beta/document.yaml': null },
    file: 'beta/document.yaml',
    field: 'document.yaml',
    message: /has no document.yaml/,
  },
  {
    name: 'negative notice period',
    change: { 'beta/document.yaml': documentFile({ title: 'Beta', description: 'The beta terms.', order: 2, noticeDays: -3, contact: 'beta@example.com' }) },
    file: 'beta/document.yaml',
    field: 'noticeDays',
    message: /zero or more days/,
  },
  {
    name: 'link to a document that does not exist',
    change: { 'alpha/2024-06-01.mdx': alpha2({}, '## Scope\n\nSee <DocLink doc="gamma">the gamma policy</DocLink>.\n') },
    file: 'alpha/2024-06-01.mdx',
    field: 'body',
    message: /<DocLink doc="gamma"> links to a document that does not exist/,
  },
  {
    name: 'root-relative link that breaks under a base path',
    change: { 'alpha/2024-06-01.mdx': alpha2({}, '## Scope\n\nSee [our terms](/beta/).\n') },
    file: 'alpha/2024-06-01.mdx',
    field: 'body',
    message: /root-relative link "\/beta\/"/,
  },
  {
    name: 'later version marked initial',
    change: { 'alpha/2024-06-01.mdx': alpha2({ change: 'initial' }) },
    file: 'alpha/2024-06-01.mdx',
    field: 'change',
    message: /only for the first version/,
  },
  {
    name: 'a version saved as .md',
    change: { 'alpha/2024-09-01.md': alpha2({ effective: '2024-09-01' }) },
    file: 'alpha/2024-09-01.md',
    field: 'file name',
    message: /neither document.yaml nor a version/,
  },
  {
    name: 'reserved document slug',
    change: { 'search/document.yaml': base['beta/document.yaml'] ?? '', 'search/2024-03-01.mdx': base['beta/2024-03-01.mdx'] ?? '' },
    file: 'search',
    field: 'folder name',
    message: /reserved/,
  },
];

/** validContent() with a case's change applied. */
export function applyCase(change: BrokenContentCase['change']): ContentFiles {
  const files: ContentFiles = { ...validContent() };
  for (const [path, text] of Object.entries(change)) {
    if (text === null) delete files[path];
    else files[path] = text;
  }
  return files;
}
