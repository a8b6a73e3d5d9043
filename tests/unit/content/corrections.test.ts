import { describe, expect, it } from 'vitest';
import { correctionIssues, definedTerms } from '../../../src/lib/content/corrections.ts';

const FRONT = '---\neffective: 2025-02-01\npublished: 2025-01-10\nchange: material\nsummary: Adds the complaints procedure.\n---\n';
const BODY =
  '## Fees\n\nThe subscription costs £1,000 a year, payable within thirty days of the invoice. We will recieve your complaint at [the complaints form](https://example.com/forms/complaints-2024).\n\n"Customer Data" means the data you upload. Your Customer Data stays yours.\n';
const corrected = (from: string, to: string, front = FRONT) => `${front.replace('---\n', '---\ncorrections:\n  - date: 2025-03-01\n    reason: Fixed it.\n')}\n${BODY.replace(from, to)}`;

describe('correctionIssues', () => {
  it.each<[string, string, string, RegExp[]]>([
    ['a typo', 'recieve', 'receive', []],
    ['a broken link, digits and all', 'complaints-2024)', 'complaints-2025)', []],
    ['an amount', '£1,000', '£100', [/changes an amount \(-"£1,000", \+"£100"\)/]],
    ['a number in words', 'thirty days', 'sixty days', [/changes a number \(-"thirty", \+"sixty"\)/]],
    ['a date', 'of the invoice', 'of 1 March', [/changes a number or a date \(\+"1"\)/, /changes a date \(\+"March\."\)/]],
    ['a defined term', 'Your Customer Data', 'Your Client Data', [/changes a defined term \(-"Customer"\)/]],
    ['more than a few words', 'We will recieve', 'We shall from now on always gladly receive and promptly read', [/changes 10 words; a correction changes at most 5/]],
  ])('%s', (_name, from, to, expected) => {
    const issues = correctionIssues(`${FRONT}\n${BODY}`, corrected(from, to), 'content/terms/2025-02-01.mdx');
    expect(issues.map((issue) => issue.message)).toEqual(expected.map((message) => expect.stringMatching(message)));
    for (const issue of issues) {
      expect(issue.file).toBe('content/terms/2025-02-01.mdx');
      expect(issue.fix).toMatch(/publish the change as a new version/);
    }
  });

  it.each([
    ['published', 'published: 2025-01-10', 'published: 2024-12-01'],
    ['effective', 'effective: 2025-02-01', 'effective: 2025-01-01'],
    ['change', 'change: material', 'change: minor'],
  ])('refuses a correction that changes "%s"', (field, from, to) => {
    const issues = correctionIssues(`${FRONT}\n${BODY}`, corrected('recieve', 'receive', FRONT.replace(from, to)), 'f.mdx');
    expect(issues.map((issue) => issue.field)).toContain(field);
  });

  it('finds the terms a text defines, in quotes or bold', () => {
    expect([...definedTerms('“Services” means... "Customer Data" means ... **Controller** is ... "not a term"')]).toEqual(['Services', 'Customer Data', 'Controller']);
  });
});
