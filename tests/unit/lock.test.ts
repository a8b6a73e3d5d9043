import { describe, expect, it } from 'vitest';
import { compareWithLock, emptyLock, lockIssues, parseLock, serializeLock, updateLock } from '../../src/lib/lock.ts';
import type { LegalDocument, Version } from '../../src/lib/types.ts';

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
const locked = updateLock(documentWith(version('2024-01-01', 'aaa'), version('2024-06-01', 'bbb')), emptyLock()).lock;

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
    const { lock, comparison } = updateLock(documentWith(version('2024-01-01', 'EDIT'), version('2024-06-01', 'NEW', 1), version('2025-01-01', 'ccc')), locked);
    expect(comparison.changed).toEqual(['privacy/2024-01-01']);
    expect(lock.versions['privacy/2024-01-01']?.sha256).toBe('aaa');
    expect(lock.versions['privacy/2024-06-01']).toMatchObject({ sha256: 'NEW', corrections: 1 });
    expect(lock.versions['privacy/2025-01-01']?.sha256).toBe('ccc');
  });
  it('never forgets a removed version', () => {
    expect(updateLock(documentWith(version('2024-01-01', 'aaa')), locked).lock.versions['privacy/2024-06-01']).toBeDefined();
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
  it.each(['not json', '{"versions": {}}', '[]'])('rejects %s', (text) => expect(parseLock(text).ok).toBe(false));
});
