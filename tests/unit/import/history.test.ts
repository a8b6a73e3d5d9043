import { describe, expect, it } from 'vitest';
import { guessChange, historyFileDate, historySummary, parseCatFileBatch, parseGitLog } from '../../../src/lib/import/history.ts';

describe('historyFileDate', () => {
  it.each([
    ['2024-02-01.md', { date: '2024-02-01', format: 'markdown' }],
    ['2024-02-01.html', { date: '2024-02-01', format: 'html' }],
    ['2024-02-01.txt', { date: '2024-02-01', format: 'text' }],
    ['2024-02-01.docx', { date: '2024-02-01', format: 'docx' }],
    ['2024-02-01.pdf', undefined],
    ['terms.md', undefined],
    ['notes-2024-02-01.md', undefined],
  ])('%s', (name, expected) => {
    expect(historyFileDate(name)).toEqual(expected);
  });
});

describe('parseGitLog', () => {
  it('reads commits oldest first with the path of the file in each (renames followed), leaving out a deletion', () => {
    const log = [
      '\x1ec3\x1f2024-03-01\x1fDelete the terms\n\nD\tlegal/terms.md\n',
      '\x1ec2\x1f2023-01-01\x1fMove the terms\n\nR100\tdocs/terms.md\tlegal/terms.md\n',
      '\x1ec1\x1f2022-01-01\x1fAdd the terms\n\nA\tdocs/terms.md\n',
    ].join('');
    expect(parseGitLog(log)).toEqual([
      { hash: 'c1', date: '2022-01-01', subject: 'Add the terms', path: 'docs/terms.md' },
      { hash: 'c2', date: '2023-01-01', subject: 'Move the terms', path: 'legal/terms.md' },
    ]);
  });
});

describe('parseCatFileBatch', () => {
  it('splits objects by their sizes, bytes as they are, and marks a missing one', () => {
    const output = new TextEncoder().encode('aaa blob 5\nab\ncd\nc1:x.md missing\nbbb blob 2\né\n');
    const objects = parseCatFileBatch(output).map((bytes) => (bytes ? new TextDecoder().decode(bytes) : undefined));
    expect(objects).toEqual(['ab\ncd', undefined, 'é']);
  });
});

describe('guessChange', () => {
  const before = '## Payment\n\nWe bill monthly in advance.\n\n## Termination\n\nYou may close your account at any time.\n';
  it.each([
    ['a comma', before.replace('monthly in', 'monthly, in'), 'minor', 'only punctuation, capitals, spacing or markup changed'],
    ['a few words', before.replace('at any time', 'whenever you like'), 'minor', '6 word(s) changed in 1 passage(s)'],
    ['a new section', `${before}\n## Data\n\nWe process data as our privacy policy says.\n`, 'material', 'a heading added, removed or renamed'],
    ['a rewritten paragraph', before.replace('We bill monthly in advance.', 'We bill every year in advance, and prices may change with thirty days of notice sent to the account owner by e-mail, after which the new price applies to the next renewal of your plan.'), 'material', 'word(s) changed'],
  ])('%s', (_name, after, change, reason) => {
    const guess = guessChange(before, after);
    expect(guess.change).toBe(change);
    expect(guess.reason).toContain(reason);
  });

  it('names the sections the changes are in', () => {
    expect(guessChange(before, before.replace('at any time', 'whenever you like')).sections).toEqual(['Termination']);
  });
});

describe('historySummary', () => {
  it('takes a commit subject that says something, else says what changed where', () => {
    expect(historySummary(undefined, 'Terms', 'Publish the first terms')).toBe('Publish the first terms');
    expect(historySummary(undefined, 'Terms', 'wip')).toBe('First version of the Terms, imported from its history.');
    expect(historySummary({ change: 'minor', words: 2, passages: 1, sections: ['Payment'], reason: '2 word(s) changed in 1 passage(s)' }, 'Terms', undefined)).toBe(
      "Imported from the document's history: 2 word(s) changed in 1 passage(s); sections changed: Payment.",
    );
  });
});
