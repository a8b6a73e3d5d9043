import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AstroIntegration } from 'astro';
import { enableStageTimings, exclusiveStageTotals, type StageSpan } from './stage-timer.ts';

/** Stages from the innermost to the outermost: where stages overlap, the time goes to the first one listed. */
export const STAGE_ORDER = ['content validation', 'version HTML', 'rendered blocks', 'diff', 'source diff', 'feeds', 'search index', 'startup', 'config', 'content sync', 'bundle (MDX compile)', 'pages'] as const;

/** What the timings file holds. */
export interface StageTimingsReport {
  /** Exclusive ms per stage; they add up to `totalMs`. */
  stages: Record<string, number>;
  totalMs: number;
  marks: Record<string, number>;
  spanCounts: Record<string, number>;
  /** Time spent in the diff worker threads, by stage (in parallel with the stages above, so not in `totalMs`). */
  workers: Record<string, { ms: number; count: number }>;
}

/**
 * Adds build stage timings for `npm run bench` around `integrations` when `file` (REDLINE_BENCH_TIMINGS) is set,
 * and returns `integrations` untouched otherwise, so normal builds carry no instrumentation. The first added
 * integration opens the phases, the last one closes them after every other `astro:build:done` hook (Astro runs
 * each hook integration by integration, in order) and writes the JSON report.
 */
export function withStageTimings(integrations: AstroIntegration[], file: string | undefined): AstroIntegration[] {
  if (!file) return integrations;
  const rec = enableStageTimings();
  const mark = (name: string) => {
    rec.marks[name] ??= performance.now();
  };
  const first: AstroIntegration = {
    name: 'redline:stage-timings-start',
    hooks: {
      'astro:config:setup': () => mark('config:setup'),
      'astro:config:done': () => mark('config:done'),
      'astro:build:start': () => mark('build:start'),
      'astro:build:generated': () => mark('build:generated'),
      'astro:build:done': () => mark('build:done'),
    },
  };
  const last: AstroIntegration = {
    name: 'redline:stage-timings-end',
    hooks: {
      'astro:build:done': () => {
        const end = performance.now();
        const m = rec.marks;
        const phase = (stage: string, from: number | undefined, to: number | undefined): StageSpan[] =>
          from !== undefined && to !== undefined ? [{ stage, start: from, end: to }] : [];
        // Page generation starts when the data layer is first asked for the documents (getStaticPaths).
        const pagesStart = m['pages:start'] ?? m['build:generated'];
        const spans: StageSpan[] = [
          ...rec.spans,
          ...phase('startup', 0, m['config:setup']),
          ...phase('config', m['config:setup'], m['config:done']),
          ...phase('content sync', m['config:done'], m['build:start']),
          ...phase('bundle (MDX compile)', m['build:start'], pagesStart),
          ...phase('pages', pagesStart, m['build:generated']),
          // The astro:build:done hooks: Pagefind's index, plus the _headers file (well under a millisecond).
          ...phase('search index', m['build:done'], end),
        ];
        const stages = exclusiveStageTotals(spans, STAGE_ORDER);
        const spanCounts: Record<string, number> = {};
        for (const span of rec.spans) spanCounts[span.stage] = (spanCounts[span.stage] ?? 0) + 1;
        const report: StageTimingsReport = { stages, totalMs: end, marks: { ...m }, spanCounts, workers: { ...rec.workers } };
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
      },
    },
  };
  return [first, ...integrations, last];
}
