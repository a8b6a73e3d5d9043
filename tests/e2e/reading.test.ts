import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_SITES, type ServedExample, serveExample } from '../support/example-site.ts';
import type { StaticSite } from '../support/static-server.ts';

describe.each(EXAMPLE_SITES)('reading the example site under $base', ({ base }) => {
  let served: ServedExample;
  let browser: Browser;
  let site: StaticSite;
  let page: Page;
  beforeAll(async () => {
    served = await serveExample(base);
    ({ site, browser } = served);
    page = await browser.newPage();
  });
  afterAll(() => served?.close());

  it('goes from the home page to the current privacy policy and its history', async () => {
    await page.goto(site.url);
    await page.getByRole('link', { name: 'Privacy Policy', exact: true }).click();
    await expect.poll(() => page.url()).toBe(`${site.url}privacy/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Privacy Policy');
    await page.getByRole('link', { name: 'All versions' }).click();
    await expect.poll(() => page.url()).toBe(`${site.url}privacy/history/`);
  });

  it('the "version in force on" form jumps to the right version', async () => {
    await page.goto(`${site.url}privacy/history/`);
    await page.fill('#version-finder-date', '2024-12-25');
    await page.click('.version-finder button[type="submit"]');
    await expect.poll(() => page.url()).toBe(`${site.url}privacy/2024-07-15/`);
  });

  it('says when no version was in force yet', async () => {
    await page.goto(`${site.url}privacy/history/`);
    await page.fill('#version-finder-date', '2020-01-01');
    await page.click('.version-finder button[type="submit"]');
    await expect.poll(() => page.locator('[data-version-finder-result]').textContent()).toMatch(/No version was in force on 2020-01-01/);
  });

  it('clause anchors are links that scroll to the clause', async () => {
    await page.goto(`${site.url}privacy/2025-09-01/`);
    const anchor = page.locator('#your-rights a.heading-anchor');
    await expect(anchor.getAttribute('href')).resolves.toBe('#your-rights');
    await anchor.click();
    await expect.poll(() => page.url()).toBe(`${site.url}privacy/2025-09-01/#your-rights`);
  });

  it('reads without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${site.url}privacy/2024-03-01/`);
    await expect(noJs.locator('.notice--past').textContent()).resolves.toMatch(/was in force from 1 March 2024\s+to 14 July 2024/);
    await expect(noJs.locator('.prose h2').count()).resolves.toBeGreaterThan(8);
    await context.close();
  });
});
