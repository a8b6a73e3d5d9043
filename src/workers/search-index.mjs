/**
 * Pagefind's index in a thread of its own, for the search integration (src/integrations/pagefind.ts).
 *
 * Pagefind's Node API sends each page to its service (a separate process) through a pipe, and a pipe only moves
 * while the thread that writes it is free: in the build's main thread, which renders a thousand pages at once,
 * each page's HTML waited its turn for seconds, and Pagefind finished adding the version pages eight seconds after
 * it was given them, long after the last page (docs/benchmarks.md, "Pagefind in a thread of its own"). Here the
 * pipe is served by a thread that does nothing else.
 *
 * Plain JavaScript, so that any Node the project supports loads it without type stripping. One index at a time;
 * requests are answered in order. Each request is `{ id, op, ... }` and each answer `{ id, errors }` (Pagefind's
 * own error messages), or `{ id, failure }` when Pagefind threw.
 */
import { parentPort } from 'node:worker_threads';
import * as pagefind from 'pagefind';

/** @type {import('pagefind').PagefindIndex | undefined} */
let index;

/**
 * @param {{ op: 'create', options: import('pagefind').PagefindServiceConfig }
 *   | { op: 'add', pages: Array<{ url: string, content: string }> }
 *   | { op: 'write', outputPath: string }
 *   | { op: 'delete' }
 *   | { op: 'close' }} request
 * @returns {Promise<string[]>} Pagefind's errors
 */
async function handle(request) {
  switch (request.op) {
    case 'create': {
      const created = await pagefind.createIndex(request.options);
      index = created.index;
      return created.errors.length > 0 || index ? created.errors : ['Pagefind could not start.'];
    }
    case 'add': {
      const current = started();
      const added = await Promise.all(request.pages.map((page) => current.addHTMLFile(page)));
      return added.flatMap((result, i) => result.errors.map((error) => `${request.pages[i]?.url}: ${error}`));
    }
    case 'write':
      return (await started().writeFiles({ outputPath: request.outputPath })).errors;
    case 'delete':
      await started().deleteIndex();
      index = undefined;
      return [];
    case 'close':
      index = undefined;
      await pagefind.close();
      return [];
  }
}

function started() {
  if (!index) throw new Error('no index: create one first');
  return index;
}

// One request at a time, in the order sent: Pagefind's index depends on the order pages go in.
let queue = Promise.resolve();
parentPort?.on('message', (/** @type {{ id: number } & Parameters<typeof handle>[0]} */ request) => {
  queue = queue.then(() =>
    handle(request).then(
      (errors) => parentPort?.postMessage({ id: request.id, errors }),
      (error) => parentPort?.postMessage({ id: request.id, failure: error instanceof Error ? error.message : String(error) }),
    ),
  );
});
