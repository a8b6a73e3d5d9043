import { describe, expect, it } from 'vitest';
import { headingAnchorsOf, rewriteLinks } from '../../../src/lib/import/links.ts';

const documents = new Map([
  ['privacy', 'Privacy Policy'],
  ['terms', 'Terms of Service'],
]);
const body = '## A. Definitions\n\nWords.\n\n## 2. Your account\n\nText.\n\n';

describe('rewriteLinks', () => {
  it.each([
    ['an in-page link to a numbered heading', '[see](#a-definitions)', {}, '[see](#definitions)'],
    ['an in-page link that already uses Redline\'s anchor', '[see](#definitions)', {}, '[see](#definitions)'],
    ['AUTOTITLE on an in-page link', '[AUTOTITLE](#2-your-account)', {}, '[2. Your account](#your-account)'],
    ['an in-page link to no heading', '[see](#nowhere)', {}, 'see'],
    ['a link to a document of this site', '[our terms](/terms)', {}, '<DocLink doc="terms">our terms</DocLink>'],
    ['a link to a section of a document of this site', '[liability](/terms/#liability)', {}, '<DocLink doc="terms" section="liability">liability</DocLink>'],
    ['an absolute link to this site', '[privacy](https://legal.example.com/privacy/)', { siteUrl: 'https://legal.example.com' }, '<DocLink doc="privacy">privacy</DocLink>'],
    ['a root-relative link with --base-url', '[pricing](/pricing)', { baseUrl: 'https://acme.example' }, '[pricing](https://acme.example/pricing)'],
    ['a root-relative link without --base-url', '[pricing](/pricing)', {}, 'pricing'],
    ['a relative link with --base-url', '[faq](faq.html)', { baseUrl: 'https://acme.example/legal/' }, '[faq](https://acme.example/legal/faq.html)'],
    ['a protocol-relative link', '[cdn](//cdn.example/x)', {}, '[cdn](https://cdn.example/x)'],
    ['an external link', '[w3c](https://www.w3.org/)', {}, '[w3c](https://www.w3.org/)'],
    ['a mail link', '[dpo](mailto:dpo@acme.example)', {}, '[dpo](mailto:dpo@acme.example)'],
    ['a javascript: link', '[click](javascript:alert(1))', {}, 'click'],
    ['an image, which would be fetched from elsewhere', '![Our logo](https://cdn.example/logo.png)', {}, '[Image: Our logo]'],
    ['a link inside a code span', '`[x](/y)`', {}, '`[x](/y)`'],
  ])('%s', (_name, link, context, expected) => {
    const result = rewriteLinks(`${body}${link}\n`, { documents, ...context });
    expect(result.markdown).toBe(`${body}${expected}\n`);
  });

  it('names each link that lost its target, with its line', () => {
    const result = rewriteLinks('Intro.\n\nSee [pricing](/pricing) and [x](#nowhere).\n', { documents });
    expect(result.problems.map((problem) => [problem.line, problem.message])).toEqual([
      [3, "link '/pricing' is root-relative (pass --base-url with the address of the site it came from): kept the text 'pricing' without the link"],
      [3, "link '#nowhere' points to no heading of this document: kept the text 'x' without the link"],
    ]);
  });

  it('uses the ids the source gave its headings', () => {
    const result = rewriteLinks('## 3. Cookies\n\n[c](#cookie-section)\n', { documents, headingIds: [{ id: 'cookie-section', text: '3. Cookies' }] });
    expect(result.markdown).toBe('## 3. Cookies\n\n[c](#cookies)\n');
  });
});

describe('headingAnchorsOf', () => {
  it('gives the source (GitHub) anchor and Redline\'s clause anchor of each heading', () => {
    expect(headingAnchorsOf('## A. Definitions\n\n### 1.2 **Your** `account`\n')).toEqual([
      { text: 'A. Definitions', anchor: 'definitions', sourceAnchor: 'a-definitions' },
      { text: '1.2 Your account', anchor: 'your-account', sourceAnchor: '12-your-account' },
    ]);
  });
});
