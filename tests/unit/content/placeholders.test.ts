import { describe, expect, it } from 'vitest';
import { emptySummaryReason, findPlaceholderMatches, placeholderRegex } from '../../../src/lib/content/placeholders.ts';
import { readContentTree } from '../../../src/lib/content/files.ts';
import { DEFAULT_PLACEHOLDERS } from '../../../src/lib/site/config.ts';
import { validateContent } from '../../../src/lib/content/validation.ts';
import { documentFile, validContent, versionFile, writeContent } from '../../support/content-fixtures.ts';

const found = (text: string, allow: string[] = []) => findPlaceholderMatches(text, DEFAULT_PLACEHOLDERS, allow).map((match) => match.text);

describe('default placeholders', () => {
  it.each([
    ['a bracketed name in capitals', 'These terms are governed by the laws of [JURISDICTION].', ['[JURISDICTION]']],
    ['a bracketed run of capitalised words', 'Our office is at [Registered Address], [Post Code].', ['[Registered Address]', '[Post Code]']],
    ['a short bracketed field', 'Signed: [NAME]', ['[NAME]']],
    ['a Liquid or Jinja field', 'Welcome to {{company_name}}.', ['{{company_name}}']],
    ['a docs template tag', '{% data reusables.policies.intro %} applies.', ['{% data reusables.policies.intro %}']],
    ['a Word mail-merge field', 'This agreement is between «CompanyName» and you.', ['«CompanyName»']],
    ['a run of X', 'Company number XXXXXXXX, VAT number XXXX.', ['XXXXXXXX', 'XXXX']],
    ['a blank to fill in', 'Date: ____________', ['____________']],
    ['TODO, TBD and lorem ipsum', 'TODO: check. Fees are TBD. Lorem ipsum dolor.', ['TODO', 'TBD', 'Lorem ipsum']],
  ])('finds %s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['a link', 'Read the [Privacy Policy](https://example.com/privacy) and the [Cookie Policy][cookies].'],
    ['a reference definition', '[Cookie Policy]: https://example.com/cookies'],
    ['an editorial alteration and [sic]', '"[T]he controller shall" [sic], as the Act says.'],
    ['the Roman numeral XXX', 'See Part XXX of the Act.'],
    ['a Markdown rule', '___'],
    ['bold italics', 'This is ___very___ important.'],
    ['a French quotation', 'Le texte dit « vos données » et rien d’autre.'],
    ['a checkbox and a footnote', '- [x] agreed[^1]'],
  ])('leaves alone %s', (_name, text) => {
    expect(found(text)).toEqual([]);
  });

  it('lets a site allow a term it means literally', () => {
    expect(found('Account holder: [REDACTED]. Laws of [JURISDICTION].', ['[REDACTED]'])).toEqual(['[JURISDICTION]']);
  });

  it('finds them on any line of a longer text, with their lines, line-anchored and sticky patterns included', () => {
    const text = ['Intro.', '', 'Laws of [JURISDICTION].', 'TODO at the start', '___', 'The end.'].join('\n');
    expect(findPlaceholderMatches(text, DEFAULT_PLACEHOLDERS)).toEqual([
      { line: 2, text: '[JURISDICTION]' },
      { line: 3, text: 'TODO' },
    ]);
    expect(findPlaceholderMatches(text, ['/^TODO/'])).toEqual([{ line: 3, text: 'TODO' }]);
    expect(findPlaceholderMatches(text, ['/TODO/y'])).toEqual([{ line: 3, text: 'TODO' }]);
    expect(findPlaceholderMatches(text, ['/^The end\\.$/'])).toEqual([{ line: 5, text: 'The end.' }]);
    expect(findPlaceholderMatches('A finished text\nover two lines.', DEFAULT_PLACEHOLDERS)).toEqual([]);
  });

  it('reads /source/flags literally and anything else case-insensitively', () => {
    expect(placeholderRegex('\\btodo\\b').test('TODO')).toBe(true);
    expect(placeholderRegex('/\\bX{4}\\b/').test('xxxx')).toBe(false);
  });
});

describe('emptySummaryReason', () => {
  it.each([
    ['..........', true],
    ['-', true],
    ['TBD.', true],
    ['First version.', false],
    ['Adds the complaints procedure.', false],
  ])('%s', (summary, empty) => {
    expect(emptySummaryReason(summary) !== undefined).toBe(empty);
  });
});

describe('placeholders in a version and its document', () => {
  it.each([
    ['the text', { 'beta/2024-03-01.mdx': versionFile({ effective: '2024-03-01', published: '2024-02-01', change: 'initial', summary: 'First version of the beta terms.' }, '## Scope\n\nThese terms are governed by the laws of [JURISDICTION].\n') }, 'beta/2024-03-01.mdx', 'body', /placeholder "\[JURISDICTION\]" left in a version that is not a draft/],
    ['the summary', { 'beta/2024-03-01.mdx': versionFile({ effective: '2024-03-01', published: '2024-02-01', change: 'initial', summary: 'First version for {{company_name}}.' }) }, 'beta/2024-03-01.mdx', 'summary', /placeholder "\{\{company_name\}\}" left in "summary"/],
    ['a summary of dots', { 'beta/2024-03-01.mdx': versionFile({ effective: '2024-03-01', published: '2024-02-01', change: 'initial', summary: '..........' }) }, 'beta/2024-03-01.mdx', 'summary', /the summary "\.{10}" does not say what changed/],
    ['document.yaml', { 'beta/document.yaml': documentFile({ title: 'Beta Terms', description: 'The terms of [COMPANY].', order: 2, noticeDays: 14, contact: 'beta@example.com' }) }, 'beta/document.yaml', 'description', /placeholder "\[COMPANY\]" left in "description"/],
  ])('in %s', (_name, change, file, field, message) => {
    const dir = writeContent({ ...validContent(), ...change }, undefined, { lockFrom: false });
    const { issues } = validateContent(readContentTree(dir, dir), { placeholders: DEFAULT_PLACEHOLDERS, excludeDrafts: true });
    const issue = issues.find((candidate) => candidate.file === file && candidate.field === field);
    expect(issue?.message).toMatch(message);
    expect(issue?.line).toBeGreaterThan(0);
    expect(issue?.fix).toMatch(/placeholderAllow|say in a sentence/);
  });
});
