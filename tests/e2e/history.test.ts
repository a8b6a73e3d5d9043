import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { buildSite, PROJECT_ROOT } from '../support/build-site.ts';
import { EXAMPLE_SITES, type ServedExample, serveExample } from '../support/example-site.ts';
import { serveStatic, type StaticSite } from '../support/static-server.ts';

// The history page: its timeline (inline SVG, no JavaScript needed), and the shareable "version in force on
// a date" address, /<document>/history/?date=YYYY-MM-DD, with JavaScript and without.
describe.each(EXAMPLE_SITES)('the history page under $base', ({ base }) => {
  let served: ServedExample;
  let browser: Browser;
  let site: StaticSite;
  beforeAll(async () => {
    served = await serveExample(base);
    ({ site, browser } = served);
  });
  afterAll(() => served?.close());

  const timelineOf = (page: Page) =>
    page.locator('svg.timeline__chart a').evaluateAll((links) =>
      links.map((link) => ({
        href: link.getAttribute('href'),
        classes: link.getAttribute('class'),
        label: link.getAttribute('aria-label'),
        notice: link.querySelectorAll('.timeline__notice').length,
        period: link.querySelector('.timeline__period')?.getAttribute('class'),
      })),
    );

  it('draws every version on a timeline without JavaScript, each linking to its page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}privacy/history/`);
    const rows = await timelineOf(page);
    expect(rows.map((row) => row.href)).toEqual(['2024-03-01', '2024-07-15', '2025-02-01', '2025-09-01', '2027-01-15'].map((id) => `${base}privacy/${id}/`));
    // Material and minor told apart, the version in force and the upcoming one marked, a notice window where
    // there was notice (the minor change of 2024-07-15 was announced the day it took effect).
    expect(rows.map((row) => row.period)).toEqual([
      'timeline__period timeline__period--initial',
      'timeline__period timeline__period--minor',
      'timeline__period timeline__period--material',
      'timeline__period timeline__period--material',
      'timeline__period timeline__period--material',
    ]);
    expect(rows.map((row) => row.notice)).toEqual([1, 0, 1, 1, 1]);
    expect(rows[3]?.classes).toContain('timeline__version--in-force');
    expect(rows[4]?.classes).toContain('timeline__version--upcoming');
    expect(rows[2]?.label).toBe('1 Feb 2025 · material: Version of 1 February 2025, material change, past: announced 10 January 2025 (22 days of notice), in force 1 February 2025 to 31 August 2025.');
    // The bars are laid out in time order, left to right, and fit the chart.
    const bars = await page.locator('svg.timeline__chart .timeline__period').evaluateAll((rects) => rects.map((rect) => rect.getBoundingClientRect()));
    const chart = await page.locator('svg.timeline__chart').evaluate((svg) => svg.getBoundingClientRect());
    for (const [index, bar] of bars.entries()) {
      expect(bar.width).toBeGreaterThan(0);
      expect(bar.left).toBeGreaterThanOrEqual(chart.left - 0.5);
      expect(bar.right).toBeLessThanOrEqual(chart.right + 0.5);
      if (index > 0) expect(bar.left).toBeCloseTo(bars[index - 1]?.right ?? 0, 0);
    }
    // The text alternative: the same facts as a table.
    await expect(page.locator('.timeline__table tbody tr').count()).resolves.toBe(5);
    await context.close();
  });

  it('reads in dark mode and in print: bars and labels take the theme’s colours, not the default black', async () => {
    const page = await browser.newPage({ colorScheme: 'dark' });
    await page.goto(`${site.url}privacy/history/`);
    const colours = () =>
      page.evaluate(() => ({
        background: getComputedStyle(document.documentElement).backgroundColor,
        material: getComputedStyle(document.querySelector('.timeline__period--material') as Element).fill,
        label: getComputedStyle(document.querySelector('.timeline__label') as Element).fill,
      }));
    const dark = await colours();
    expect(dark.background).toBe('rgb(20, 20, 19)');
    expect(dark.material).not.toBe('rgb(0, 0, 0)');
    expect(dark.label).not.toBe('rgb(0, 0, 0)');
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    await expect(page.locator('svg.timeline__chart').isVisible()).resolves.toBe(true);
    expect((await colours()).label).toBe('rgb(0, 0, 0)');
    await page.close();
  });

  it.each([
    ['2024-12-01', '2024-07-15'],
    ['2024-03-01', '2024-03-01'],
    ['2025-08-31', '2025-02-01'],
    ['2026-11-23', '2025-09-01'],
    ['2027-06-01', '2027-01-15'],
  ])('with JavaScript, ?date=%s opens the version in force that day (%s), replacing itself in the history', async (date, version) => {
    const page = await browser.newPage();
    await page.goto(`${site.url}subscribe/`);
    await page.goto(`${site.url}privacy/history/?date=${date}`);
    await expect.poll(() => page.url()).toBe(`${site.url}privacy/${version}/`);
    await page.goBack();
    await expect.poll(() => page.url()).toBe(`${site.url}subscribe/`);
    await page.close();
  });

  it.each([
    ['2020-01-01', /^No version was in force on 2020-01-01: the first version took effect on 1 March 2024\.$/u],
    ['2024-13-45', /^“2024-13-45” is not a date: write it as YYYY-MM-DD/u],
    ['yesterday', /^“yesterday” is not a date/u],
  ])('with JavaScript, ?date=%s stays on the history page and says why', async (date, message) => {
    const page = await browser.newPage();
    await page.goto(`${site.url}privacy/history/?date=${date}`);
    await expect.poll(() => page.locator('[data-version-finder-result]').textContent()).toMatch(message);
    expect(page.url()).toBe(`${site.url}privacy/history/?date=${date}`);
    await page.close();
  });

  it('without JavaScript, ?date= shows the history page, which explains how to read the answer from the dates listed', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}privacy/history/?date=2024-12-01`);
    expect(page.url()).toBe(`${site.url}privacy/history/?date=2024-12-01`);
    await expect(page.locator('.version-finder__noscript').textContent()).resolves.toMatch(/cannot look up the date in its address.*“In force” dates include it/su);
    // The answer a reader finds: the version whose in-force dates include 1 December 2024.
    await expect(page.locator('#v-2024-07-15 .history-item__facts').textContent()).resolves.toMatch(/15 July 2024\s*to\s*31 January 2025/u);
    // The form still works: it submits to the same shareable address.
    await page.fill('#version-finder-date', '2025-03-01');
    await page.click('.version-finder button[type="submit"]');
    await expect.poll(() => page.url()).toBe(`${site.url}privacy/history/?date=2025-03-01`);
    await context.close();
  });

  it('with JavaScript the explanation for readers without it is not shown', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}privacy/history/`);
    await expect(page.locator('.version-finder__noscript').isVisible()).resolves.toBe(false);
    await expect(page.locator('.version-finder__hint code').textContent()).resolves.toMatch(/\/privacy\/history\/\?date=\d{4}-\d{2}-\d{2}$/u);
    await page.close();
  });
});

describe('clause anchors across a renumbering (real-shapes fixture)', () => {
  let site: StaticSite;
  let browser: Browser;
  beforeAll(async () => {
    site = await serveStatic(buildSite({ name: 'real-shapes', contentDir: `${PROJECT_ROOT}/tests/fixtures/sites/real-shapes` }), '/');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it.each([
    ['2024-01-15', '6 · Retention & deletion'],
    ['2025-06-01', '5 · Retention & deletion'],
  ])('the version of %s cites "%s" as #retention--deletion', async (version, heading) => {
    const page = await browser.newPage();
    await page.goto(`${site.url}terms/${version}/#retention--deletion`);
    await expect(page.locator('h2#retention--deletion').textContent()).resolves.toContain(heading);
    await page.close();
  });

  it('an anchor from before numbering styles were recognised still lands on its heading', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 700 } });
    await page.goto(`${site.url}terms/2024-01-15/#6--retention--deletion`);
    const alias = page.locator('[id="6--retention--deletion"]');
    await expect(alias.evaluate((element) => element.closest('h2')?.id)).resolves.toBe('retention--deletion');
    const top = await page.locator('h2#retention--deletion').evaluate((element) => element.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(200);
    // Every id on the page is unique, aliases included.
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((element) => element.id));
    expect(new Set(ids).size).toBe(ids.length);
    await page.close();
  });
});
