/**
 * The compare picker in a real browser, for `npm run bench`: how long a reader waits between choosing two
 * versions the site did not prebuild and seeing their redline (issue 16 aims at under 300 ms for 7,000-word
 * versions far apart). The built site is served from localhost with sirv, as a static host would serve it,
 * and driven with playwright-core in Debian's Chromium; each run is a fresh browser context (empty cache),
 * so it includes fetching both versions' blocks JSON and loading the diff engine with its dynamic import().
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import sirv from 'sirv';
import { comparePairs, pairSlug } from '../../src/lib/diff/compare-pairs.ts';
import { sortVersions } from '../../src/lib/content/versions.ts';

/** Debian's Chromium (the browser tests use it too). */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * The pair of `versions` the site does not build a page for (src/lib/diff/compare-pairs.ts, as of `date`) with the
 * most versions between them: the oldest version against the newest one it has no page with. Undefined when every
 * pair is built (three versions or fewer).
 */
export function farUnbuiltPair<V extends { id: string; effective: string }>(versions: readonly V[], date: string): { from: V; to: V } | undefined {
  const sorted = sortVersions(versions);
  const built = new Set(comparePairs(sorted, date).map(({ from, to }) => pairSlug(from, to)));
  let best: { from: V; to: V; distance: number } | undefined;
  sorted.forEach((from, i) => {
    sorted.forEach((to, j) => {
      if (j > i && !built.has(pairSlug(from, to)) && (!best || j - i > best.distance)) best = { from, to, distance: j - i };
    });
  });
  return best && { from: best.from, to: best.to };
}

/** Milliseconds from the Compare button to the redline painted, one figure per run. */
export interface PickerTimings {
  /** Compare pressed as soon as the pair is chosen: everything the page does after the choice is timed. */
  runs: number[];
  /** Compare pressed a second after the pair is chosen, as a reader would: what the page loads on choosing is there. */
  afterPause: number[];
  /** The redline's size as shown, to say what was measured. */
  changes: number;
}

/** How long a reader takes between choosing the pair and pressing Compare, in the `afterPause` runs. */
const READER_PAUSE_MS = 1000;

/**
 * Serves `siteDir` and measures, `runs` times each way in fresh browser contexts (alternating), the compare picker
 * of `document` from the Compare button to the first frame painted after the redline is shown: the page is loaded
 * first (not timed), both versions chosen in the form, then (at once, or after a reader's pause) the button is
 * clicked from the page itself, so only the page's own work is timed (fetching the blocks, loading the engine,
 * diffing and rendering), not the automation's.
 */
export async function measurePicker(siteDir: string, document: string, pair: { from: string; to: string }, runs: number): Promise<PickerTimings> {
  const serve = sirv(siteDir, { dev: false, etag: false, extensions: ['html'] });
  const server = createServer((request, response) =>
    serve(request, response, () => {
      response.writeHead(404).end('not found');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const times: number[] = [];
    const afterPause: number[] = [];
    let changes = 0;
    for (let run = 0; run < 2 * runs; run++) {
      const pause = run % 2 === 1;
      const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${origin}/${document}/compare/`, { waitUntil: 'load' });
      await page.selectOption('#compare-from', pair.from);
      await page.selectOption('#compare-to', pair.to);
      if (pause) await page.waitForTimeout(READER_PAUSE_MS);
      const measured = await page.evaluate(async () => {
        const result = window.document.querySelector<HTMLElement>('[data-compare-result]');
        const status = window.document.querySelector<HTMLElement>('[data-compare-status]');
        const button = window.document.querySelector<HTMLButtonElement>('[data-compare-picker] button[type="submit"]');
        if (!result || !status || !button) throw new Error('the compare picker is not on this page');
        const start = performance.now();
        const shown = new Promise<void>((resolve) => {
          const observer = new MutationObserver(() => {
            if (!result.hidden) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(result, { attributes: true, attributeFilter: ['hidden'] });
        });
        button.click();
        await shown;
        // The frame that shows it: the next animation frame runs before that paint, the task after it once painted.
        await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        const ms = performance.now() - start;
        return { ms, status: status.textContent ?? '', changes: result.querySelectorAll('[data-view="inline"] ins, [data-view="inline"] del').length };
      });
      if (!/^Showing \d+ change/u.test(measured.status)) throw new Error(`the compare picker did not show the redline: "${measured.status}"`);
      (pause ? afterPause : times).push(measured.ms);
      changes = measured.changes;
      await context.close();
    }
    return { runs: times, afterPause, changes };
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}
