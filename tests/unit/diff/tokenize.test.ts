import { describe, expect, it } from 'vitest';
import { countWords, tokenKey, tokenizeInline, tokensText } from '../../../src/lib/diff/tokenize.ts';

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
