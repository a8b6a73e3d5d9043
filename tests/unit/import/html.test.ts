import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../../src/lib/import/html.ts';

const fixture = readFileSync(new URL('../../fixtures/import/cookie-notice.html', import.meta.url), 'utf8');

describe('htmlToMarkdown', () => {
  it('converts the fixture page: headings, table, list and links', () => {
    const { markdown, title } = htmlToMarkdown(fixture);
    // The page title without the site's name after it.
    expect(title).toBe('Cookie Notice');
    expect(markdown).toContain('# Cookie Notice\n');
    expect(markdown).toContain('## Cookies we use');
    expect(markdown).toContain('| Name | Purpose | Lifetime |\n| --- | --- | --- |\n| bw\\_session | Keeps you signed in | Session |');
    expect(markdown).toContain('- You can block cookies in your browser settings.\n- Blocking **strictly necessary** cookies will sign you out.');
    expect(markdown).toContain('[our website](https://brightwave.example)');
    expect(markdown).not.toMatch(/analytics|font-family/);
  });

  it('reports the elements it dropped, keeping an image alt text in place', () => {
    const { markdown, warnings } = htmlToMarkdown(fixture);
    expect(markdown).toContain('[Image: Brightwave logo]');
    expect(warnings).toEqual([
      'dropped 1 <style> element(s)',
      'dropped 1 <script> element(s)',
      'dropped 1 <img> element(s): images are not imported: put the file in public/ and add it by hand if the document needs it',
    ]);
  });

  it('makes the first row the header of a table that has no <th>', () => {
    expect(htmlToMarkdown('<table><tr><td>A</td><td>B</td></tr><tr><td>1</td><td>2</td></tr></table>').markdown).toBe('| A | B |\n| --- | --- |\n| 1 | 2 |');
  });

  it('keeps square-bracket placeholders as typed', () => {
    expect(htmlToMarkdown('<p>From [INSERT DATE].</p>').markdown).toBe('From [INSERT DATE].');
  });
});
