// Public API of the diff engine. Browser code should import './browser.ts' instead (no HTML parser,
// no shiki).
export * from './browser.ts';
export { extractBlocks, normalizeInline } from './blocks.ts';
export { renderSourceDiff, unifiedSourcePatch } from './source-diff.ts';
export type { SourceDiff, SourceFileNames } from './source-diff.ts';
