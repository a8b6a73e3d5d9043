import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { buildSite, PROJECT_ROOT } from '../support/build-site.ts';
import { serveStatic, type StaticSite } from '../support/static-server.ts';

// Every page kind at the widths readers use, from a small phone to a wide monitor: nothing scrolls sideways,
// and side by side a table wider than its column scrolls inside it instead of running into the other side
// or the contents list. The example site has a five-column sub-processor table; the real-shapes fixture an
// eight-column one with long legal names and URLs (tests/fixtures/sites/real-shapes/README.md).
const WIDTHS = [320, 390, 768, 1024, 1280, 1920] as const;
const SIDE_BY_SIDE_MIN_WIDTH = 960; // 60rem, where redline.css starts offering the side-by-side view

const SITES = [
  {
    name: 'example',
    contentDir: undefined,
    pages: [
      '',
      'privacy/',
      'privacy/2025-02-01/',
      'privacy/history/',
      'privacy/compare/',
      'subprocessors/compare/2025-02-01...2026-03-01/',
      'privacy/compare/2025-02-01...2025-09-01/',
      'search/?q=data',
      'subscribe/',
      'no-such-page/',
    ],
  },
  {
    name: 'real-shapes',
    contentDir: `${PROJECT_ROOT}/tests/fixtures/sites/real-shapes`,
    pages: [
      'subprocessors/',
      'subprocessors/history/',
      'subprocessors/compare/2024-01-15...2025-03-01/',
      'subprocessors/compare/2025-03-01...2026-02-01/',
      'subprocessors/compare/2024-01-15...2026-02-01/',
      'terms/compare/2024-01-15...2025-06-01/',
    ],
  },
] as const;

/** What is wrong with the layout of the page as shown: sideways scroll, and overlaps in the side-by-side view. */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) problems.push(`the page scrolls sideways by ${root.scrollWidth - root.clientWidth}px`);
    const name = (element: Element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`;
    // The part of an element's box a reader sees: its box cut by every scrolling or clipping ancestor.
    const visible = (element: Element): { left: number; right: number } | undefined => {
      if (element.getClientRects().length === 0) return undefined;
      const box = element.getBoundingClientRect();
      let { left, right } = box;
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX === 'visible') continue;
        const clip = parent.getBoundingClientRect();
        left = Math.max(left, clip.left);
        right = Math.min(right, clip.right);
      }
      return right - left > 0.5 ? { left, right } : undefined;
    };
    const view = document.querySelector('.compare-view--side-by-side');
    if (!view || view.getClientRects().length === 0) return problems;
    const toc = document.querySelector('.compare-page .toc');
    const tocBox = toc?.getBoundingClientRect();
    const viewBox = view.getBoundingClientRect();
    // The contents list beside the redline (wide screens), not above it.
    const tocLeft = tocBox && tocBox.left >= viewBox.left + 1 ? tocBox.left : Number.POSITIVE_INFINITY;
    for (const row of view.querySelectorAll('.rl-sbs-row')) {
      const [oldSide, newSide] = [...row.children];
      if (!oldSide || !newSide) continue;
      const newLeft = newSide.getBoundingClientRect().left;
      for (const element of [oldSide, ...oldSide.querySelectorAll('*')]) {
        const seen = visible(element);
        if (seen && seen.right > newLeft + 0.5) problems.push(`${name(element)} of the old side reaches ${Math.round(seen.right - newLeft)}px into the new side`);
      }
      for (const element of [newSide, ...newSide.querySelectorAll('*')]) {
        const seen = visible(element);
        if (seen && seen.right > Math.min(tocLeft, root.clientWidth) + 0.5) problems.push(`${name(element)} of the new side reaches past the contents list or the screen`);
      }
    }
    return [...new Set(problems)];
  });
}

describe.each(SITES)('layout of the $name site', ({ name, contentDir, pages }) => {
  let site: StaticSite;
  let browser: Browser;
  beforeAll(async () => {
    site = await serveStatic(buildSite(contentDir === undefined ? { name } : { name, contentDir }), '/');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it.each(WIDTHS)('at %i px: no page scrolls sideways, and side by side nothing overlaps', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const problems: string[] = [];
    for (const path of pages) {
      await page.goto(`${site.url}${path}`);
      // The search page's results arrive from Pagefind after the page loads: measure them too.
      if (path.startsWith('search/')) await page.locator('.search-result').first().waitFor();
      problems.push(...(await layoutProblems(page)).map((problem) => `${path}: ${problem}`));
      // Built compare pages; the picker's redline stays hidden until a pair is picked.
      if (!path.includes('...')) continue;
      // Side by side, as a reader chooses it (the switch is hidden on narrow screens, where the view stacks).
      await page.evaluate(() => {
        const radio = document.querySelector<HTMLInputElement>('#rl-view-side-by-side');
        if (radio) radio.checked = true;
      });
      const sideBySide = await page.locator('[data-view="side-by-side"]').isVisible();
      expect(sideBySide, `${path} side by side at ${width}px`).toBe(width >= SIDE_BY_SIDE_MIN_WIDTH);
      if (!sideBySide) await expect(page.locator('[data-view="inline"]').isVisible()).resolves.toBe(true);
      problems.push(...(await layoutProblems(page)).map((problem) => `${path} (side by side): ${problem}`));
    }
    await page.close();
    expect(problems).toEqual([]);
  });
});

describe('jumps to a change and the printed redline', () => {
  const PAIR = 'privacy/compare/2025-02-01...2025-09-01/';
  let site: StaticSite;
  let browser: Browser;
  beforeAll(async () => {
    site = await serveStatic(buildSite({ name: 'example' }), '/');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** How far below the sticky bar (and, side by side, the column headings) the top of `#id` is, in px. */
  const clearance = (page: Page, id: string) =>
    page.evaluate((target) => {
      const element = [...document.querySelectorAll(`[id="${target}"], [id="sbs-${target}"]`)].find((candidate) => candidate.getClientRects().length > 0);
      if (!element) return Number.NaN;
      const covers = [...document.querySelectorAll('.compare-toolbar, .compare-view--side-by-side .rl-sbs-head')].filter((bar) => bar.getClientRects().length > 0);
      const bottom = Math.max(...covers.map((bar) => bar.getBoundingClientRect().bottom));
      const top = element.getBoundingClientRect().top;
      return top < window.innerHeight ? top - bottom : Number.NaN;
    }, id);

  it.each([
    [390, 'inline'],
    [1280, 'inline'],
    [1280, 'side-by-side'],
  ] as const)('at %i px (%s), a shared #change-N link and the summary’s links land below the sticky bar', async (width, view) => {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    if (view === 'side-by-side') {
      const chooser = await context.newPage();
      await chooser.goto(`${site.url}${PAIR}`);
      await chooser.getByLabel('Side by side').check();
      await chooser.close();
    }
    // Opened from elsewhere (a shared link), in the view the reader chose before.
    const page = await context.newPage();
    await page.goto(`${site.url}${PAIR}#change-5`);
    await expect.poll(() => clearance(page, 'change-5')).toBeGreaterThanOrEqual(0);
    // The summary table's links, followed by a reader.
    await page.evaluate(() => window.scrollTo(0, 0));
    const link = page.locator('.rl-summary__table a[href^="#change-"]').last();
    const target = (await link.getAttribute('href'))?.slice(1) ?? '';
    await link.click();
    await expect.poll(() => clearance(page, target)).toBeGreaterThanOrEqual(0);
    await context.close();
  });

  it('prints with a legend of the marks and across the page width; the legend is not on screen', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.url}${PAIR}`);
    await expect(page.locator('.rl-legend').isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.rl-legend').isVisible()).resolves.toBe(true);
    await expect(page.locator('.rl-legend').textContent()).resolves.toMatch(/Inserted text.*Deleted text.*Moved passages/su);
    const widths = await page.evaluate(() => ({
      main: document.querySelector('main')?.getBoundingClientRect().width ?? 0,
      redline: document.querySelector('.rl-inline')?.getBoundingClientRect().width ?? 0,
    }));
    expect(widths.redline).toBeGreaterThan(widths.main - 2);
    await page.close();
  });
});
