// Counts for the summary at the top of a compare page: blocks and words added, removed, changed and
// moved, in total and per section.
import type { ChangeCounts, ChangeEntry, ChangeModel, ChangeSummary, InlineOp } from './model.ts';
import { blockWordCount, countWords, tokenizeInline } from './tokenize.ts';

/** Counts all zero. */
export function emptyCounts(): ChangeCounts {
  return { blocksAdded: 0, blocksRemoved: 0, blocksChanged: 0, blocksMoved: 0, wordsAdded: 0, wordsRemoved: 0, wordsMoved: 0 };
}

/** Summarise a change model: totals and per section (sections in reading order, changed ones only). */
export function summarizeChanges(model: ChangeModel): ChangeSummary {
  const total = emptyCounts();
  const sections = new Map<string, { section: string; title: string; counts: ChangeCounts }>();
  let changes = 0;
  for (const e of model.entries) {
    // A move is counted once, where the block is now: its old place is the same change seen from before.
    if (e.type === 'unchanged' || e.type === 'moved-from') continue;
    changes++;
    let line = sections.get(e.section);
    if (line === undefined) {
      line = { section: e.section, title: e.sectionTitle, counts: emptyCounts() };
      sections.set(e.section, line);
    } else if (e.type !== 'removed') {
      // Prefer the new version's title: a removed block carries the old title of a renamed section.
      line.title = e.sectionTitle;
    }
    // Counted once, then added to the total and to the section.
    const counts = emptyCounts();
    addEntry(counts, e);
    for (const sum of [total, line.counts]) for (const key of Object.keys(counts) as Array<keyof ChangeCounts>) sum[key] += counts[key];
  }
  return { total, sections: [...sections.values()], changes };
}

function addEntry(counts: ChangeCounts, e: Exclude<ChangeEntry, { type: 'unchanged' | 'moved-from' }>): void {
  switch (e.type) {
    case 'added':
      counts.blocksAdded++;
      counts.wordsAdded += blockWordCount(e.new);
      break;
    case 'removed':
      counts.blocksRemoved++;
      counts.wordsRemoved += blockWordCount(e.old);
      break;
    case 'changed':
      counts.blocksChanged++;
      addOps(counts, e.edit.ops);
      for (const c of e.edit.cells ?? []) {
        if (c.type === 'added') counts.wordsAdded += countWords(tokenizeInline(c.cell.inline));
        else if (c.type === 'removed') counts.wordsRemoved += countWords(tokenizeInline(c.cell.inline));
        else if (c.type === 'changed') addOps(counts, c.ops);
      }
      break;
    case 'moved-to':
      counts.blocksMoved++;
      counts.wordsMoved += blockWordCount(e.new);
      addOps(counts, e.edit.ops);
      for (const c of e.edit.cells ?? []) if (c.type === 'changed') addOps(counts, c.ops);
      break;
  }
}

function addOps(counts: ChangeCounts, ops: readonly InlineOp[]): void {
  for (const op of ops) {
    if (op.op === 'insert') counts.wordsAdded += countWords(op.tokens);
    else if (op.op === 'delete') counts.wordsRemoved += countWords(op.tokens);
  }
}
