import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validContent, writeContent } from '../../support/content-fixtures.ts';
import { runScript } from '../../support/run-script.ts';

const WORDS = 'we may collect process store share personal data account service customer provider agreement law request notice security purpose consent right contract payment period termination'.split(' ');

/** A terms of service of about `words` words in numbered sections with lists and a table, deterministic for a seed. */
function termsOfService(words: number, edits: number): string {
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  const sentence = () => {
    const length = 12 + (next() % 14);
    const text = Array.from({ length }, () => WORDS[next() % WORDS.length]).join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const blocks: string[] = ['# Terms of Service', 'Last updated: 1 March 2020'];
  let count = 0;
  for (let section = 1; count < words; section += 1) {
    blocks.push(`## ${section}. Section about ${WORDS[section % WORDS.length]} and ${WORDS[(section * 7) % WORDS.length]}`);
    for (let paragraph = 0; paragraph < 4; paragraph += 1) {
      const text = [sentence(), sentence(), sentence()].join(' ');
      count += text.split(' ').length;
      blocks.push(text);
    }
    if (section % 5 === 0) blocks.push(['- first item of the list', '- second item of the list', '- third item, see [section 1](#1-section-about-data-and-collect)'].join('\n'));
    if (section % 9 === 0) blocks.push(['| Provider | Purpose | Location |', '| --- | --- | --- |', ...Array.from({ length: 12 }, (_, row) => `| Provider ${row} | Hosting and ${WORDS[row % WORDS.length]} | Region ${row} |`)].join('\n'));
  }
  // Each version edits a few sentences, as the versions of a real policy do.
  for (let edit = 0; edit < edits; edit += 1) {
    let index = 3 + ((edit * 37) % (blocks.length - 3));
    while (/^[#|-]/.test(blocks[index] ?? '')) index = index + 1 < blocks.length ? index + 1 : 3;
    blocks[index] = `${blocks[index] ?? ''} Revision ${edit} adds this sentence.`;
  }
  return `${blocks.join('\n\n')}\n`;
}

describe('importing a long history', { timeout: 120_000 }, () => {
  it('imports 60 versions of a 7,000-word document in one process in well under 30 seconds', () => {
    const folder = mkdtempSync(join(tmpdir(), 'redline-history-'));
    const start = Date.UTC(2019, 0, 1);
    for (let version = 0; version < 60; version += 1) {
      const date = new Date(start + version * 30 * 86_400_000).toISOString().slice(0, 10);
      // Every fifth version republishes the text before it unchanged, as real histories do.
      writeFileSync(join(folder, `${date}.md`), termsOfService(7_000, version - (version % 5 === 4 ? 1 : 0)));
    }
    const dir = writeContent(validContent());
    const started = performance.now();
    const run = runScript('import', [folder, '--history', '--document', 'tos'], dir);
    const seconds = (performance.now() - started) / 1000;
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(join(dir, 'tos')).filter((name) => name.endsWith('.mdx'))).toHaveLength(48);
    expect(run.stdout).toContain('48 version(s) from 60 text(s); 12 skipped:');
    // The figure for the report: the whole command (Node start, reading, converting, validating, locking).
    console.log(`60 versions of ~7,000 words imported in ${seconds.toFixed(1)} s (${/Imported in [\d.]+ s/.exec(run.stdout)?.[0] ?? ''} inside the process)`);
    expect(seconds).toBeLessThan(30);
  });
});
