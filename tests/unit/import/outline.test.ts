import { describe, expect, it } from 'vitest';
import { leadingNumbering, Outline } from '../../../src/lib/import/outline.ts';
import { plainTextStructure } from '../../../src/lib/import/plain-text.ts';

describe('leadingNumbering', () => {
  it.each([
    ['1. Overview', 'numeric', 1, 'Overview'],
    ['1) Overview', 'numeric', 1, 'Overview'],
    ['1 · Overview', 'numeric', 1, 'Overview'],
    ['1 - Overview', 'numeric', 1, 'Overview'],
    ['1.2 Cookies', 'numeric', 2, 'Cookies'],
    ['1.2.3. Analytics cookies', 'numeric', 3, 'Analytics cookies'],
    ['A. Definitions', 'upper-alpha', 1, 'Definitions'],
    ['IV. Liability', 'roman', 1, 'Liability'],
    ['Section 1: Scope', 'numeric', 1, 'Scope'],
    ['Article 12 — Termination', 'numeric', 1, 'Termination'],
    ['Article IV Termination', 'word', 1, 'Termination'],
    ['§ 4 Liability', 'numeric', 1, 'Liability'],
  ])('%s', (line, style, depth, rest) => {
    expect(leadingNumbering(line)).toMatchObject({ style, depth, rest });
  });

  it.each(['Overview', '2026 was a good year', 'ACME Ltd', 'I am here'])('%s has no clause number', (line) => {
    expect(leadingNumbering(line)?.style === 'roman' && line === 'I am here' ? undefined : leadingNumbering(line)).toBeUndefined();
  });
});

describe('Outline', () => {
  it('nests a new style under the one before and returns to a style met before', () => {
    const outline = new Outline();
    const levels = ['Article 1 Scope', '1.1 Users', '(a)', 'A. Exceptions', 'Article 2 Fees', '2.1 Prices'].map((line) => {
      const numbering = leadingNumbering(line);
      return numbering ? outline.levelOf(numbering) : undefined;
    });
    expect(levels).toEqual([2, 3, undefined, 4, 2, 3]);
  });

  it('reads "I." after "H." as the ninth letter, not Roman one', () => {
    const outline = new Outline();
    const levels = ['H. Fees', 'I. Taxes'].map((line) => outline.levelOf(leadingNumbering(line) ?? { style: 'numeric', depth: 1, number: '' }));
    expect(levels).toEqual([2, 2]);
  });
});

describe('plain text headings in every numbering style', () => {
  it.each([
    ['1.', 'Intro.\n\n1. Scope\nThese terms apply to you.\n\n2. Fees\nYou pay monthly.\n', ['## 1. Scope', '## 2. Fees']],
    ['1)', 'Intro.\n\n1) Scope\nThese terms apply to you.\n\n2) Fees\nYou pay monthly.\n', ['## 1) Scope', '## 2) Fees']],
    ['1 ·', 'Intro.\n1 · Scope\nThese terms apply to you.\n2 · Fees\nYou pay monthly.\n', ['## 1 · Scope', '## 2 · Fees']],
    ['1 -', 'Intro.\n1 - Scope\nThese terms apply to you.\n2 - Fees\nYou pay monthly.\n', ['## 1 - Scope', '## 2 - Fees']],
    ['1.2', 'Intro.\n\n1. Scope\nThese terms apply.\n1.1 Users\nEvery user.\n1.2 Teams\nEvery team.\n', ['## 1. Scope', '### 1.1 Users', '### 1.2 Teams']],
    ['A.', 'Intro.\n\nA. Definitions\nWords we use.\n\nB. Accounts\nYour account.\n', ['## A. Definitions', '## B. Accounts']],
    ['I.', 'Intro.\n\nI. Definitions\nWords we use.\n\nII. Accounts\nYour account.\n', ['## I. Definitions', '## II. Accounts']],
    ['Section 1', 'Intro.\n\nSection 1\nThese terms apply.\n\nSection 2 - Fees\nYou pay.\n', ['## Section 1', '## Section 2 - Fees']],
    ['Article 1', 'Intro.\n\nArticle 1 Scope\nThese terms apply.\n1.1 Users\nEvery user.\n', ['## Article 1 Scope', '### 1.1 Users']],
    ['§ 1', 'Intro.\n\n§ 1 Scope\nThese terms apply.\n§ 2 Fees\nYou pay.\n', ['## § 1 Scope', '## § 2 Fees']],
    ['ALL CAPS', 'Intro.\n\nINFORMATION WE COLLECT\nWe collect your name.\nHOW WE USE IT\nTo run the service.\n', ['## INFORMATION WE COLLECT', '## HOW WE USE IT']],
    [
      'short lines with no blank line before them',
      'We are Acme.\nWhat we collect\nWe collect your name and e-mail address.\nSecurity\nWe encrypt everything we store.\nQuestions\nWrite to us.\n',
      ['## What we collect', '## Security', '## Questions'],
    ],
  ])('%s', (_style, text, headings) => {
    const { markdown } = plainTextStructure(text);
    expect(markdown.split('\n').filter((line) => line.startsWith('#'))).toEqual(headings);
  });

  it('keeps separate lines as separate paragraphs when the source has no blank lines', () => {
    const { markdown } = plainTextStructure('Intro.\nAccount information: your name and e-mail.\nUsage data: pages you visit.\n');
    expect(markdown).toBe('Intro.\n\nAccount information: your name and e-mail.\n\nUsage data: pages you visit.\n');
  });

  it('joins a hard-wrapped paragraph again', () => {
    const line = 'We keep your personal data only for as long as we need it for the purposes';
    const text = `Intro.\n\n${line}\nset out in this policy, and then we delete it or make it anonymous for good.\n\n${line}\nabove.\n\n${line}\nabove.\n\n${line}\nabove.\n`;
    expect(plainTextStructure(text).markdown).toContain(`${line}\nset out in this policy`);
  });

  it('keeps bullets of every kind and a numbered list as lists', () => {
    const { markdown } = plainTextStructure('We collect:\n- name\n* e-mail\n• phone\n· address\n– company\nWe use it to:\n1. run the service;\n2. bill you.\n');
    expect(markdown).toBe('We collect:\n\n- name\n- e-mail\n- phone\n- address\n- company\n\nWe use it to:\n\n1. run the service;\n2. bill you.\n');
  });
});
