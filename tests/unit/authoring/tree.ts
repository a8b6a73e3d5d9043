import { readContentTree, type ContentTree } from '../../../src/lib/content/files.ts';
import { type ContentFiles, validContent, writeContent } from '../../support/content-fixtures.ts';

/** The content tree of `files` (default: validContent()), read from a temporary folder as the commands read it. */
export function treeOf(files: ContentFiles = validContent()): ContentTree {
  const dir = writeContent(files, undefined, { lockFrom: false });
  return readContentTree(dir, dir);
}
