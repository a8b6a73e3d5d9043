/**
 * Runs the diff work (../workers/diff-tasks.ts) in worker threads under `astro build`, so that diffing uses
 * the cores page rendering leaves idle (src/integrations/diff-workers.ts switches it on and sets how many;
 * docs/benchmarks.md has what it saves). Anywhere else, and if the workers cannot start (a Node that cannot
 * load TypeScript itself), the same functions run here in the main thread: the output is the same.
 *
 * Each worker serves whole documents (`affinity`): a version is diffed against several others, and the worker
 * that has parsed it keeps its blocks (with the engine's per-block work memoised), so no version is parsed twice.
 */
import Tinypool from 'tinypool';
import { recordWorkerTime, timeStage } from '../integrations/stage-timer.ts';
import * as diffTasks from '../workers/diff-tasks.ts';
import type { TaskResult } from '../workers/diff-tasks.ts';

type DiffTasks = typeof diffTasks;
type TaskName = keyof DiffTasks;
type TaskInput<N extends TaskName> = Parameters<DiffTasks[N]>[0];
type TaskValue<N extends TaskName> = Awaited<ReturnType<DiffTasks[N]>> extends TaskResult<infer T> ? T : never;

/** Where the diff work runs. */
export interface DiffRunner {
  /** Whether it runs in worker threads (and so is worth starting before the pages that need it). */
  readonly inWorkers: boolean;
  /**
   * Runs the diff task `name` with `input`; `stage` names it in the benchmark's stage timings, and tasks with the
   * same `affinity` (a document's slug) run in the same worker.
   */
  run<N extends TaskName>(name: N, input: TaskInput<N>, stage: string, options: { affinity: string }): Promise<TaskValue<N>>;
  /** Tasks asked for and not yet sent to a worker (they wait in this thread): 0 once the workers are up. */
  readonly waitingToBeSent: number;
  /** Stops the workers (idle workers do not keep the process alive, so a build need not). */
  close(): Promise<void>;
}

/** How many tasks a worker may hold at once: more than any build asks for, so none waits in the main thread. */
const TASKS_SENT_AHEAD = 100_000;

async function inMainThread<N extends TaskName>(name: N, input: TaskInput<N>, stage: string): Promise<TaskValue<N>> {
  const task = diffTasks[name] as (input: TaskInput<N>) => TaskResult<TaskValue<N>> | Promise<TaskResult<TaskValue<N>>>;
  return timeStage(stage, async () => (await task(input)).value);
}

/**
 * A runner with `settings.threads` workers loading `settings.filename`, or in the main thread without settings.
 * A task that fails in a worker is run again in the main thread: if it succeeds there, the workers cannot run our
 * code and are stopped (with a warning through `warn`) and every later task runs in the main thread; if it fails
 * again, that error is the task's.
 */
export function createDiffRunner(settings: { filename: string; threads: number } | undefined, warn: (message: string) => void = console.warn): DiffRunner {
  // One pool of one thread per worker, so that a task can be sent to the worker that has what it needs. Each starts
  // its thread at once: started on the first task instead, a thread that cannot load the file left that task
  // waiting forever (tinypool 2.2) where a started one fails it. Every task goes to its worker as soon as it is
  // asked for (`concurrentTasksPerWorker`), and the worker runs them one after another from its own queue: with
  // tinypool's default of one task at a time, the next task was sent only once the main thread had taken the last
  // one's result, and while the main thread rendered pages that took seconds, in which the worker sat idle.
  let workers: Tinypool[] | undefined =
    settings && settings.threads > 0
      ? Array.from(
          { length: settings.threads },
          () => new Tinypool({ filename: settings.filename, minThreads: 1, maxThreads: 1, idleTimeout: 60_000, concurrentTasksPerWorker: TASKS_SENT_AHEAD }),
        )
      : undefined;

  const workerFor = (affinity: string, all: readonly Tinypool[]): Tinypool => {
    let hash = 0;
    for (const char of affinity) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
    return all[hash % all.length] as Tinypool;
  };

  const inWorker = async <N extends TaskName>(worker: Tinypool, name: N, input: TaskInput<N>, stage: string): Promise<TaskValue<N>> => {
    let result: TaskResult<TaskValue<N>>;
    try {
      result = (await worker.run(input, { name })) as TaskResult<TaskValue<N>>;
    } catch (workerError) {
      const value = await inMainThread(name, input, stage);
      if (workers) {
        const stopped = workers;
        workers = undefined;
        warn(`Diff workers are off, diffing in the main thread instead: ${workerError instanceof Error ? workerError.message : String(workerError)}`);
        for (const pool of stopped) void pool.destroy();
      }
      return value;
    }
    recordWorkerTime(stage, result.ms);
    return result.value;
  };

  return {
    get inWorkers() {
      return workers !== undefined;
    },
    get waitingToBeSent() {
      return (workers ?? []).reduce((sum, pool) => sum + pool.queueSize, 0);
    },
    run: (name, input, stage, { affinity }) => (workers ? inWorker(workerFor(affinity, workers), name, input, stage) : inMainThread(name, input, stage)),
    close: async () => {
      const stopped = workers ?? [];
      workers = undefined;
      await Promise.all(stopped.map((pool) => pool.destroy()));
    },
  };
}

/** The build's runner: workers as src/integrations/diff-workers.ts set them up for `astro build`, else the main thread. */
export const diffRunner: DiffRunner = createDiffRunner(import.meta.env.REDLINE_DIFF_WORKERS, (message) => console.warn(`[redline] ${message}`));
