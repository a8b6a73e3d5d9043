import { describe, expect, it } from 'vitest';
import { sourceSha256 } from '../../../src/lib/content/files.ts';
import { compareWithLock, documentEntries, emptyLock, lockIssues, parseLock, serializeLock, updateLock } from '../../../src/lib/content/lock.ts';
import type { LegalDocument, Version } from '../../../src/lib/content/types.ts';

const version = (id: string, sha256: string, corrections = 0, draft = false): Version => ({
  document: 'privacy',
  id,
  effective: id,
  published: id,
  change: 'minor',
  summary: 'A summary of the change.',
  draft,
  imported: false,
  corrections: Array.from({ length: corrections }, () => ({ date: id, reason: 'Fixed a typo.' })),
  sourcePath: `content/privacy/${id}.mdx`,
  sha256,
});
const documentWith = (...versions: Version[]): LegalDocument[] => [
  { slug: 'privacy', title: 'Privacy', description: 'd', order: 1, noticeDays: 0, contact: 'a@b.c', versions },
];
const locked = updateLock(documentWith(version('2024-01-01', 'aaa'), version('2024-06-01', 'bbb')), emptyLock(), { today: '2024-06-01' }).lock;

describe('compareWithLock', () => {
  it.each([
    { name: 'nothing changed', versions: [version('2024-01-01', 'aaa'), version('2024-06-01', 'bbb')], expected: {} },
    { name: 'a new version', versions: [version('2024-01-01', 'aaa'), version('2024-06-01', 'bbb'), version('2025-01-01', 'ccc')], expected: { added: ['privacy/2025-01-01'] } },
    { name: 'a silent edit', versions: [version('2024-01-01', 'aaa'), version('2024-06-01', 'XXX')], expected: { changed: ['privacy/2024-06-01'] } },
    { name: 'an edit with a correction', versions: [version('2024-01-01', 'aaa'), version('2024-06-01', 'XXX', 1)], expected: { corrected: ['privacy/2024-06-01'] } },
    { name: 'a removed version', versions: [version('2024-01-01', 'aaa')], expected: { removed: ['privacy/2024-06-01'] } },
    { name: 'a version turned back into a draft', versions: [version('2024-01-01', 'aaa'), version('2024-06-01', 'bbb', 0, true)], expected: { removed: ['privacy/2024-06-01'] } },
    { name: 'a new draft (not published, not locked)', versions: [version('2024-01-01', 'aaa'), version('2024-06-01', 'bbb'), version('2025-01-01', 'ccc', 0, true)], expected: {} },
  ])('$name', ({ versions, expected }) => {
    expect(compareWithLock(documentWith(...versions), locked)).toEqual({ added: [], corrected: [], changed: [], removed: [], ...expected });
  });
});

describe('updateLock', () => {
  it('records new and corrected versions and refuses silent edits', () => {
    const before = '---\nsummary: s\n---\n\nWe answer every reqest.\n';
    const after = '---\nsummary: s\ncorrections: [{ date: 2024-06-02, reason: Fixed a typo. }]\n---\n\nWe answer every request.\n';
    const start = updateLock(documentWith(version('2024-01-01', 'aaa'), version('2024-06-01', sourceSha256(before))), emptyLock(), { today: '2024-06-01' }).lock;
    const corrected = { ...version('2024-06-01', sourceSha256(after), 1), corrections: [{ date: '2024-06-02', reason: 'Fixed a typo.' }] };
    const { lock, comparison, refused } = updateLock(documentWith(version('2024-01-01', 'EDIT'), corrected, version('2025-01-01', 'ccc')), start, {
      today: '2024-06-05',
      sourceOf: () => after,
      previousSourceOf: (_version, sha256) => (sha256 === sourceSha256(before) ? before : undefined),
    });
    expect(comparison.changed).toEqual(['privacy/2024-01-01']);
    expect(refused).toEqual([]);
    expect(lock.versions['privacy/2024-01-01']?.sha256).toBe('aaa');
    const entry = lock.versions['privacy/2024-06-01'];
    expect(entry).toMatchObject({ sha256: sourceSha256(after), corrections: 1, recorded: '2024-06-01' });
    expect(entry?.texts.map((text) => [text.sha256, text.date, text.reason])).toEqual([
      [sourceSha256(before), '2024-06-01', undefined],
      [sourceSha256(after), '2024-06-02', 'Fixed a typo.'],
    ]);
    expect(entry?.texts[1]?.patch).toMatch(/-We answer every reqest\.\n\+We answer every request\./);
    expect(lock.versions['privacy/2025-01-01']).toMatchObject({ sha256: 'ccc', recorded: '2024-06-05', imported: false });
  });
  it('never forgets a removed version', () => {
    expect(updateLock(documentWith(version('2024-01-01', 'aaa')), locked, { today: '2024-07-01' }).lock.versions['privacy/2024-06-01']).toBeDefined();
  });
  it.each([
    ['the text before it is not in git', 'Fixed a typo.', undefined, /is not in git/],
    ['it changes an amount', 'Fixed a typo.', 'We charge £1,000.', /changes an amount \(-"£1,000\.", \+"£100\."\)/],
  ])('refuses a correction when %s', (_name, reason, beforeBody, message) => {
    const before = `---\nsummary: s\n---\n\n${beforeBody ?? 'x'}\n`;
    const after = '---\nsummary: s\n---\n\nWe charge £100.\n';
    const start = updateLock(documentWith(version('2024-06-01', sourceSha256(before))), emptyLock(), { today: '2024-06-01' }).lock;
    const corrected = { ...version('2024-06-01', sourceSha256(after), 1), corrections: [{ date: '2024-06-02', reason }] };
    const { lock, refused } = updateLock(documentWith(corrected), start, {
      today: '2024-06-05',
      sourceOf: () => after,
      previousSourceOf: () => (beforeBody === undefined ? undefined : before),
    });
    expect(refused.map((issue) => [issue.file, issue.field])).toEqual([['content/privacy/2024-06-01.mdx', 'corrections']]);
    expect(refused[0]?.message).toMatch(message);
    expect(lock.versions['privacy/2024-06-01']?.sha256).toBe(sourceSha256(before));
  });
  it('records imported history as imported, and a fixture lock on the days given', () => {
    const lock = updateLock(documentWith({ ...version('2019-01-01', 'old'), imported: true }), emptyLock(), { today: '2026-12-01', recordedOn: (v) => v.published }).lock;
    expect(lock.versions['privacy/2019-01-01']).toMatchObject({ imported: true, recorded: '2019-01-01' });
  });
});

describe('lockIssues', () => {
  it('asks for a lock file when there is none', () => {
    expect(lockIssues(documentWith(version('2024-01-01', 'aaa')), undefined, 'content/versions.lock.json', 'content')[0]?.message).toMatch(/no lock file/);
  });
  it('names the file, the field and the fix for each problem', () => {
    const issues = lockIssues(documentWith(version('2024-01-01', 'EDIT'), version('2025-01-01', 'ccc')), locked, 'content/versions.lock.json', 'content');
    expect(issues.map((issue) => [issue.file, issue.field])).toEqual([
      ['content/privacy/2025-01-01.mdx', 'lock file'],
      ['content/privacy/2024-01-01.mdx', 'text'],
      ['content/privacy/2024-06-01.mdx', 'file'],
    ]);
    expect(issues[1]?.fix).toMatch(/publish a new version instead/);
  });
});

describe('parseLock / serializeLock', () => {
  it('round-trips with sorted keys', () => {
    const text = serializeLock(locked);
    expect(parseLock(text)).toEqual({ ok: true, lock: locked });
    expect(text.indexOf('2024-01-01')).toBeLessThan(text.indexOf('2024-06-01'));
  });
  it.each(['not json', '{"versions": {}}', '[]', '{"lockfileVersion": 3, "versions": {}}', '{"lockfileVersion": 2, "versions": {"a/b": {"sha256": "x"}}}'])('rejects %s', (text) =>
    expect(parseLock(text).ok).toBe(false),
  );
  it('reads a version 1 lock as never witnessed, and writes it back as version 2', () => {
    const v1 = JSON.stringify({
      lockfileVersion: 1,
      versions: {
        'privacy/2024-01-01': { sha256: 'aaa', effective: '2024-01-01', published: '2023-12-01', corrections: 0 },
        'privacy/2024-06-01': { sha256: 'bbb', effective: '2024-06-01', published: '2024-05-01', corrections: 1 },
      },
    });
    const parsed = parseLock(v1);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.lock.versions['privacy/2024-01-01']).toEqual({
      sha256: 'aaa',
      effective: '2024-01-01',
      published: '2023-12-01',
      corrections: 0,
      recorded: null,
      imported: false,
      texts: [{ sha256: 'aaa', date: '2023-12-01' }],
    });
    // A text corrected before the lock kept its history: its earlier sha256s are not known.
    expect(parsed.lock.versions['privacy/2024-06-01']?.texts).toEqual([]);
    expect(JSON.parse(serializeLock(parsed.lock)).lockfileVersion).toBe(2);
  });
});

describe('documentEntries', () => {
  it("lists one document's entries only, not those of a document whose slug it begins", () => {
    const entry = { sha256: 'a', effective: '2025-01-01', published: '2025-01-01', corrections: 0, recorded: null, imported: false, texts: [] };
    const lock = { ...emptyLock(), versions: { 'terms/2025-01-01': entry, 'terms-of-sale/2025-01-01': entry, 'privacy/2025-01-01': entry } };
    expect(documentEntries(lock, 'terms').map(([key]) => key)).toEqual(['terms/2025-01-01']);
    expect(documentEntries(lock, 'cookies')).toEqual([]);
  });
});
