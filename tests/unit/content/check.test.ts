import { rmSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/content/check.ts';
import { DEFAULT_PLACEHOLDERS } from '../../../src/lib/site/config.ts';
import { formatContentIssues } from '../../../src/lib/content/validation.ts';
import { documentFile, validContent, writeContent } from '../../support/content-fixtures.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** `npm run check` (production rules, lock enforced) on validContent() with `change`, locked as validContent(). */
function check(change: Record<string, string>, remove: string[] = []) {
  const dir = writeContent({ ...validContent(), ...change }, undefined, { lockFrom: validContent() });
  dirs.push(dir);
  for (const path of remove) unlinkSync(join(dir, path));
  // Paths in issues are relative to the project root; the content folder is the temporary folder inside it.
  const issues = checkContent({ projectRoot: dirname(dir), contentDirOverride: dir, placeholders: DEFAULT_PLACEHOLDERS, production: true, today: '2026-11-23', git: false }).issues;
  return issues.map((issue) => ({ ...issue, file: issue.file.replace(`${basename(dir)}/`, '') }));
}

describe('checkContent', () => {
  it.each([
    ['a document.yaml with a field missing', { 'alpha/document.yaml': documentFile({ description: 'The alpha policy.', order: 1, noticeDays: 30, contact: 'alpha@example.com' }) }],
    ['a document.yaml that is not YAML', { 'alpha/document.yaml': 'title: [unclosed\n' }],
    ['a document.yaml with a javascript: contact', { 'alpha/document.yaml': documentFile({ title: 'Alpha', description: 'The alpha policy.', order: 1, noticeDays: 30, contact: 'javascript:alert(1)' }) }],
  ])('reports %s once, not also each of its versions as gone', (_name, change) => {
    const issues = check(change);
    expect(issues.map((issue) => issue.file), formatContentIssues(issues)).toEqual(['alpha/document.yaml']);
  });

  it('still reports a published version whose file is gone', () => {
    const issues = check({}, ['alpha/2024-06-01.mdx']);
    expect(issues.map((issue) => [issue.file, issue.field])).toEqual([['alpha/2024-06-01.mdx', 'file']]);
  });

  it('still reports a published version that became a draft', () => {
    const draft = validContent()['alpha/2024-06-01.mdx']!.replace('change: minor', 'change: minor\ndraft: true');
    const issues = check({ 'alpha/2024-06-01.mdx': draft });
    expect(issues.some((issue) => issue.file === 'alpha/2024-06-01.mdx' && issue.field === 'file'), formatContentIssues(issues)).toBe(true);
  });
});
