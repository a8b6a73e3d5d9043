import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../../../src/lib/publish/feeds/escape.ts';

describe('escapeXml', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<b>', '&lt;b&gt;'],
    ['"quoted"', '&quot;quoted&quot;'],
    ["it's", 'it&#39;s'],
    ['&amp;', '&amp;amp;'],
    [']]>', ']]&gt;'],
    ['bell\u0007 and nul\u0000', 'bell and nul'],
    ['tab\tnewline\ncr\r', 'tab\tnewline\ncr\r'],
    ['lone \uD800 surrogate', 'lone  surrogate'],
    ['emoji 😀 stays', 'emoji 😀 stays'],
    ['Données « personnelles »', 'Données « personnelles »'],
  ])('escapes %j as %j', (input, output) => {
    expect(escapeXml(input)).toBe(output);
  });
});
