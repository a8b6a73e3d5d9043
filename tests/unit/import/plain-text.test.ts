import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inlineText, plainTextToMarkdown } from '../../../src/lib/import/plain-text.ts';

const fixture = readFileSync(new URL('../../fixtures/import/acceptable-use.txt', import.meta.url), 'utf8');

describe('plainTextToMarkdown', () => {
  it.each([
    ['a title line at the top', 'Terms of Use\n\nText.\n', '# Terms of Use\n\nText.\n'],
    ['a numbered section', 'Intro.\n\n1. Introduction\n\nText.\n', 'Intro.\n\n## 1. Introduction\n\nText.\n'],
    ['a numbered subsection', 'Intro.\n\n2.3 Cookies we use\nText.\n', 'Intro.\n\n### 2.3 Cookies we use\n\nText.\n'],
    ['a "Section N" line', 'Intro.\n\nSection 4\n\nText.\n', 'Intro.\n\n## Section 4\n\nText.\n'],
    ['a short title line between paragraphs', 'Intro.\n\nYour rights\n\nText.\n', 'Intro.\n\n## Your rights\n\nText.\n'],
    ['an underlined title', 'Intro.\n\nYour rights\n-----------\nText.\n', 'Intro.\n\n### Your rights\n\nText.\n'],
    ['bullet lines of every kind', 'Intro.\n\n- one\n* two\n• three\n  - nested\n', 'Intro.\n\n- one\n- two\n- three\n  - nested\n'],
    ['a numbered list of sentences', 'Intro.\n\n1. We collect your name.\n2. We collect your e-mail address.\n', 'Intro.\n\n1. We collect your name.\n2. We collect your e-mail address.\n'],
    ['a numbered list of short items', 'Intro:\n1. Name\n2. Address\n', 'Intro:\n\n1. Name\n2. Address\n'],
    ['a numbered clause that is a sentence', 'Intro.\n\n2.3 We may share your data with the partners listed below.\n', 'Intro.\n\n2.3 We may share your data with the partners listed below.\n'],
    ['lettered clauses, one paragraph each', 'We may:\n(a) suspend you;\n(b) close the account.\n', 'We may:\n\n(a) suspend you;\n\n(b) close the account.\n'],
    ['pipe rows with a separator row added', 'Intro.\n\nA | B\n1 | 2\n', 'Intro.\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n'],
    ['pipe rows that already have a separator and outer pipes', 'Intro.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n', 'Intro.\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n'],
    ['a short row padded to the table width', 'Intro.\n\nA | B | C\n1 | 2\n', 'Intro.\n\n| A | B | C |\n| --- | --- | --- |\n| 1 | 2 |  |\n'],
    ['tab-separated rows (a table pasted from a web page or Word)', 'Intro.\n\nName\tPurpose\tKept\nnw_session\tSigns you in\tSession\n_pk_id\tCounts visits\t13 months\n', 'Intro.\n\n| Name | Purpose | Kept |\n| --- | --- | --- |\n| nw_session | Signs you in | Session |\n| \\_pk_id | Counts visits | 13 months |\n'],
    ['numbered lines with a tab after the number, not a table', 'Intro.\n\n1.\tWe collect your name.\n2.\tWe collect your e-mail address.\n', 'Intro.\n\n1. We collect your name.\n2. We collect your e-mail address.\n'],
    ['a lone line with a tab in it, read with spaces', 'Intro.\n\nFees\tpayable monthly.\n', 'Intro.\n\nFees    payable monthly.\n'],
    ['a wrapped paragraph whose first line is short', 'Intro.\n\nWe keep data\nfor two years.\n', 'Intro.\n\nWe keep data\nfor two years.\n'],
    ['a line that would start Markdown syntax', 'Intro.\n\n# of users\n> quoted\n', 'Intro.\n\n\\# of users\n\n\\> quoted\n'],
    ['decorative rules', 'Intro.\n\n==========\n\nText.\n', 'Intro.\n\nText.\n'],
  ])('%s', (_name, input, expected) => {
    expect(plainTextToMarkdown(input)).toBe(expected);
  });

  it('recovers the structure of the fixture policy', () => {
    const markdown = plainTextToMarkdown(fixture);
    expect(markdown.split('\n').filter((line) => line.startsWith('#'))).toEqual([
      '# Acceptable Use Policy',
      '## 1. Who this policy applies to',
      '## 2. Prohibited uses',
      '### 2.1 Fair use limits',
      '### 2.2 Automated access',
      '## 3. Enforcement',
      '## Section 4: Contact',
    ]);
    expect(markdown).toContain('| Resource | Free plan | Business plan |\n| --- | --- | --- |\n| API requests per minute | 60 | 600 |');
    expect(markdown).toContain('- send spam or unsolicited bulk messages;\n- upload malware');
    expect(markdown).toContain('[abuse@brightwave.example](mailto:abuse@brightwave.example)');
    expect(markdown).toContain('[INSERT DATE]');
  });
});

describe('inlineText', () => {
  it.each([
    ['an e-mail address, without the full stop after it', 'Write to dpo@example.com.', 'Write to [dpo@example.com](mailto:dpo@example.com).'],
    ['a URL', 'See https://example.com/a?b=1, then', 'See [https://example.com/a?b=1](https://example.com/a?b=1), then'],
    ['a www address', 'Visit www.example.com today', 'Visit [www.example.com](https://www.example.com) today'],
    ['an address with an underscore', 'Write to data_team@example.com', 'Write to [data\\_team@example.com](mailto:data_team@example.com)'],
    ['asterisks and backticks', 'Prices* apply `now`', 'Prices\\* apply \\`now\\`'],
  ])('%s', (_name, input, expected) => {
    expect(inlineText(input)).toBe(expected);
  });
});
