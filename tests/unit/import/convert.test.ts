import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertPolicy, formatOfFile } from '../../../src/lib/import/convert.ts';
import { makeDocx } from '../../fixtures/import/make-docx.ts';
import { mdxProblem } from './mdx-compiles.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url));
const bytes = (text: string) => new TextEncoder().encode(text);

describe('formatOfFile', () => {
  it.each([
    ['policy.md', 'markdown'],
    ['policy.HTML', 'html'],
    ['policy.htm', 'html'],
    ['policy.docx', 'docx'],
    ['policy.txt', 'text'],
    ['policy.pdf', undefined],
    ['policy', undefined],
  ])('%s is %s', (name, format) => {
    expect(formatOfFile(name)).toBe(format);
  });
});

describe('convertPolicy', () => {
  it('plain text: title out, structure recovered, MDX-safe', async () => {
    const result = await convertPolicy(fixture('acceptable-use.txt'), 'text');
    expect(result.title).toBe('Acceptable Use Policy');
    expect(result.body).not.toMatch(/^# /m);
    expect(result.body).toContain('## 1. Who this policy applies to');
    expect(result.body).toContain('(age \\< 13)');
    expect(result.body).toContain('Templates such as \\{name\\} are not evaluated.');
    expect(mdxProblem(result.body)).toBeUndefined();
  });

  it('HTML: title from the H1, table kept, warnings passed on, MDX-safe', async () => {
    const result = await convertPolicy(fixture('cookie-notice.html'), 'html');
    expect(result.title).toBe('Cookie Notice');
    expect(result.body.startsWith('This notice explains')).toBe(true);
    expect(result.body).toContain('| bw\\_prefs | Remembers your \\{theme\\} and language<br />settings | 1 year |');
    expect(result.warnings).toHaveLength(3);
    expect(mdxProblem(result.body)).toBeUndefined();
  });

  it('HTML without an H1 falls back to the page title', async () => {
    expect((await convertPolicy(bytes('<title>Terms</title><p>Text.</p>'), 'html')).title).toBe('Terms');
  });

  it('Markdown: as it is, except the H1 and MDX-unsafe characters', async () => {
    const result = await convertPolicy(bytes('# Terms\n\n## Scope\n\nFor users {all} <br> of **Acme**.\n'), 'markdown');
    expect(result).toEqual({ title: 'Terms', body: '## Scope\n\nFor users \\{all\\} <br /> of **Acme**.\n', warnings: [], guesses: [], leftovers: [], dates: {} });
  });

  it('Word: through HTML, with mammoth messages among the warnings', async () => {
    const docx = await makeDocx([
      { style: 'Heading1', text: 'Data Processing Addendum' },
      { text: 'This addendum applies from [INSERT DATE].' },
      { style: 'Heading2', text: 'Sub-processors' },
      { table: [['Name', 'Purpose'], ['Cloudhost', 'Hosting {eu}']] },
      { style: 'FancyQuote', text: 'Signed for the customer.' },
    ]);
    const result = await convertPolicy(docx, 'docx');
    expect(result.title).toBe('Data Processing Addendum');
    expect(result.body).toBe(
      'This addendum applies from [INSERT DATE].\n\n## Sub-processors\n\n| Name | Purpose |\n| --- | --- |\n| Cloudhost | Hosting \\{eu\\} |\n\nSigned for the customer.\n',
    );
    expect(result.warnings).toEqual(["Word: Unrecognised paragraph style: 'Fancy Quote' (Style ID: FancyQuote)"]);
    expect(mdxProblem(result.body)).toBeUndefined();
  });
});
