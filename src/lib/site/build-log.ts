import { PAGEFIND_FOLDER } from '../publish/search-index.ts';

/**
 * Turns `astro build`'s output into the log a user reads: one line per stage, every warning, and a count of the
 * routes instead of a line per route.
 *
 * Why: Astro writes each route in two halves, the path without a newline when the page starts and its timing
 * (`(+172ms)`) when it ends. Redline renders pages concurrently (`build.concurrency`, so the diff workers never
 * wait on one page at a time), so every path lands on one line and the timings follow on lines of their own.
 */

// Colours are kept in what is printed but ignored when matching.
const ANSI = /\u001B\[[0-9;]*m/g;
const ROUTES_START = /generating static routes/;
const ROUTES_END = /✓ Completed in ([^\s]+?)\.?\s*$/;
// A route as Astro announces it: an optional time stamp, the tree glyph and the output path.
// The path ends where the next route's time stamp begins, since Astro writes no newline between them.
const ROUTE = /(?:\d{2}:\d{2}:\d{2}\s+)?[├└]─\s+\S+?(?=\d{2}:\d{2}:\d{2}|\s|$)/g;
// A route's timing, and the note Astro adds when a route wrote nothing.
// The time stamp Astro puts before its closing line, once the line itself is taken out.
const TIME_STAMP_ONLY = /^\s*\d{2}:\d{2}:\d{2}\s*$/;
const ROUTE_TIMING = /\(\+\d+(?:\.\d+)?m?s\)(?:\s*\(file not created, response body was empty\))?/g;

/** Strips terminal colours from a line of output. */
export function plainText(line: string): string {
  return line.replace(ANSI, '');
}

/** A filter fed with chunks of `astro build` output as they arrive; it returns the lines to print. */
export interface BuildLogFilter {
  /** Takes a chunk of output and returns the complete lines to print so far. */
  push(chunk: string): string[];
  /** Returns what is left when the build has exited. */
  end(): string[];
  /** Routes Astro reported generating. */
  readonly routes: number;
}

/** A filter for one build's standard output; `now` stamps the summary line like Astro's own lines. */
export function createBuildLogFilter(now: () => string): BuildLogFilter {
  let pending = '';
  let inRoutes = false;
  let routes = 0;

  const line = (raw: string): string[] => {
    const text = plainText(raw);
    if (!inRoutes) {
      if (ROUTES_START.test(text)) {
        inRoutes = true;
        return [];
      }
      return [raw];
    }
    const end = ROUTES_END.exec(text);
    routes += text.match(ROUTE)?.length ?? 0;
    // Whatever is not a route, a timing or the closing line is a message a page logged (a warning, say):
    // it is kept, on its own line.
    const rest = text.replace(ROUTE, '').replace(ROUTE_TIMING, '').replace(ROUTES_END, '').replace(TIME_STAMP_ONLY, '').trim();
    const out = rest === '' ? [] : [rest];
    if (end) {
      inRoutes = false;
      out.push(`${now()} [build] ${routes} route${routes === 1 ? '' : 's'} generated in ${end[1]}.`);
    }
    return out;
  };

  return {
    push(chunk) {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      return lines.flatMap(line);
    },
    end() {
      const rest = pending;
      pending = '';
      return rest === '' ? [] : line(rest);
    },
    get routes() {
      return routes;
    },
  };
}

/** What a built site holds, counted by kind of file, for the build's closing summary. */
export interface BuiltSiteCounts {
  pages: number;
  feeds: number;
  json: number;
  /** Files of the Pagefind index. */
  search: number;
  other: number;
  bytes: number;
}

/** Counts built files by kind; `files` are paths relative to the output folder with their sizes. */
export function countBuiltFiles(files: readonly { path: string; size: number }[]): BuiltSiteCounts {
  const counts: BuiltSiteCounts = { pages: 0, feeds: 0, json: 0, search: 0, other: 0, bytes: 0 };
  for (const { path, size } of files) {
    counts.bytes += size;
    if (path.startsWith(`${PAGEFIND_FOLDER}/`)) counts.search += 1;
    else if (path.endsWith('.html')) counts.pages += 1;
    else if (/(?:^|\/)(?:feed\.(?:xml|json)|atom\.xml)$/.test(path)) counts.feeds += 1;
    else if (path.endsWith('.json')) counts.json += 1;
    else counts.other += 1;
  }
  return counts;
}

/** The build's last line: what was written where, and how long it took. */
export function buildSummary(counts: BuiltSiteCounts, target: string, seconds: number): string {
  const megabytes = (counts.bytes / 1_000_000).toFixed(1);
  return `Redline: ${counts.pages} HTML pages, ${counts.feeds} feeds, ${counts.json} JSON files, ${counts.search} search index files and ${counts.other} other files (${megabytes} MB) written to ${target} in ${seconds.toFixed(1)} s.`;
}
