import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/content/check.ts';
import { DEFAULT_PLACEHOLDERS } from '../../../src/lib/site/config.ts';
import { type ContentFiles, validContent, versionFile, writeContent } from '../../support/content-fixtures.ts';

// validContent(), locked as published: alpha (30 days' notice) 2024-01-01, 2024-06-01, 2027-02-01 (announced
// 2026-11-20); beta (14 days) 2024-03-01. The check runs as of 2026-11-23 unless a case says otherwise.
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function check(changes: ContentFiles, today = '2026-11-23', removed: string[] = []) {
  const files = { ...validContent(), ...changes };
  for (const path of removed) delete files[path];
  const dir = writeContent(files, undefined, { lockFrom: validContent() });
  dirs.push(dir);
  return checkContent({ projectRoot: dir, contentDirOverride: dir, placeholders: DEFAULT_PLACEHOLDERS, production: true, today, git: false });
}

const BODY = '## Scope\n\nBeta applies to every customer in the European Union.\n';

describe('history rules', () => {
  it.each<{ name: string; changes: ContentFiles; today?: string; expected: [string, RegExp, RegExp?][] }>([
    {
      name: 'a back-dated version inserted before a published one',
      changes: { 'alpha/2025-06-01.mdx': versionFile({ effective: '2025-06-01', published: '2025-05-01', change: 'minor', summary: 'Clarifies the scope section.' }, BODY) },
      expected: [
        ['effective', /a new version takes effect on 2025-06-01, but a published version of alpha already takes effect on 2027-02-01/, /effective: 2027-02-02 or later/],
        ['published', /published says 2025-05-01, but this version did not exist before 2026-11-23 \(it is not in .* yet, so it first appears today, 2026-11-23\)/],
      ],
    },
    {
      name: 'a material change typed as announced two months ago',
      changes: { 'beta/2026-12-20.mdx': versionFile({ effective: '2026-12-20', published: '2026-09-23', change: 'material', summary: 'Extends the terms to the United Kingdom.' }, BODY) },
      expected: [['published', /published says 2026-09-23, but this version did not exist before 2026-11-23/, /announce it today: published: 2026-11-23, effective: 2026-12-07 or later \(14 days' notice\)/]],
    },
    {
      name: 'a version that took effect eleven days ago',
      changes: { 'beta/2026-11-12.mdx': versionFile({ effective: '2026-11-12', published: '2026-11-12', change: 'minor', summary: 'Clarifies the scope section.' }, BODY) },
      expected: [['published', /published says 2026-11-12/, /published: 2026-11-23, effective: 2026-11-23 or later, and name the file 2026-11-23.mdx/]],
    },
    {
      name: 'a well-announced new version (only waits for the lock)',
      changes: { 'beta/2026-12-07.mdx': versionFile({ effective: '2026-12-07', published: '2026-11-23', change: 'material', summary: 'Extends the terms to the United Kingdom.' }, BODY) },
      expected: [],
    },
    {
      name: 'a version whose text equals its predecessor',
      changes: { 'beta/2026-12-07.mdx': versionFile({ effective: '2026-12-07', published: '2026-11-23', change: 'material', summary: 'Extends the terms to the United Kingdom.' }, '## Scope\n\nThis document   applies to everyone.\n') },
      expected: [['body', /the text is the same as the version of 2024-03-01 \(.*beta\/2024-03-01.mdx\): nothing would change/, /make the change in the text, or delete this file/]],
    },
    {
      name: 'imported history added after the document was published here',
      changes: {
        'alpha/2023-01-01.mdx': versionFile({ effective: '2023-01-01', published: '2022-12-01', change: 'initial', summary: 'The first alpha policy, from the old site.', imported: true }, BODY),
        'alpha/2024-01-01.mdx': versionFile({ effective: '2024-01-01', published: '2023-12-01', change: 'initial', summary: 'First version of the alpha policy.' }),
      },
      expected: [
        ['change', /change: initial is only for the first version/],
        ['text', /alpha\/2024-01-01 was published, and its text has changed since/],
        ['imported', /imported history can only be added before the document's first version published on this site \(alpha\/2024-01-01 is already published\)/, /remove "imported: true"/],
      ],
    },
    {
      name: 'imported history of a document not yet published here',
      changes: {
        'gamma/document.yaml': 'title: Gamma\ndescription: The gamma terms.\norder: 3\nnoticeDays: 30\ncontact: gamma@example.com\n',
        'gamma/2019-05-01.mdx': versionFile({ effective: '2019-05-01', published: '2019-04-01', change: 'initial', summary: 'The first gamma terms, from the old site.', imported: true }, BODY),
        'gamma/2021-05-01.mdx': versionFile({ effective: '2021-05-01', published: '2021-05-01', change: 'material', summary: 'Extends the gamma terms to resellers.', imported: true }, `${BODY}\nResellers too.\n`),
      },
      expected: [],
    },
    {
      name: 'a published announcement date changed through a correction',
      changes: {
        'alpha/2024-06-01.mdx': `---\neffective: 2024-06-01\npublished: 2024-05-01\nchange: minor\nsummary: Fixed a typo in the scope section.\ncorrections:\n  - date: 2024-07-01\n    reason: Fixed a typo.\n---\n\n## Scope\n\nAlpha applies to every customer.\n\n## Retention\n\nWe keep data for two years.\n\nSee <DocLink doc="beta">the beta terms</DocLink>.\n`,
      },
      expected: [
        ['corrections', /alpha\/2024-06-01 records a new correction/],
        ['published', /alpha\/2024-06-01 was announced on 2024-06-01 \(.*versions.lock.json\); its published date is now 2024-05-01/, /restore "published: 2024-06-01"/],
      ],
    },
    {
      name: 'a correction dated in the future',
      changes: {
        'beta/2024-03-01.mdx': `---\neffective: 2024-03-01\npublished: 2024-02-01\nchange: initial\nsummary: First version of the beta terms.\ncorrections:\n  - date: 2099-01-01\n    reason: Fixed a typo.\n---\n\n## Scope\n\nThis document applies to everyone.\n`,
      },
      expected: [
        ['corrections', /beta\/2024-03-01 records a new correction/],
        ['corrections.date', /a correction is dated 2099-01-01, after today \(2026-11-23\)/, /2026-11-23 at the latest/],
      ],
    },
  ])('$name', ({ changes, today, expected }) => {
    const { issues } = check(changes, today);
    const found = issues.filter((issue) => issue.field !== 'lock file');
    expect(found.map((issue) => issue.field)).toEqual(expected.map(([field]) => field));
    expected.forEach(([, message, fix], index) => {
      expect(found[index]?.message).toMatch(message);
      if (fix) expect(found[index]?.fix).toMatch(fix);
      expect(found[index]?.file).toMatch(/\.mdx$/);
    });
  });
});

describe('scheduled announcements and drafts', () => {
  it('leaves out a version announced after the build date, and still protects it', () => {
    const early = check({}, '2026-11-19');
    expect(early.issues).toEqual([]);
    expect(early.documents.find((document) => document.slug === 'alpha')?.versions.map((version) => version.id)).toEqual(['2024-01-01', '2024-06-01']);
    expect(early.allDocuments.find((document) => document.slug === 'alpha')?.versions.map((version) => version.id)).toEqual(['2024-01-01', '2024-06-01', '2027-02-01']);
    expect(check({}, '2026-11-20').documents.find((document) => document.slug === 'alpha')?.versions).toHaveLength(3);
    // Removing the scheduled version is still removing a published one.
    expect(check({}, '2026-11-19', ['alpha/2027-02-01.mdx']).issues.map((issue) => issue.field)).toEqual(['file']);
  });

  it('leaves out a document with only drafts, with a warning instead of an error', () => {
    const { issues, warnings, documents } = check({
      'gamma/document.yaml': 'title: Gamma\ndescription: The gamma terms.\norder: 3\nnoticeDays: 30\ncontact: gamma@example.com\n',
      'gamma/2027-03-01.mdx': versionFile({ effective: '2027-03-01', published: '2026-11-23', change: 'initial', summary: 'First version of the gamma terms.', draft: true }, BODY),
    });
    expect(issues).toEqual([]);
    expect(documents.map((document) => document.slug)).toEqual(['alpha', 'beta']);
    expect(warnings.map((warning) => [warning.file, warning.field])).toEqual([[expect.stringMatching(/gamma$/), 'versions']]);
    expect(warnings[0]?.message).toMatch(/has only drafts, so it is left out of the published site/);
  });
});
