import { isAbsolute, resolve } from 'node:path';

/** The content folder: `content/` in the project, or `REDLINE_CONTENT_DIR` (used by tests and benchmarks). */
export function contentDirectory(projectRoot: string, override: string | undefined): string {
  const dir = override && override.length > 0 ? override : 'content';
  return isAbsolute(dir) ? dir : resolve(projectRoot, dir);
}
