import { describe, expect, it } from 'vitest';
import { planImport, type ImportRequest } from '../../../src/lib/authoring/import-version.ts';
import { treeWithFiles } from '../../../src/lib/authoring/plan.ts';
import { DEFAULT_PLACEHOLDERS } from '../../../src/lib/site/config.ts';
import { validateContent } from '../../../src/lib/content/validation.ts';
import { treeOf } from './tree.ts';

const request = (fields: Partial<ImportRequest>): ImportRequest => ({
  document: 'acceptable-use',
  effective: '2025-01-01',
  force: false,
  title: 'Acceptable Use Policy',
  body: 'Intro.\n\n## Scope\n\nFrom [INSERT DATE].\n',
  company: 'Acme Ltd',
  siteContact: 'legal@acme.example',
  placeholders: DEFAULT_PLACEHOLDERS,
  hasLockScript: false,
  ...fields,
});

describe('planImport', () => {
  it('creates a new document and a draft version when placeholders remain, with their lines', () => {
    const plan = planImport(request({}), treeOf());
    if (!plan.ok) throw new Error(plan.errors.join('\n'));
    expect(plan.files.map((file) => file.path)).toEqual(['acceptable-use/document.yaml', 'acceptable-use/2025-01-01.mdx']);
    expect(plan.files[1]?.text).toBe(
      '---\neffective: 2025-01-01\npublished: 2025-01-01\nchange: initial\nsummary: First version of the Acceptable Use Policy.\ndraft: true\n---\n\nIntro.\n\n## Scope\n\nFrom [INSERT DATE].\n',
    );
    expect(plan.draft).toBe(true);
    // The file's line 13: seven lines of frontmatter block, a blank line, then the body's fifth line.
    expect(plan.placeholders).toEqual([{ line: 13, text: '[INSERT DATE]' }]);
    expect(plan.files[1]?.text.split('\n')[12]).toBe('From [INSERT DATE].');
  });

  it('writes a finished version that validates when there are no placeholders', () => {
    const tree = treeOf();
    const plan = planImport(request({ body: 'Intro.\n', published: '2024-12-01' }), tree);
    if (!plan.ok) throw new Error(plan.errors.join('\n'));
    expect(plan.draft).toBe(false);
    expect(plan.files[1]?.text).not.toContain('draft');
    expect(validateContent(treeWithFiles(tree, plan.files), { placeholders: DEFAULT_PLACEHOLDERS, excludeDrafts: true }).issues).toEqual([]);
  });

  it('adds a version to an existing document without touching its document.yaml', () => {
    const plan = planImport(request({ document: 'beta', effective: '2025-06-01', published: '2025-05-01', change: 'material', summary: 'Imported the revised terms.', body: 'Text.\n' }), treeOf());
    if (!plan.ok) throw new Error(plan.errors.join('\n'));
    expect(plan.files.map((file) => file.path)).toEqual(['beta/2025-06-01.mdx']);
  });

  it.each([
    ['a version that already exists', { document: 'beta', effective: '2024-03-01', change: 'minor' as const }, /beta\/2024-03-01.mdx already exists: .* --force/],
    ['no --change for a document that has versions', { document: 'beta', effective: '2025-06-01' }, /--change material or --change minor/],
    ['a new document without a title', { title: undefined }, /pass --title/],
    ['published after effective', { published: '2025-02-01' }, /--published 2025-02-01 is after --effective 2025-01-01/],
    ['a reserved slug', { document: 'api' }, /"api" is reserved/],
    ['what validation would reject', { document: 'beta', effective: '2025-06-01', published: '2025-06-01', change: 'material' as const, summary: 'Imported the revised terms.', body: 'Text.\n' }, /announced 0 day\(s\) ahead, but .* promises 14 days' notice/],
  ])('refuses %s', (_name, fields, message) => {
    const plan = planImport(request(fields), treeOf());
    expect(plan.ok ? '' : plan.errors.join('\n')).toMatch(message);
  });

  it('replaces an existing version with --force', () => {
    const plan = planImport(request({ document: 'beta', effective: '2024-03-01', published: '2024-02-01', change: 'initial', force: true, body: 'New text.\n' }), treeOf());
    expect(plan.ok && plan.files.map((file) => file.path)).toEqual(['beta/2024-03-01.mdx']);
  });
});
