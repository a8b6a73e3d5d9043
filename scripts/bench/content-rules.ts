/**
 * What the content rules (src/lib/content/rules.ts: every version read with Sätteri before Astro compiles it)
 * cost on the bench corpus: `npx node scripts/bench/content-rules.ts [documents versions words]`.
 * Times the rules, Sätteri's parse alone and the whole validateContent (rules included), best of five runs; no build.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readContentTree } from '../../src/lib/content/files.ts';
import { contentRuleIssues, parseVersionBody } from '../../src/lib/content/rules.ts';
import { DEFAULT_PLACEHOLDERS } from '../../src/lib/site/config.ts';
import { validateContent } from '../../src/lib/content/validation.ts';
import { generateCorpus, writeCorpus } from './corpus.ts';

const [documents = 10, versions = 30, words = 5000] = process.argv.slice(2).map(Number);
const dir = mkdtempSync(join(tmpdir(), 'redline-rules-bench-'));
try {
  writeCorpus(dir, generateCorpus({ documents, versions, words, seed: 1 }));
  const tree = readContentTree(dir, dir);
  const best = (run: () => unknown) => {
    const times: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      const started = performance.now();
      run();
      times.push(performance.now() - started);
    }
    return Math.min(...times);
  };
  const sources = tree.documents.flatMap((document) => document.versions.map((version) => version.source));
  const parse = best(() => sources.forEach((source) => parseVersionBody(source)));
  const rules = best(() => contentRuleIssues(tree));
  const all = best(() => validateContent(tree, { placeholders: DEFAULT_PLACEHOLDERS, excludeDrafts: true }));
  const issues = contentRuleIssues(tree).length;
  const files = tree.documents.reduce((sum, document) => sum + document.versions.length, 0);
  process.stdout.write(
    `${files} version files (${documents} x ${versions} x ${words} words): content rules ${rules.toFixed(0)} ms ` +
      `(${(rules / files).toFixed(2)} ms a file; Sätteri's parse alone ${parse.toFixed(0)} ms), whole validation with them ${all.toFixed(0)} ms; ${issues} issues\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
