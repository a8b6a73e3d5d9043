// The browser-safe part of the engine: everything but HTML parsing (extractBlocks) and the shiki source
// view, so that client code diffing a picked pair does not bundle parse5 or shiki.
export type * from './model.ts';
export type { DiffOptions } from './diff-blocks.ts';
export type { RenderOptions } from './render-shared.ts';
export type { SideBySideOptions } from './render-side-by-side.ts';
export { diffBlocks, blockKey } from './diff-blocks.ts';
export { summarizeChanges } from './summary.ts';
export { oldSideText, newSideText, blocksText } from './sides.ts';
export { renderInlineRedline } from './render-inline.ts';
export { OPENING_TEXT, moveLabel, sectionName } from './render-shared.ts';
export { renderSideBySide } from './render-side-by-side.ts';
export { tokenizeInline } from './tokenize.ts';
export { diffInline, diffCells } from './inline-diff.ts';
