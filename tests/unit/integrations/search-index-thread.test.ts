import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startSearchIndexThread } from '../../../src/integrations/search-index-thread.ts';
import { indexedPageCount } from '../../../src/lib/publish/search-index.ts';

const WORKER_FILE = fileURLToPath(new URL('../../../src/workers/search-index.mjs', import.meta.url));
const page = (title: string, text: string) => `<html lang="en"><body><main data-pagefind-body><h1>${title}</h1><p>${text}</p></main></body></html>`;

describe('the search index thread (Pagefind in a worker thread)', () => {
  const out = mkdtempSync(join(tmpdir(), 'redline-search-thread-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('indexes the pages it is sent, in batches sent without waiting, and writes the index Pagefind makes', async () => {
    const thread = await startSearchIndexThread(WORKER_FILE, { excludeSelectors: [] });
    try {
      // Both batches and the write are sent before any answer: the thread keeps them in order.
      const first = thread.add([{ url: '/privacy/2025-01-01/', content: page('Privacy', 'We keep logs for ninety days.') }]);
      const second = thread.add([{ url: '/terms/2025-02-01/', content: page('Terms', 'Fees are payable monthly.') }]);
      const written = thread.writeFiles(join(out, 'pagefind'));
      await Promise.all([first, second, written]);
      expect(indexedPageCount(readFileSync(join(out, 'pagefind', 'pagefind-entry.json'), 'utf8'))).toBe(2);
    } finally {
      await thread.close();
    }
  });

  it('fails a request Pagefind cannot do with an error that says what', async () => {
    const thread = await startSearchIndexThread(WORKER_FILE, { excludeSelectors: [] });
    await thread.deleteIndex();
    // The index is gone: nothing to write.
    await expect(thread.writeFiles(join(out, 'none'))).rejects.toThrow(/Pagefind failed: no index/u);
    await thread.close();
  });
});
