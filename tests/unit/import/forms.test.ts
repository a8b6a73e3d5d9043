import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ConvertedPolicy, convertPolicy, type ImportFormat } from '../../../src/lib/import/convert.ts';
import { formatGuess } from '../../../src/lib/import/report.ts';
import { wordExport } from '../../fixtures/import/forms/word-export.ts';
import { mdxProblem } from './mdx-compiles.ts';

// Each fixture has the shape a real policy arrives in; its expected MDX is the file next to it, read by a person.
const dir = new URL('../../fixtures/import/forms/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir));
const documents = new Map([
  ['privacy', 'Privacy Policy'],
  ['terms', 'Terms of Service'],
  ['cookies', 'Cookie Policy'],
]);

interface Form {
  name: string;
  format: ImportFormat;
  bytes: () => Promise<Uint8Array> | Uint8Array;
  baseUrl?: string;
  title: string;
  dates: ConvertedPolicy['dates'];
  /** Guesses the report must list, as printed. */
  guesses: string[];
  /** Leftovers the report must name, as "line: message start". */
  leftovers: string[];
}

const forms: Form[] = [
  {
    name: 'pasted-web-page',
    format: 'text',
    bytes: () => read('pasted-web-page.txt'),
    title: 'Privacy Policy',
    dates: { published: '2026-04-24' },
    guesses: [
      "took 'LAST UPDATED: APRIL 24, 2026' as the announcement date (published) 2026-04-24 and left the line out of the body (line 2)",
      "took 'Privacy Policy' as the title (line 1)",
      "took '1 · Overview' as a heading (##) (line 4)",
      "took 'What we collect automatically' as a heading (###) (a short line followed by a paragraph) (line 10)",
      "took 'Security' as a heading (###) (a short line followed by a paragraph) (line 22)",
      "took 'Questions' as a heading (###) (a short line followed by a paragraph) (line 26)",
    ],
    leftovers: [],
  },
  {
    name: 'saved-web-page',
    format: 'html',
    bytes: () => read('saved-web-page.html'),
    baseUrl: 'https://fernhill.example',
    title: 'Cookie Policy',
    dates: { published: '2026-02-03' },
    guesses: [
      'made the link \'/privacy\' a link to this site\'s document "privacy"',
      "made the link '/account/settings#cookies' absolute: https://fernhill.example/account/settings#cookies",
    ],
    leftovers: [],
  },
  {
    name: 'github-terms',
    format: 'markdown',
    bytes: () => read('github-terms.md'),
    baseUrl: 'https://docs.github.com',
    title: 'GitHub Terms of Service',
    dates: { effective: '2020-11-16' },
    guesses: [
      "took the frontmatter title 'GitHub Terms of Service' as the title (line 2)",
      "took 'Effective date: November 16, 2020' as the effective date 2020-11-16 and left the line out of the body (line 25)",
      "pointed the in-page link '#a-definitions' at the heading 'A. Definitions' (#definitions)",
    ],
    leftovers: [
      '1: template tag "{% data variables.product.prodname_dotcom %}" would be published as text',
      '28: link text "AUTOTITLE"',
      '30: template tag "{% note %}"',
      '38: link text "AUTOTITLE"',
    ],
  },
  {
    name: 'word-export',
    format: 'docx',
    bytes: wordExport,
    title: 'Data Processing Addendum',
    dates: { effective: '2026-03-01' },
    guesses: ["took '1. Definitions' as a heading (##): a paragraph of bold text only", 'took 2 line(s) starting with a typed bullet (•, ·, –) as list items'],
    leftovers: ['23: markup "<measures>" would be published as visible text'],
  },
];

describe.each(forms)('importing $name ($format)', (form) => {
  it('gives the expected MDX, title and dates, and the MDX compiles', async () => {
    const result = await convertPolicy(await form.bytes(), form.format, { documents, baseUrl: form.baseUrl });
    expect(result.body).toBe(readFileSync(new URL(`${form.name}.expected.mdx`, dir), 'utf8'));
    expect(result.title).toBe(form.title);
    expect(result.dates).toEqual(form.dates);
    expect(mdxProblem(result.body)).toBeUndefined();
  });

  it('reports its guesses and leftovers with their lines', async () => {
    const result = await convertPolicy(await form.bytes(), form.format, { documents, baseUrl: form.baseUrl });
    const printed = result.guesses.map(formatGuess);
    for (const guess of form.guesses) expect(printed).toContain(guess);
    const leftovers = result.leftovers.map((leftover) => `${leftover.line}: ${leftover.message}`);
    for (const leftover of form.leftovers) expect(leftovers.some((line) => line.startsWith(leftover))).toBe(true);
    if (form.leftovers.length === 0) expect(leftovers).toEqual([]);
  });
});

describe('the links of a saved web page without --base-url', () => {
  it('keeps the text of a root-relative link it cannot resolve, names it, and still makes this site\'s documents DocLinks', async () => {
    const result = await convertPolicy(read('saved-web-page.html'), 'html', { documents });
    expect(result.body).toContain('in the cookie settings of your account');
    expect(result.body).toContain('<DocLink doc="terms" section="termination">Terms of Service</DocLink>');
    expect(result.body).not.toMatch(/\]\(\//);
    expect(result.leftovers.map((leftover) => leftover.message)).toEqual([
      "link '/account/settings#cookies' is root-relative (pass --base-url with the address of the site it came from): kept the text 'cookie settings' without the link",
    ]);
  });
});
