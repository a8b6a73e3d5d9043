/**
 * The search integration's handle on Pagefind's index, which lives in a worker thread (src/workers/search-index.mjs)
 * so that pages reach Pagefind's service while the main thread renders (see that file). Same operations as
 * Pagefind's `PagefindIndex`, as the integration uses them; Pagefind's errors are thrown as AstroErrors naming
 * what could not be done.
 */
import { Worker } from 'node:worker_threads';
import { AstroError } from 'astro/errors';
import type { PagefindServiceConfig } from 'pagefind';

type Request =
  | { op: 'create'; options: PagefindServiceConfig }
  | { op: 'add'; pages: Array<{ url: string; content: string }> }
  | { op: 'write'; outputPath: string }
  | { op: 'delete' }
  | { op: 'close' };

type Answer = { id: number; errors: string[] } | { id: number; failure: string };

/** A Pagefind index in its own thread. */
export interface SearchIndexThread {
  /** Adds pages in order; rejects, naming the page, if Pagefind reports an error. */
  add(pages: ReadonlyArray<{ url: string; content: string }>): Promise<void>;
  /** Writes the index's files into `outputPath`; rejects if Pagefind reports an error. */
  writeFiles(outputPath: string): Promise<void>;
  /** Drops the index. */
  deleteIndex(): Promise<void>;
  /** Stops Pagefind's service and the thread. */
  close(): Promise<void>;
}

/** Starts the thread (`workerFile`: src/workers/search-index.mjs) with a new index made with `options`. */
export async function startSearchIndexThread(workerFile: string, options: PagefindServiceConfig): Promise<SearchIndexThread> {
  const worker = new Worker(workerFile);
  const waiting = new Map<number, { resolve: (errors: string[]) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on('message', (answer: Answer) => {
    const request = waiting.get(answer.id);
    waiting.delete(answer.id);
    if ('failure' in answer) request?.reject(new AstroError(`Pagefind failed: ${answer.failure}`));
    else request?.resolve(answer.errors);
  });
  worker.on('error', failAll);
  worker.on('exit', () => failAll(new AstroError('The search index thread stopped.')));

  const send = (request: Request): Promise<string[]> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, ...request });
    });
  const orFail = async (request: Request, what: string): Promise<void> => {
    const errors = await send(request);
    if (errors.length > 0) throw new AstroError(`Pagefind could not ${what}: ${errors.join('; ')}`);
  };

  const thread: SearchIndexThread = {
    add: (pages) => orFail({ op: 'add', pages: [...pages] }, 'index a page'),
    writeFiles: (outputPath) => orFail({ op: 'write', outputPath }, 'write its index'),
    deleteIndex: () => orFail({ op: 'delete' }, 'drop an index'),
    close: async () => {
      try {
        await send({ op: 'close' });
      } finally {
        await worker.terminate();
      }
    },
  };
  try {
    await orFail({ op: 'create', options }, 'start');
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  return thread;
}
