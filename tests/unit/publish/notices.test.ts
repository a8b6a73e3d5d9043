import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { buildNotice, plainTextMessage, noticesFor } from '../../../src/lib/publish/notices.ts';
import { legalDocument, sampleDocuments, site, version } from './feeds/fixtures.ts';

const documents = sampleDocuments();

describe('noticesFor', () => {
  it('lists published material changes only, each with the published version it replaces', () => {
    const targets = noticesFor(documents);
    expect(targets.map((target) => [target.document.slug, target.version.id, target.previous?.id])).toEqual([
      ['privacy', '2027-01-15', '2026-03-01'],
      ['terms', '2026-01-01', '2025-02-01'],
    ]);
  });

  it('never lists a draft, even a material one', () => {
    const ids = noticesFor(documents).map((target) => target.version.id);
    expect(ids).not.toContain('2027-06-01');
    expect(ids).not.toContain('2025-06-01');
  });

  it('lists nothing for initial or minor versions', () => {
    const docs = [
      legalDocument('x', 'X', [
        version('x', { id: '2025-01-01', published: '2024-12-01', change: 'initial' }),
        version('x', { id: '2025-06-01', published: '2025-05-01', change: 'minor' }),
      ]),
    ];
    expect(noticesFor(docs)).toEqual([]);
  });
});

describe('buildNotice', () => {
  const [privacyTarget, termsTarget] = noticesFor(documents);
  if (!privacyTarget || !termsTarget) throw new Error('fixtures changed');
  const counts = { blocksAdded: 2, blocksRemoved: 1, blocksChanged: 3, blocksMoved: 0, wordsAdded: 120, wordsRemoved: 40 };
  const notice = buildNotice({ ...privacyTarget, site, changeCounts: counts });

  it('has a subject naming the document and the effective date', () => {
    expect(notice.subject).toBe('Example: changes to our Privacy Policy, effective 15 January 2027');
  });

  it('puts the subject on the first line of the plain-text message, then a blank line and the body', () => {
    expect(plainTextMessage(notice)).toBe(`Subject: Example: changes to our Privacy Policy, effective 15 January 2027\n\n${notice.text}`);
  });

  it('says in plain text what changes, when, how much notice, and links to the new version and the redline', () => {
    expect(notice.text).toContain('We now share <b>usage data</b> with "partners" & processors.');
    expect(notice.text).toContain('The new version takes effect on 15 January 2027.');
    expect(notice.text).toContain("We announced it on 1 December 2026, giving 45 days' notice.");
    expect(notice.text).toContain('How much changed: Passages: 2 added, 1 removed, 3 changed, 0 moved. Words: 120 added, 40 removed.');
    expect(notice.text).toContain('Read the new version:\nhttps://example.com/legal/privacy/2027-01-15/');
    expect(notice.text).toContain('See every change, word by word:\nhttps://example.com/legal/privacy/compare/2026-03-01...2027-01-15/');
    expect(notice.text).toContain('https://example.com/legal/privacy/2026-03-01/');
    expect(notice.text).toContain('Contact privacy@example.com.');
  });

  it('escapes the summary in HTML', () => {
    expect(notice.html).toContain('<p>We now share &lt;b&gt;usage data&lt;/b&gt; with &quot;partners&quot; &amp; processors.</p>');
    expect(notice.html).not.toContain('<b>');
  });

  it('links to the new version, the redline and the contact in HTML', () => {
    expect(notice.html).toContain('<a href="https://example.com/legal/privacy/2027-01-15/">Read the new version</a>');
    expect(notice.html).toContain('<a href="https://example.com/legal/privacy/compare/2026-03-01...2027-01-15/">See every change, word by word</a>');
    expect(notice.html).toContain('<a href="mailto:privacy@example.com">privacy@example.com</a>');
  });

  it('is valid, self-contained HTML with no external resources or inline styles', async () => {
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(notice.html);
    expect(report.results.flatMap((result) => result.messages.map((message) => message.message))).toEqual([]);
    expect(notice.html).not.toMatch(/<(script|style|link|img|iframe|object)\b|\sstyle=|\ssrc=/i);
    for (const href of notice.html.matchAll(/href="([^"]*)"/g)) expect(href[1]).toMatch(/^(https:\/\/example\.com\/legal\/|mailto:)/);
  });

  it("carries the site's Content-Security-Policy, before anything it governs", () => {
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(notice.html);
    expect(policy?.[1]).toContain("default-src 'self'");
    expect(policy?.[1]).toContain("object-src 'none'");
    expect(policy?.[1]).not.toContain('unsafe-inline');
    expect(notice.html.indexOf('http-equiv')).toBeLessThan(notice.html.indexOf('<title>'));
  });

  it('leaves out counts when none are given', () => {
    const plain = buildNotice({ ...termsTarget, site });
    expect(plain.text).not.toContain('How much changed');
    expect(plain.html).not.toContain('How much changed');
    expect(plain.text).toContain("giving 47 days' notice");
    expect(plain.text).toContain('Contact terms@example.com.');
  });

  it.each([
    { published: '2025-05-31', phrase: "We announced it on 31 May 2025, giving 1 day's notice." },
    { published: '2025-06-01', phrase: 'We announced it on 1 June 2025.' },
  ])('words the notice period for announcement on $published', ({ published, phrase }) => {
    const doc = legalDocument('x', 'X', []);
    const result = buildNotice({ document: doc, version: version('x', { id: '2025-06-01', published, change: 'material' }), previous: undefined, site });
    expect(result.text).toContain(phrase);
  });

  it('has no redline link without a previous version', () => {
    const doc = legalDocument('x', 'X', []);
    const result = buildNotice({ document: doc, version: version('x', { id: '2025-06-01', published: '2025-05-01', change: 'material' }), previous: undefined, site });
    expect(result.text).not.toContain('/compare/');
    expect(result.html).not.toContain('/compare/');
  });

  it.each([
    { contact: 'https://example.com/contact', html: '<a href="https://example.com/contact">https://example.com/contact</a>' },
    { contact: 'javascript:alert(1)', html: 'Contact javascript:alert(1).' },
    { contact: 'Write to <Legal> & "Co"', html: 'Contact Write to &lt;Legal&gt; &amp; &quot;Co&quot;.' },
  ])('links a contact only when it is a web or mail address: $contact', ({ contact, html }) => {
    const doc = legalDocument('x', 'X & <Y>', [], { contact });
    const result = buildNotice({ document: doc, version: version('x', { id: '2025-06-01', published: '2025-05-01', change: 'material' }), previous: undefined, site });
    expect(result.html).toContain(html);
    expect(result.html).toContain('<title>Example: changes to our X &amp; &lt;Y&gt;, effective 1 June 2025</title>');
    expect(result.html).not.toContain('href="javascript:');
  });
});
