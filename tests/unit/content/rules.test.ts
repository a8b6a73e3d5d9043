import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { readContentTree } from '../../../src/lib/content/files.ts';
import { characterIssues, compilerView, linkProblem, parseVersionBody, versionAnchors, versionFileIssues } from '../../../src/lib/content/rules.ts';
import { DEFAULT_PLACEHOLDERS } from '../../../src/lib/site/config.ts';
import { formatContentIssues, validateContent } from '../../../src/lib/content/validation.ts';
import { validContent, writeContent } from '../../support/content-fixtures.ts';
import { UNSAFE_CONTENT_CASES, unsafeFiles } from '../../support/unsafe-content.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Writes a case's content (with the lock of the valid content) and validates it as `npm run check` does. */
function check(testCase: (typeof UNSAFE_CONTENT_CASES)[number]) {
  const { files, bytes } = unsafeFiles(testCase);
  const dir = writeContent(files, undefined, { lockFrom: validContent() });
  dirs.push(dir);
  for (const [path, content] of Object.entries(bytes)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return validateContent(readContentTree(dir, dir), { placeholders: DEFAULT_PLACEHOLDERS, excludeDrafts: true }).issues;
}

describe('the unsafe content table', () => {
  it('has at least 40 cases, each with its own name', () => {
    expect(UNSAFE_CONTENT_CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(UNSAFE_CONTENT_CASES.map((testCase) => testCase.name)).size).toBe(UNSAFE_CONTENT_CASES.length);
  });
});

describe.each(UNSAFE_CONTENT_CASES)('the check refuses $name', (testCase) => {
  it('naming the file, the line and the fix', () => {
    const issues = check(testCase);
    const found = issues.find((issue) => issue.file === testCase.file && testCase.message.test(issue.message));
    expect(found, `issues were:\n${formatContentIssues(issues)}`).toBeDefined();
    if (testCase.line !== undefined) expect(found?.line).toBe(testCase.line);
    expect(found?.fix).toMatch(testCase.fix);
  });
});

describe('valid content passes the rules', () => {
  it.each([
    ['tables, line breaks, footnote marks and abbreviations', '| Name | Purpose |\n| --- | --- |\n| Acme<br />Inc. | Hosting<sup>1</sup> |\n\n<abbr title="General Data Protection Regulation">GDPR</abbr> applies.\n'],
    ['escaped braces and angle brackets', 'Fees are charged in \\{currency\\}; 3 \\< 4.\n'],
    ['links of every allowed scheme and form', '[a](https://example.com "Title") [b][ref] [c](mailto:dpo@example.com) [d](tel:+441234567) www.example.org\n\n[ref]: http://example.com/\n'],
    ['an in-page link and a DocLink section', '## Retention\n\nSee [retention](#retention) and <DocLink doc="beta" section="scope">beta</DocLink>.\n'],
    ['an HTML anchor and a link to it', '<a id="annex-a"></a>\n\n## Schedule of fees\n\nSee [the annex](#annex-a) and [the fees](#schedule-of-fees).\n'],
    ['a Callout with literal attributes', '<Callout type="warning" title="Heads up">\n\nText.\n\n</Callout>\n'],
    ['headings in other scripts', '## Données personnelles\n\n## 個人情報\n\n## 4.2\n'],
    ['the words import and export in prose', 'We import and export nothing. Export controls apply.\n'],
  ])('%s', (_name, body) => {
    const files = { ...validContent(), 'alpha/2024-06-01.mdx': validContent()['alpha/2024-06-01.mdx']!.replace(/\n## Scope[\s\S]*$/, `\n${body}`) };
    const dir = writeContent(files, undefined, { lockFrom: files });
    dirs.push(dir);
    const { issues } = validateContent(readContentTree(dir, dir), { placeholders: DEFAULT_PLACEHOLDERS, excludeDrafts: true });
    expect(issues, formatContentIssues(issues)).toEqual([]);
  });
});

describe('compilerView', () => {
  it.each([
    ['---\na: 1\n---\n\nText\n'],
    ['---\nsummary: "x\n+++ y"\n---\n\nText\n'],
    ['+++\na = 1\n+++\nText\n'],
    ['\n---\na: 1\n---\nText\n'],
    ['No frontmatter\n'],
  ])('extracts the frontmatter exactly as Astro does: %j', (source) => {
    expect(compilerView(source).frontmatter).toBe(extractFrontmatter(source));
  });

  it('keeps every line and column of the file', () => {
    const source = '---\neffective: 2024-06-01\n---\n\n## Scope\n';
    const { content } = compilerView(source);
    expect(content.length).toBe(source.length);
    expect(content.split('\n').length).toBe(source.split('\n').length);
  });
});

describe('parseVersionBody', () => {
  it('reports the line and column of the file for a syntax error', () => {
    const parsed = parseVersionBody('---\na: 1\n---\n\nText <Callout>\n');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect([parsed.line, parsed.message.length > 0]).toEqual([5, true]);
  });
});

describe('versionAnchors', () => {
  it('gives the clause anchors the build gives (numbering left out, duplicates numbered, old anchors kept)', () => {
    const parsed = parseVersionBody('## 4.2 Retention\n\n## Retention\n\n<span id="annex-a">Annex A</span>\n');
    expect(parsed.ok && [...versionAnchors(parsed.tree)]).toEqual(['retention', 'retention-1', 'annex-a']);
  });
});

describe('linkProblem', () => {
  it.each([
    ['https://example.com', undefined],
    ['mailto:dpo@example.com', undefined],
    ['#scope', undefined],
    ['java\tscript:alert(1)', /javascript: scheme/],
    ['  /privacy/', /root-relative/],
    ['privacy', /relative link/],
    ['', /no target/],
  ])('%j', (url, expected) => {
    const problem = linkProblem(url);
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem?.message).toMatch(expected);
  });
});

describe('characterIssues', () => {
  it('allows tabs, line feeds and CRLF line endings, and reports one issue per line', () => {
    expect(characterIssues('f', 'a\tb\r\nc\n', () => 'body')).toEqual([]);
    const issues = characterIssues('f', 'ok\n\u0000\u0001\nx\u2067y\n', () => 'body');
    expect(issues.map((issue) => [issue.line, issue.column])).toEqual([[2, 1], [3, 2]]);
  });
});

describe('versionFileIssues (one file alone, as the dev server compiles it)', () => {
  const file = (body: string) => `---\neffective: 2024-06-01\n---\n\n${body}`;
  it.each([
    ['code', 'Token: {process.env.SECRET}\n', /is a JavaScript expression/],
    ['an import', 'import fs from "node:fs"\n', /import\/export is code/],
    ['unreadable MDX', '<Callout>\n', /MDX cannot be read/],
    ['an image that is not beside it', '![x](./missing.png)\n', /is not an image file/],
  ])('refuses %s, with the line of the file', (_name, body, message) => {
    const issues = versionFileIssues('content/a/2024-06-01.mdx', file(body), []);
    expect(issues[0]?.message).toMatch(message);
    expect(issues[0]?.line).toBe(5);
  });

  it('accepts text, DocLinks (their targets are checked with the whole content) and images beside it', () => {
    expect(versionFileIssues('content/a/2024-06-01.mdx', file('See <DocLink doc="anything">it</DocLink>.\n\n![x](./diagram.png)\n'), ['diagram.png'])).toEqual([]);
  });
});
