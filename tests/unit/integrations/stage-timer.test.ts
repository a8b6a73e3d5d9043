import { describe, expect, it } from 'vitest';
import { enableStageTimings, exclusiveStageTotals, recordWorkerTime, type StageSpan, stageTimingsEnabled, timeStage } from '../../../src/integrations/stage-timer.ts';

const span = (stage: string, start: number, end: number): StageSpan => ({ stage, start, end });

describe('exclusiveStageTotals', () => {
  it.each([
    { name: 'disjoint stages keep their lengths', spans: [span('a', 0, 10), span('b', 10, 15)], priority: ['a', 'b'], expected: { a: 10, b: 5 } },
    { name: 'overlapping spans of one stage count once', spans: [span('diff', 0, 10), span('diff', 5, 12)], priority: ['diff'], expected: { diff: 12 } },
    { name: 'an inner stage takes its time out of the outer one', spans: [span('pages', 0, 100), span('diff', 10, 30), span('diff', 50, 60)], priority: ['diff', 'pages'], expected: { diff: 30, pages: 70 } },
    { name: 'nested three deep', spans: [span('pages', 0, 100), span('feeds', 10, 50), span('diff', 20, 30)], priority: ['diff', 'feeds', 'pages'], expected: { diff: 10, feeds: 30, pages: 60 } },
    { name: 'stages missing from the priority list come last', spans: [span('other', 0, 10), span('diff', 5, 8)], priority: ['diff'], expected: { diff: 3, other: 7 } },
    { name: 'empty and reversed spans count nothing', spans: [span('a', 5, 5), span('a', 9, 3)], priority: ['a'], expected: {} },
  ])('$name', ({ spans, priority, expected }) => {
    expect(exclusiveStageTotals(spans, priority)).toEqual(expected);
  });
});

describe('timeStage', () => {
  it('only runs the function when timings are off', async () => {
    expect(stageTimingsEnabled()).toBe(false);
    expect(timeStage('diff', () => 42)).toBe(42);
    await expect(timeStage('diff', async () => 'done')).resolves.toBe('done');
  });
});

describe('recordWorkerTime', () => {
  it('does nothing while timings are off, then sums the time and counts the tasks of each stage', () => {
    expect(stageTimingsEnabled()).toBe(false);
    recordWorkerTime('diff', 5);
    const recorder = enableStageTimings();
    expect(recorder.workers).toEqual({});
    recordWorkerTime('diff', 5);
    recordWorkerTime('diff', 2.5);
    recordWorkerTime('source diff', 1);
    expect(recorder.workers).toEqual({ diff: { ms: 7.5, count: 2 }, 'source diff': { ms: 1, count: 1 } });
  });
});
