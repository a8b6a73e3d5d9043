import { describe, expect, it } from 'vitest';
import { contactLink, nextOrder, planNewDocument, type NewDocumentRequest } from '../../../src/lib/authoring/new-document.ts';
import { treeWithFiles } from '../../../src/lib/authoring/plan.ts';
import { validateContent } from '../../../src/lib/content/validation.ts';
import { DEFAULT_PLACEHOLDERS } from '../../../src/lib/site/config.ts';
import { treeOf } from './tree.ts';

const request = (fields: Partial<NewDocumentRequest>): NewDocumentRequest => ({
  slug: 'acceptable-use',
  title: 'Acceptable Use Policy',
  today: '2026-11-23',
  company: 'Acme Ltd',
  siteContact: 'legal@acme.example',
  placeholders: DEFAULT_PLACEHOLDERS,
  hasLockScript: false,
  ...fields,
});

describe('planNewDocument', () => {
  it('writes document.yaml with defaults and a draft first version', () => {
    const plan = planNewDocument(request({}), treeOf());
    if (!plan.ok) throw new Error(plan.errors.join('\n'));
    expect(plan.files.map((file) => file.path)).toEqual(['acceptable-use/document.yaml', 'acceptable-use/2026-11-23.mdx']);
    expect(plan.files[0]?.text).toBe(
      'title: Acceptable Use Policy\ndescription: The Acceptable Use Policy of Acme Ltd.\norder: 3\nnoticeDays: 30\ncontact: legal@acme.example\n',
    );
    expect(plan.files[1]?.text).toMatch(
      /^---\neffective: 2026-11-23\npublished: 2026-11-23\nchange: initial\nsummary: First version of the Acceptable Use Policy.\ndraft: true\n---\n\nThis Acceptable Use Policy explains \[INSERT /,
    );
    expect(plan.files[1]?.text).toContain('contact us at [legal@acme.example](mailto:legal@acme.example).');
    expect(plan.nextSteps.join('\n')).toMatch(/delete the line "draft: true"/);
  });

  it('leaves content that only warns of the unfinished draft, and no placeholder left once it is finished', () => {
    const tree = treeOf();
    const plan = planNewDocument(request({ noticeDays: 14, order: 7, contact: 'https://acme.example/contact', description: 'Rules for using Acme.' }), tree);
    if (!plan.ok) throw new Error(plan.errors.join('\n'));
    const options = { placeholders: DEFAULT_PLACEHOLDERS, excludeDrafts: true };
    const unfinished = validateContent(treeWithFiles(tree, plan.files), options);
    expect(unfinished.issues).toEqual([]);
    expect(unfinished.warnings.map((issue) => issue.field)).toEqual(['versions']);
    const finished = plan.files.map((file) => ({ ...file, text: file.text.replace('draft: true\n', '').replace(/\[INSERT [^\]]*\]/g, 'Final words') }));
    expect(validateContent(treeWithFiles(tree, finished), options).issues).toEqual([]);
    expect(plan.files[0]?.text).toContain('order: 7\nnoticeDays: 14\ncontact: https://acme.example/contact\n');
  });

  it.each([
    ['an invalid slug', { slug: 'Acceptable_Use' }, /not a valid document slug/],
    ['a reserved slug', { slug: 'search' }, /"search" is reserved/],
    ['an existing document', { slug: 'alpha' }, /a document "alpha" already exists/],
    ['no title', { title: undefined }, /--title is required/],
    ['a negative notice period', { noticeDays: -1 }, /--notice-days must be a whole number of days, zero or more/],
    ['a notice period that is not a number', { noticeDays: Number.NaN }, /--notice-days must be a whole number/],
    ['an effective date in the past', { effective: '2026-01-01' }, /before today .* use npm run import with --published/],
  ] as const)('refuses %s', (_name, fields, message) => {
    const plan = planNewDocument(request(fields), treeOf());
    expect(plan.ok ? '' : plan.errors.join('\n')).toMatch(message);
  });
});

describe('helpers', () => {
  it('nextOrder puts a new document after the others', () => {
    expect(nextOrder(treeOf())).toBe(3);
    expect(nextOrder(treeOf({}))).toBe(1);
  });

  it.each([
    ['dpo@acme.example', '[dpo@acme.example](mailto:dpo@acme.example)'],
    ['https://acme.example/contact', '[https://acme.example/contact](https://acme.example/contact)'],
  ])('contactLink(%s)', (contact, link) => {
    expect(contactLink(contact)).toBe(link);
  });
});
