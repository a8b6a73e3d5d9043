import { describe, expect, it } from 'vitest';
import type { Block, InlineRun, Token } from '../../../src/lib/diff/model.ts';
import { blockTokens, blockWordCount, contentKey, countWords, tokenKey, tokenizeInline, tokensText } from '../../../src/lib/diff/tokenize.ts';

describe('tokenizeInline', () => {
  it.each([
    { text: 'We keep data.', tokens: ['We', ' keep', ' data', '.'], words: 3 },
    { text: '我们收集您的个人信息。', tokens: ['我们', '收集', '您', '的', '个人', '信息', '。'], words: 6 },
    { text: 'ข้อมูลส่วนบุคคล', tokens: ['ข้อมูล', 'ส่วน', 'บุคคล'], words: 3 },
    { text: "l'utilisateur, 30 jours", tokens: ["l'utilisateur", ',', ' 30', ' jours'], words: 3 },
  ])('splits "$text" into words', ({ text, tokens, words }) => {
    const result = tokenizeInline([{ text, marks: [] }]);
    expect(result.map((t) => t.pre + t.text)).toEqual(tokens);
    expect(countWords(result)).toBe(words);
    expect(tokensText(result)).toBe(text);
  });

  it('keeps marks on tokens and splits at mark boundaries', () => {
    const tokens = tokenizeInline([
      { text: 'at ', marks: [] },
      { text: 'any time', marks: ['strong'] },
    ]);
    expect(tokens).toEqual([
      { pre: '', text: 'at', marks: [] },
      { pre: ' ', text: 'any', marks: ['strong'] },
      { pre: ' ', text: 'time', marks: ['strong'] },
    ]);
  });

  it('makes tokens with the same words but other marks unequal', () => {
    const plain = tokenKey({ pre: ' ', text: 'policy', marks: [] });
    expect(tokenKey({ pre: ' ', text: 'policy', marks: ['a:/a'] })).not.toBe(plain);
    expect(tokenKey({ pre: ' ', text: 'policy', marks: ['a:/a'] })).not.toBe(tokenKey({ pre: ' ', text: 'policy', marks: ['a:/b'] }));
    expect(tokenKey({ pre: ' ', text: 'policy', marks: [] })).toBe(plain);
  });

  it('keeps trailing whitespace so text reads back exactly', () => {
    expect(tokensText(tokenizeInline([{ text: 'code  \n', marks: [] }]))).toBe('code  \n');
  });
});

describe('blockTokens (memoised per content)', () => {
  const paragraph = (inline: InlineRun[]): Block => ({ id: 'b-1', kind: 'paragraph', section: '', sectionTitle: '', context: [], text: '', inline });
  const row = (cells: InlineRun[][]): Block => ({ ...paragraph([]), kind: 'table-row', cells: cells.map((inline) => ({ header: false, text: '', inline })) });
  const plain = (text: string): InlineRun[] => [{ text, marks: [] }];
  // Contents that a key made by joining texts and marks with separators would mistake for one another.
  const blocks: Array<[string, () => Block]> = [
    ['one run', () => paragraph(plain('a b'))],
    ['two runs', () => paragraph([{ text: 'a', marks: [] }, { text: ' b', marks: [] }])],
    ['a link', () => paragraph([{ text: 'terms', marks: ['a:/one'] }])],
    ['another link', () => paragraph([{ text: 'terms', marks: ['a:/two'] }])],
    ['two marks', () => paragraph([{ text: 'terms', marks: ['a:/one', 'strong'] }])],
    ['a mark that holds a separator', () => paragraph([{ text: 'terms', marks: ['a:/one,6:strong'] }])],
    ['a text that looks like a key', () => paragraph(plain('a|1:b;1;0|1:c'))],
    ['the runs that key spells', () => paragraph([{ text: 'a', marks: [] }, { text: 'b', marks: [] }, { text: 'c', marks: [] }])],
    ['control characters', () => paragraph(plain('x\u0002y\u0003'))],
    ['separators between letters', () => paragraph(plain('a\u0002b\u0002c'))],
    ['the same, marked', () => paragraph([{ text: 'c', marks: ['a\u0002b\u0001'] }])],
    ['one cell', () => row([plain('a b')])],
    ['two cells', () => row([plain('a'), plain('b')])],
    ['one cell, no space', () => row([plain('ab')])],
    ['an empty cell first', () => row([[], plain('ab')])],
  ];
  const expected = (block: Block): Token[] => (block.cells === undefined ? tokenizeInline(block.inline) : block.cells.flatMap((c) => tokenizeInline(c.inline)));

  it('keys each content apart, and equal contents alike', () => {
    const keys = blocks.map(([, make]) => contentKey(make()));
    expect(new Set(keys).size).toBe(blocks.length);
    for (const [, make] of blocks) expect(contentKey(make())).toBe(contentKey(make()));
  });

  it.each(blocks)('gives a block with %s its own tokens, whichever blocks came before', (_name, make) => {
    // Every other content first (forwards and backwards), then this one in a new block object.
    for (const [, other] of [...blocks, ...[...blocks].reverse()]) blockTokens(other());
    const block = make();
    expect(blockTokens(block)).toEqual(expected(block));
    expect(blockWordCount(block)).toBe(countWords(expected(block)));
  });

  it('shares one token list between blocks with the same content', () => {
    const [, make] = blocks[2] as [string, () => Block];
    expect(blockTokens(make())).toBe(blockTokens(make()));
  });
});
