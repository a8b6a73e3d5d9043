import { describe, expect, it } from 'vitest';
import { docxToHtml } from '../../../src/lib/import/docx.ts';
import { makeDocx } from '../../fixtures/import/make-docx.ts';

describe('docxToHtml', () => {
  it('maps Word headings, paragraphs and tables to HTML', async () => {
    const bytes = await makeDocx([
      { style: 'Heading1', text: 'Data Processing Addendum' },
      { text: 'Applies from 1 May.' },
      { table: [['Name', 'Purpose'], ['Cloudhost', 'Hosting']] },
    ]);
    const { html, warnings } = await docxToHtml(bytes);
    expect(html).toContain('<h1>Data Processing Addendum</h1><p>Applies from 1 May.</p><table>');
    expect(html).toContain('<td><p>Cloudhost</p></td>');
    expect(warnings).toEqual([]);
  });

  it("passes on mammoth's messages about styles it could not map, once each", async () => {
    const bytes = await makeDocx([
      { style: 'FancyQuote', text: 'One.' },
      { style: 'FancyQuote', text: 'Two.' },
    ]);
    expect((await docxToHtml(bytes)).warnings).toEqual(["Word: Unrecognised paragraph style: 'Fancy Quote' (Style ID: FancyQuote)"]);
  });
});
