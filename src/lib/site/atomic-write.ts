/**
 * Writes a file whole or not at all: into a temporary file beside it (named by process, so two builds sharing a
 * cache folder never write the same one), then renamed into place. A build that stops halfway leaves no torn
 * file for the next one to read.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

// Folders made already in this process (one mkdir each, not one per file).
const madeFolders = new Set<string>();

const temporaryOf = (file: string): string => `${file}.${process.pid}.tmp`;

/** Writes `text` to `file` atomically, making its folder if need be. */
export async function writeFileAtomically(file: string, text: string): Promise<void> {
  const folder = dirname(file);
  if (!madeFolders.has(folder)) {
    await mkdir(folder, { recursive: true });
    madeFolders.add(folder);
  }
  await writeFile(temporaryOf(file), text);
  await rename(temporaryOf(file), file);
}

/** writeFileAtomically, synchronously. */
export function writeFileAtomicallySync(file: string, text: string): void {
  const folder = dirname(file);
  if (!madeFolders.has(folder)) {
    mkdirSync(folder, { recursive: true });
    madeFolders.add(folder);
  }
  writeFileSync(temporaryOf(file), text);
  renameSync(temporaryOf(file), file);
}
