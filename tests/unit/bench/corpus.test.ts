import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffArrays } from 'diff';
import { afterAll, describe, expect, it } from 'vitest';
import { type CorpusOptions, generateCorpus, writeCorpus } from '../../../scripts/bench/corpus.ts';
import { checkContent } from '../../../src/lib/content/check.ts';
import { splitFrontmatter } from '../../../src/lib/content/files.ts';
import { DEFAULT_PLACEHOLDERS } from '../../../src/lib/site/config.ts';

const small: CorpusOptions = { documents: 3, versions: 8, words: 1200, seed: 7 };
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const bodyWords = (source: string): string[] => splitFrontmatter(source).body.split(/\s+/).filter(Boolean);
const versionsOf = (files: Record<string, string>, slug: string): string[] =>
  Object.keys(files)
    .filter((path) => path.startsWith(`${slug}/`) && path.endsWith('.mdx'))
    .sort()
    .map((path) => files[path] as string);

describe('generateCorpus', () => {
  it('gives the same bytes for the same options, and other bytes for another seed', () => {
    expect(generateCorpus(small)).toEqual(generateCorpus(small));
    expect(generateCorpus({ ...small, seed: 8 }).files).not.toEqual(generateCorpus(small).files);
  });

  it('has documents x versions files of about the requested size', () => {
    const { files } = generateCorpus(small);
    expect(Object.keys(files).filter((path) => path.endsWith('.mdx'))).toHaveLength(small.documents * small.versions);
    expect(Object.keys(files).filter((path) => path.endsWith('document.yaml'))).toHaveLength(small.documents);
    for (const source of Object.values(files).filter((text) => text.startsWith('---'))) {
      const words = bodyWords(source).length;
      expect(words).toBeGreaterThan(small.words * 0.9);
      expect(words).toBeLessThan(small.words * 1.3);
    }
  });

  it('passes every content rule, lock included, with no issue', () => {
    const dir = mkdtempSync(join(tmpdir(), 'redline-corpus-'));
    dirs.push(dir);
    const corpus = generateCorpus(small);
    writeCorpus(dir, corpus);
    const check = checkContent({ projectRoot: dir, contentDirOverride: dir, placeholders: DEFAULT_PLACEHOLDERS, production: true, today: corpus.now });
    expect(check.issues).toEqual([]);
    expect(check.allDocuments.flatMap((document) => document.versions)).toHaveLength(small.documents * small.versions);
    expect(check.documents.flatMap((document) => document.versions).some((version) => version.change === 'material')).toBe(true);
  });

  it('is prefix-stable: one more version per document keeps every earlier file as it was', () => {
    const base = generateCorpus(small).files;
    const longer = generateCorpus({ ...small, versions: small.versions + 1 }).files;
    for (const [path, text] of Object.entries(base)) expect(longer[path]).toBe(text);
    expect(Object.keys(longer).length).toBe(Object.keys(base).length + small.documents);
  });

  it('changes a few percent of the words from one version to the next, every time, and now and then moves a section', () => {
    const { files } = generateCorpus({ ...small, versions: 20 });
    const shares: number[] = [];
    for (const slug of ['privacy', 'terms', 'cookies']) {
      const versions = versionsOf(files, slug).map(bodyWords);
      for (let k = 1; k < versions.length; k++) {
        const changed = diffArrays(versions[k - 1] as string[], versions[k] as string[])
          .filter((part) => part.added || part.removed)
          .reduce((sum, part) => sum + part.count, 0);
        shares.push(changed / (versions[k] as string[]).length);
      }
    }
    expect(Math.min(...shares)).toBeGreaterThan(0);
    const median = [...shares].sort((a, b) => a - b)[Math.floor(shares.length / 2)] as number;
    expect(median).toBeGreaterThan(0.01);
    expect(median).toBeLessThan(0.12);
    // A moved section reads as a whole section removed and added again: far more than an ordinary edit.
    expect(shares.filter((share) => share > 0.25).length).toBeGreaterThan(0);
    expect(shares.filter((share) => share > 0.25).length).toBeLessThan(shares.length * 0.3);
  });
});
