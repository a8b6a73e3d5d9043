import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readContentTree } from '../../../src/lib/content/files.ts';
import { DEFAULT_PLACEHOLDERS } from '../../../src/lib/site/config.ts';
import { formatContentIssues, validateContent } from '../../../src/lib/content/validation.ts';
import { applyCase, BROKEN_CONTENT_CASES } from '../../support/broken-content.ts';
import { type ContentFiles, validContent, writeContent } from '../../support/content-fixtures.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function validate(files: ContentFiles, excludeDrafts = true) {
  const dir = writeContent(files);
  dirs.push(dir);
  const result = validateContent(readContentTree(dir, dir), { placeholders: DEFAULT_PLACEHOLDERS, excludeDrafts });
  return { ...result, dir };
}

describe('validateContent on valid content', () => {
  it('accepts the fixture and returns its documents in order, versions oldest first', () => {
    const { documents, issues } = validate(validContent());
    expect(issues).toEqual([]);
    expect(documents.map((document) => document.slug)).toEqual(['alpha', 'beta']);
    expect(documents[0]?.versions.map((version) => version.id)).toEqual(['2024-01-01', '2024-06-01', '2027-02-01']);
    expect(documents[0]?.noticeDays).toBe(30);
    expect(documents[0]?.versions[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('leaves drafts out of production and keeps them for development', () => {
    const files = {
      ...validContent(),
      'alpha/2027-06-01.mdx': '---\neffective: 2027-06-01\npublished: 2027-05-30\nchange: material\nsummary: Work in progress, TODO.\ndraft: true\n---\n\nTODO\n',
    };
    expect(validate(files).issues).toEqual([]);
    expect(validate(files, true).documents[0]?.versions.map((version) => version.id)).not.toContain('2027-06-01');
    expect(validate(files, false).documents[0]?.versions.map((version) => version.id)).toContain('2027-06-01');
  });
});

describe.each(BROKEN_CONTENT_CASES)('validateContent rejects: $name', ({ change, file, field, message }) => {
  it('names the file, the field and what is wrong', () => {
    const { issues, dir } = validate(applyCase(change));
    const relativeFile = (path: string) => relative(dir, join(dir, path));
    const match = issues.find((issue) => issue.file === relativeFile(file) && issue.field === field && message.test(issue.message));
    expect(match, `issues were:\n${formatContentIssues(issues)}`).toBeDefined();
    expect(match?.fix.length).toBeGreaterThan(10);
  });
});

describe('formatContentIssues', () => {
  it('prints file:line, field, message and fix', () => {
    const text = formatContentIssues([{ file: 'content/a/2024-01-01.mdx', line: 7, field: 'body', message: 'placeholder "TODO"', fix: 'finish it' }]);
    expect(text).toContain('content/a/2024-01-01.mdx:7 [body]');
    expect(text).toContain('placeholder "TODO"');
    expect(text).toContain('Fix: finish it');
    expect(text).toContain('1 problem');
  });

  it('reports the line of a placeholder in the file', () => {
    const files = validContent();
    files['alpha/2024-06-01.mdx'] = files['alpha/2024-06-01.mdx']!.replace('every customer.', 'every customer [INSERT DATE].');
    const issue = validate(files).issues.find((candidate) => candidate.field === 'body');
    // Frontmatter is lines 1-6, a blank line 7, "## Scope" 8, blank 9, the sentence 10.
    expect(issue?.line).toBe(10);
  });
});
