/**
 * A recorded correction, built for real: the version page shows what it changed as a redline, the API lists both
 * sha256s with their dates, and the feed says when and why the text was corrected.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, readContentTree, sourceSha256 } from '../../src/lib/content/files.ts';
import { emptyLock, serializeLock, updateLock } from '../../src/lib/content/lock.ts';
import { DEFAULT_PLACEHOLDERS } from '../../src/lib/site/config.ts';
import { validateContent } from '../../src/lib/content/validation.ts';
import { buildSite, TEST_BUILDS } from '../support/build-site.ts';
import { validContent, writeContent } from '../support/content-fixtures.ts';

const front = (corrections: string) =>
  `---\neffective: 2024-03-01\npublished: 2024-02-01\nchange: initial\nsummary: First version of the beta terms.\n${corrections}---\n\n`;
const BODY = '## Scope\n\nThis document applies to evry customer.\n\n## Complaints\n\nWrite to us at [our complaints page](https://example.com/complaints-old).\n';
const BEFORE = `${front('')}${BODY}`;
const AFTER = `${front('corrections:\n  - date: 2025-03-02\n    reason: Fixed a typo and the link to the complaints page.\n')}${BODY.replace('evry', 'every').replace('complaints-old', 'complaints')}`;

let dir = '';
let outDir = '';
beforeAll(() => {
  dir = writeContent({ ...validContent(), 'beta/2024-03-01.mdx': AFTER }, TEST_BUILDS, { lockFrom: false });
  // The lock as `npm run lock` leaves it: the version locked as published, then the correction recorded with the text before it.
  const documentsWith = (source: string) => {
    writeFileSync(join(dir, 'beta/2024-03-01.mdx'), source);
    return validateContent(readContentTree(dir, dir), { placeholders: DEFAULT_PLACEHOLDERS, excludeDrafts: true }).documents;
  };
  const published = updateLock(documentsWith(BEFORE), emptyLock(), { today: '2024-02-01', recordedOn: (version) => version.published }).lock;
  const corrected = updateLock(documentsWith(AFTER), published, { today: '2025-03-02', sourceOf: () => AFTER, previousSourceOf: () => BEFORE });
  expect(corrected.refused).toEqual([]);
  writeFileSync(join(dir, LOCK_FILE), serializeLock(corrected.lock));
  outDir = buildSite({ name: 'corrections', contentDir: dir });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = (path: string) => readFileSync(join(outDir, path), 'utf8');

describe('a corrected version', () => {
  it('shows on its page what the correction changed, as a redline', () => {
    const page = read('beta/2024-03-01/index.html');
    const redline = /<details class="correction-redline">([\s\S]*?)<\/details>\s*<\/div>/.exec(page)?.[1] ?? '';
    expect(redline).toMatch(/What the correction of <time datetime="2025-03-02">2 March 2025<\/time> changed/);
    const words = (tag: string) => [...redline.matchAll(new RegExp(`<${tag} [^>]*>(.*?)</${tag}>`, 'g'))].map((match) => (match[1] ?? '').replace(/<[^>]+>|\[(?:inserted|deleted): |\]/g, ''));
    expect(words('del')).toEqual(['evry', '-old']);
    expect(words('ins')).toEqual(['every']);
  });

  it('lists in the API every sha256 it has had, with its date', () => {
    const api = JSON.parse(read('api/beta/versions.json'));
    expect(api.versions[0].sha256).toBe(sourceSha256(AFTER));
    expect(api.versions[0].sha256_history).toEqual([
      { sha256: sourceSha256(BEFORE), date: '2024-02-01', reason: null },
      { sha256: sourceSha256(AFTER), date: '2025-03-02', reason: 'Fixed a typo and the link to the complaints page.' },
    ]);
  });

  it('reaches the feeds: the entry says when and why, and is updated on that day', () => {
    const feed = JSON.parse(read('beta/feed.json'));
    expect(feed.items[0].content_text).toContain('Corrected on 2 March 2025: Fixed a typo and the link to the complaints page.');
    expect(feed.items[0].date_modified).toBe('2025-03-02T00:00:00Z');
    expect(feed.items[0]._redline.sha256_history.map((text: { sha256: string; date: string }) => [text.sha256, text.date])).toEqual([
      [sourceSha256(BEFORE), '2024-02-01'],
      [sourceSha256(AFTER), '2025-03-02'],
    ]);
    expect(read('beta/atom.xml')).toMatch(/<updated>2025-03-02T00:00:00Z<\/updated>/);
  });
});
