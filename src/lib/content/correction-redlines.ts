/**
 * What each correction changed, for the version page: the lock keeps, per correction, the patch from the text
 * before it (docs/decisions/0005-witnessed-history.md), so every earlier text is rebuilt from the current file
 * and checked against the sha256 the lock recorded for it, then shown with the project's diff engine.
 */
import { applyPatch, parsePatch, reversePatch } from 'diff';
import { sourceSha256, splitFrontmatter } from './files.ts';
import { diffBlocks } from '../diff/diff-blocks.ts';
import type { Block } from '../diff/model.ts';
import { renderInlineRedline } from '../diff/render-inline.ts';
import type { VersionText } from './types.ts';

/** One correction: its date and reason, and the texts (whole source files) before and after it. */
export interface CorrectionChange {
  date: string;
  reason: string;
  before: string;
  after: string;
}

/**
 * The corrections of a version, oldest first, with the text before and after each, rebuilt from `source` (the
 * current file) and the lock's `texts`; an error when a patch does not apply or leads to another sha256.
 */
export function correctionChanges(source: string, texts: readonly VersionText[]): { ok: true; changes: CorrectionChange[] } | { ok: false; message: string } {
  const changes: CorrectionChange[] = [];
  let current = source;
  for (let index = texts.length - 1; index > 0; index -= 1) {
    const text = texts[index];
    const earlier = texts[index - 1];
    if (!text || !earlier) break;
    if (!text.patch) return { ok: false, message: `the lock has no patch for the correction of ${text.date}` };
    const [patch] = parsePatch(text.patch);
    const previous = patch ? applyPatch(current, reversePatch(patch)) : false;
    if (previous === false || sourceSha256(previous) !== earlier.sha256) {
      return { ok: false, message: `the correction of ${text.date} does not lead back to the text with sha256 ${earlier.sha256}` };
    }
    changes.unshift({ date: text.date, reason: text.reason ?? '', before: previous, after: current });
    current = previous;
  }
  return { ok: true, changes };
}

// Blocks of a Markdown body, one per paragraph, heading or list item: a correction changes a few words, so the
// source's own paragraphs are fine-grained enough, and the redline shows the link target a correction fixed.
function sourceBlocks(source: string): Block[] {
  const { body } = splitFrontmatter(source);
  return body
    .split(/\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part, index) => {
      const heading = /^(#{1,6})\s+(.*)$/s.exec(part);
      const text = (heading ? (heading[2] ?? '') : part).replace(/\s+/g, ' ');
      return {
        id: `b-${index}`,
        kind: heading ? 'heading' : 'paragraph',
        ...(heading ? { level: heading[1]?.length ?? 2 } : {}),
        section: '',
        sectionTitle: '',
        context: [],
        text,
        inline: [{ text, marks: [] }],
      } satisfies Block;
    });
}

/** The inline redline (HTML) of one correction, unchanged passages collapsed, ids prefixed so several fit on a page. */
export function correctionRedlineHtml(change: CorrectionChange, idPrefix: string): string {
  const model = diffBlocks(sourceBlocks(change.before), sourceBlocks(change.after));
  return renderInlineRedline(model, { collapseUnchanged: 1, headingOffset: 2, idPrefix, unchangedLabel: (count) => `${count} unchanged ${count === 1 ? 'passage' : 'passages'}` });
}
