import { createPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { correctionChanges, correctionRedlineHtml } from '../../../src/lib/content/correction-redlines.ts';
import { sourceSha256 } from '../../../src/lib/content/files.ts';
import type { VersionText } from '../../../src/lib/content/types.ts';

const FRONT = '---\neffective: 2025-02-01\npublished: 2025-01-10\nchange: initial\nsummary: First version of the terms.\n---\n';
const original = `${FRONT}\n## Complaints\n\nWrite to us using the [complaints form](https://example.com/form-old).\n\n## Liability\n\nWe are liable for direct loss.\n\n## Law\n\nEnglish law applies.\n`;
const first = original.replace('form-old', 'form');
const second = first.replace('We are liable', 'We are liable only').replace('direct loss', 'direct losses');

function texts(...sources: string[]): VersionText[] {
  return sources.map((source, index) => ({
    sha256: sourceSha256(source),
    date: ['2025-01-10', '2025-03-02', '2025-04-01'][index] ?? '',
    ...(index > 0 ? { reason: `Correction ${index}.`, patch: createPatch('f.mdx', sources[index - 1] ?? '', source) } : {}),
  }));
}

describe('correctionChanges', () => {
  it('rebuilds each earlier text from the current file and the patches, oldest correction first', () => {
    const result = correctionChanges(second, texts(original, first, second));
    if (!result.ok) throw new Error(result.message);
    expect(result.changes).toEqual([
      { date: '2025-03-02', reason: 'Correction 1.', before: original, after: first },
      { date: '2025-04-01', reason: 'Correction 2.', before: first, after: second },
    ]);
  });

  it.each([
    ['a text that is not the one the lock recorded', 'Some other text', /does not lead back to the text with sha256/],
    ['a lock without the patch', second, /has no patch for the correction of 2025-03-02/],
  ])('refuses %s', (_name, source, message) => {
    const recorded = texts(original, first);
    const broken = source === second ? [recorded[0] as VersionText, { ...(recorded[1] as VersionText), patch: undefined, sha256: sourceSha256(second) }] : recorded;
    const result = correctionChanges(source, broken.map(({ patch, ...text }) => (patch ? { ...text, patch } : text)));
    expect(result.ok ? '' : result.message).toMatch(message);
  });

  it('has nothing to show for a version never corrected', () => {
    expect(correctionChanges(original, texts(original))).toEqual({ ok: true, changes: [] });
  });
});

describe('correctionRedlineHtml', () => {
  it('shows the words a correction changed, and collapses the passages it did not touch', () => {
    const html = correctionRedlineHtml({ date: '2025-04-01', reason: 'r', before: first, after: second }, 'correction-2-');
    const marked = (tag: string) => [...html.matchAll(new RegExp(`<${tag}[^>]*>(.*?)</${tag}>`, 'g'))].map((match) => (match[1] ?? '').replace(/<[^>]+>|\[(?:inserted|deleted): |\]/g, ''));
    expect(marked('ins')).toEqual(['only', 'losses']);
    expect(marked('del')).toEqual(['loss']);
    // Untouched passages fold away, so the reader sees the correction, not the document.
    expect(html).toMatch(/<details class="rl-unchanged"><summary>2 unchanged passages<\/summary><h4 class="rl-heading">Law<\/h4><p class="rl-paragraph">English law applies\.<\/p><\/details>/);
    expect(html).not.toMatch(/id="(?!correction-2-)/);
  });
});
