import { describe, expect, it } from 'vitest';
import { extractBlocks } from '../../../src/lib/diff/blocks.ts';
import { diffBlocks } from '../../../src/lib/diff/diff-blocks.ts';
import type { Block } from '../../../src/lib/diff/model.ts';
import { blocksText, newSideText, oldSideText } from '../../../src/lib/diff/sides.ts';
import { cases } from '../../fixtures/diff/cases.ts';
import { describeModel } from './describe-model.ts';

describe.each(cases)('diffBlocks: $name', (c) => {
  const oldBlocks = extractBlocks(c.old);
  const newBlocks = extractBlocks(c.new);
  const model = diffBlocks(oldBlocks, newBlocks);

  it('gives the known entries', () => {
    expect(describeModel(model)).toEqual(c.expected);
  });

  it('numbers change anchors in reading order', () => {
    const anchors = model.entries.flatMap((e) => (e.type === 'unchanged' ? [] : [e.anchor]));
    expect(anchors).toEqual(anchors.map((_, k) => `change-${k + 1}`));
  });

  it('reads back both versions', () => {
    expect(oldSideText(model)).toBe(blocksText(oldBlocks));
    expect(newSideText(model)).toBe(blocksText(newBlocks));
  });
});

describe('diffBlocks details', () => {
  it('word-diffs a pair met before again under another maxEditLength, and shares the memoised ops read-only', () => {
    const oldHtml = '<p>We keep account data for as long as your account is open, and backups for ninety days.</p>';
    const newHtml = '<p>We keep account data for as long as your account is active, and backups for thirty days.</p>';
    const edit = (maxEditLength?: number) => {
      const entry = diffBlocks(extractBlocks(oldHtml), extractBlocks(newHtml), maxEditLength === undefined ? {} : { maxEditLength }).entries[0];
      if (entry?.type !== 'changed') throw new Error(`expected changed, got ${entry?.type}`);
      return entry.edit;
    };
    const first = edit();
    expect(first.replaced).toBe(false);
    expect(edit().ops).toBe(first.ops);
    expect(() => (first.ops as unknown[]).push(undefined)).toThrow(TypeError);
    expect(edit(2).replaced).toBe(true);
    expect(edit(2).ops.map((op) => op.op)).toEqual(['delete', 'insert']);
    expect(edit()).toEqual(first);
  });

  it('links moved-from and moved-to entries both ways and names the sections', () => {
    const c = cases.find((x) => x.name === 'a moved section with edits inside');
    if (c === undefined) throw new Error('fixture missing');
    const model = diffBlocks(extractBlocks(c.old), extractBlocks(c.new));
    const from = model.entries.filter((e) => e.type === 'moved-from');
    const to = model.entries.filter((e) => e.type === 'moved-to');
    expect(from).toHaveLength(3);
    expect(to).toHaveLength(3);
    for (const f of from) {
      const partner = to.find((t) => t.anchor === f.pairAnchor);
      expect(partner?.pairAnchor).toBe(f.anchor);
      expect(f.toSection).toBe('retention');
    }
    expect(to.map((t) => t.identical)).toEqual([true, false, true]);
    expect(to[0]?.fromSectionTitle).toBe('Retention');
  });

  it('marks a link target change as a change of marks with the same words', () => {
    const model = diffBlocks(
      extractBlocks('<p>See <a href="/a">the policy</a>.</p>'),
      extractBlocks('<p>See <a href="/b">the policy</a>.</p>'),
    );
    const entry = model.entries[0];
    if (entry?.type !== 'changed') throw new Error(`expected changed, got ${entry?.type}`);
    expect(entry.edit.ops.map((op) => op.op)).toEqual(['equal', 'format', 'equal']);
    const format = entry.edit.ops.find((op) => op.op === 'format');
    expect(format?.old?.map((t) => t.marks)).toEqual([['a:/a'], ['a:/a']]);
    expect(format?.tokens.map((t) => t.marks)).toEqual([['a:/b'], ['a:/b']]);
  });

  it('reports a paragraph moved into a callout as changed context', () => {
    const model = diffBlocks(
      extractBlocks('<p>Payments are final.</p><p>Refunds take ten days.</p>'),
      extractBlocks('<p>Payments are final.</p><aside class="callout callout--warning"><p>Refunds take ten days.</p></aside>'),
    );
    const entry = model.entries[1];
    if (entry?.type !== 'changed') throw new Error(`expected changed, got ${entry?.type}`);
    expect(entry.edit.contextChanged).toBe(true);
    expect(entry.edit.ops.map((op) => op.op)).toEqual(['equal']);
  });

  it('falls back to replacement when the paired words share nothing but punctuation', () => {
    const model = diffBlocks(extractBlocks('<h2 id="x">Alpha, beta</h2>'), extractBlocks('<h2 id="x">Gamma, delta</h2>'));
    const entry = model.entries[0];
    if (entry?.type !== 'changed') throw new Error(`expected changed, got ${entry?.type}`);
    expect(entry.edit.replaced).toBe(true);
    expect(entry.edit.ops.map((op) => op.op)).toEqual(['delete', 'insert']);
  });

  it('shows a one-sentence change in a 600-word paragraph as word edits, not a rewrite', () => {
    const sentences = Array.from({ length: 40 }, (_, k) => `Clause ${k + 1} of this agreement applies to every order placed through the customer portal.`);
    const edited = [...sentences];
    edited[20] = 'Orders placed by telephone are confirmed by e-mail within two working days.';
    const model = diffBlocks(extractBlocks(`<p>${sentences.join(' ')}</p>`), extractBlocks(`<p>${edited.join(' ')}</p>`));
    const entry = model.entries[0];
    if (entry?.type !== 'changed') throw new Error(`expected changed, got ${entry?.type}`);
    expect(entry.edit.replaced).toBe(false);
    const changedWords = entry.edit.ops.filter((op) => op.op !== 'equal').reduce((n, op) => n + op.tokens.filter((t) => /\p{L}|\p{N}/u.test(t.text)).length, 0);
    // The old sentence's words out and the new one's in, give or take the words they share.
    expect(changedWords).toBeGreaterThan(10);
    expect(changedWords).toBeLessThan(30);
  });

  it('does not report a short repeated line as moved', () => {
    const model = diffBlocks(extractBlocks('<p>None.</p><p>Alpha text here.</p>'), extractBlocks('<p>Alpha text here.</p><p>None.</p>'));
    expect(model.entries.some((e) => e.type === 'moved-to')).toBe(false);
  });

  it('aligns a renamed and moved heading by its kept id', () => {
    const model = diffBlocks(
      extractBlocks('<h2 id="keep">Cookies</h2><p>We use cookies for sign-in sessions only.</p><h2 id="z">Other</h2><p>Nothing else to say here.</p>'),
      extractBlocks('<h2 id="z">Other</h2><p>Nothing else to say here.</p><h2 id="keep">Tracking</h2><p>We use cookies for sign-in sessions only.</p>'),
    );
    expect(describeModel(model)).toEqual([
      '< move-1 Cookies',
      '< move-1 We use cookies for sign-in sessions only.',
      '= Other',
      '= Nothing else to say here.',
      '> move-1 [-Cookies-]{+Tracking+}',
      '> move-1 We use cookies for sign-in sessions only.',
    ]);
  });

  it('is deterministic and JSON-safe: blocks through JSON give the same model', () => {
    const c = cases[2];
    if (c === undefined) throw new Error('fixture missing');
    const viaJson = (html: string): Block[] => JSON.parse(JSON.stringify(extractBlocks(html))) as Block[];
    expect(diffBlocks(viaJson(c.old), viaJson(c.new))).toEqual(diffBlocks(extractBlocks(c.old), extractBlocks(c.new)));
  });

  it('finishes an unrelated 5,000-word rewrite quickly with replacements only', () => {
    const para = (seed: number, n: number): string => {
      let s = seed;
      const words: string[] = [];
      for (let k = 0; k < n; k++) {
        s = (s * 1103515245 + 12345) % 2147483648;
        words.push(`w${seed}x${s % 5000}`);
      }
      return `<p>${words.join(' ')}.</p>`;
    };
    const oldHtml = Array.from({ length: 100 }, (_, k) => para(k + 1, 50)).join('');
    const newHtml = Array.from({ length: 100 }, (_, k) => para(k + 1000, 50)).join('');
    const start = performance.now();
    const model = diffBlocks(extractBlocks(oldHtml), extractBlocks(newHtml));
    const ms = performance.now() - start;
    expect(model.entries.filter((e) => e.type === 'removed')).toHaveLength(100);
    expect(model.entries.filter((e) => e.type === 'added')).toHaveLength(100);
    // Generous bound: this guards against a quadratic word diff (seconds), not against a slow machine.
    expect(ms).toBeLessThan(2000);
  });
});
