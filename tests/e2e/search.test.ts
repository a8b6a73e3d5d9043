import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/build-site.ts';
import { EXAMPLE_SITES, type ServedExample, serveExample } from '../support/example-site.ts';
import type { StaticSite } from '../support/static-server.ts';

// Known answers from content/privacy (the build date is 2026-11-23, so 2025-09-01 is in force and
// 2027-01-15 is upcoming): "Marketing partners" was removed on 2025-09-01 and survives only in the three
// past versions; the ICO registration is in every version, under "Who we are". Past versions are shorter,
// so Pagefind alone scores them a little higher than the version in force: the status weighting must win.
const PAST_ONLY = 'marketing partners';
const IN_EVERY_PRIVACY_VERSION = 'registered with the Information Commissioner';

/** The search page's announced result count, once a search has finished. */
async function searchStatus(page: Page): Promise<string> {
  await page.locator('[data-search-status]:not(:empty)').waitFor({ state: 'attached' });
  await page.locator('[data-search-results]:not([aria-busy])').waitFor({ state: 'attached' });
  return (await page.locator('[data-search-status]').textContent()) ?? '';
}

/** Each result as its link, badge and document title. */
async function results(page: Page): Promise<Array<{ href: string; badge: string; document: string; section: string }>> {
  return page.locator('.search-result').evaluateAll((items) =>
    items.map((item) => ({
      href: item.querySelector('a')?.getAttribute('href') ?? '',
      badge: item.querySelector('.search-badge')?.textContent ?? '',
      document: item.querySelector('.search-result__document')?.textContent ?? '',
      section: item.querySelector('.search-result__section')?.textContent ?? '',
    })),
  );
}

describe.each(EXAMPLE_SITES)('search on the example site under $base', ({ base }) => {
  let served: ServedExample;
  let browser: Browser;
  let site: StaticSite;
  let page: Page;
  beforeAll(async () => {
    served = await serveExample(base);
    ({ site, browser } = served);
  });
  beforeEach(async () => {
    await page?.close();
    page = await browser.newPage();
  });
  afterAll(() => served?.close());

  it("finds what the README's shareable search example promises", async () => {
    const example = /`\/(search\/\?q=[^`]+)`/.exec(readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8'))?.[1];
    expect(example).toBeDefined();
    await page.goto(`${site.url}${example}`);
    await expect(searchStatus(page)).resolves.toMatch(/^\d+ versions? match/);
    const found = await results(page);
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found.map((result) => result.document))).toEqual(new Set(['Privacy Policy']));
  });

  it('finds a phrase of past versions only once past versions are included', async () => {
    await page.goto(`${site.url}search/?q=${encodeURIComponent(PAST_ONLY)}`);
    await expect(searchStatus(page)).resolves.toMatch(/^No version matches “marketing partners”\. 3 past versions also match/);
    await expect(page.locator('.search-result').count()).resolves.toBe(0);

    await page.getByLabel('Include past versions').check();
    await expect.poll(() => page.url()).toBe(`${site.url}search/?q=marketing+partners&past=1`);
    await expect(searchStatus(page)).resolves.toBe('3 versions match “marketing partners”.');
    const found = await results(page);
    expect(found.map((result) => result.href)).toEqual(
      ['2024-03-01', '2024-07-15', '2025-02-01'].map((version) => `${base}privacy/${version}/#data-from-third-parties`),
    );
    expect(new Set(found.map((result) => result.badge))).toEqual(new Set(['Past']));
    await expect(page.locator('.search-result mark').first().textContent()).resolves.toMatch(/^marketing$/i);
  });

  it('finds the version in force first for a phrase of the current privacy policy, even among past versions', async () => {
    await page.goto(`${site.url}search/?q=${encodeURIComponent(IN_EVERY_PRIVACY_VERSION)}&past=1`);
    await expect(searchStatus(page)).resolves.toBe('5 versions match “registered with the Information Commissioner”.');
    const found = await results(page);
    expect(found[0]).toEqual({ href: `${base}privacy/2025-09-01/#who-we-are`, badge: 'In force', document: 'Privacy Policy', section: '§ Who we are' });
    expect(found.map((result) => result.badge)).toEqual(['In force', 'Upcoming', 'Past', 'Past', 'Past']);
    expect(found.every((result) => result.href.endsWith('/#who-we-are'))).toBe(true);
    await expect(page.locator('.search-result').first().locator('time').getAttribute('datetime')).resolves.toBe('2025-09-01');
    await expect(page.locator('.search-result').first().locator('time').textContent()).resolves.toBe('1 September 2025');
  });

  it('narrows the results with the document filter, and keeps it in the URL', async () => {
    await page.goto(`${site.url}search/?q=data`);
    await searchStatus(page);
    const all = await results(page);
    expect(new Set(all.map((result) => result.document)).size).toBeGreaterThan(1);

    await page.getByLabel('Cookie Policy', { exact: true }).check();
    await expect.poll(() => page.url()).toBe(`${site.url}search/?q=data&doc=cookies`);
    await expect.poll(async () => (await results(page)).map((result) => result.document)).toEqual(['Cookie Policy']);
    expect((await results(page)).length).toBeLessThan(all.length);

    // A shared link restores the same search.
    await page.goto(`${site.url}search/?q=data&doc=cookies`);
    await searchStatus(page);
    await expect(page.getByLabel('Cookie Policy', { exact: true }).isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Search for', { exact: true }).inputValue()).resolves.toBe('data');
    expect((await results(page)).map((result) => result.document)).toEqual(['Cookie Policy']);
  });

  it('a result link opens the version at the matching clause', async () => {
    await page.goto(`${site.url}search/?q=${encodeURIComponent(PAST_ONLY)}&past=1`);
    await searchStatus(page);
    await page.locator('.search-result a').first().click();
    await expect.poll(() => page.url()).toBe(`${site.url}privacy/2024-03-01/#data-from-third-parties`);
    await expect(page.locator(':target').getAttribute('id')).resolves.toBe('data-from-third-parties');
  });

  it('the header search box on a version page submits to the search page, which loads Pagefind under the base path', async () => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    // A Content-Security-Policy violation (WebAssembly, the worker, a script) or a failed fetch shows up here.
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    await page.goto(`${site.url}privacy/2025-09-01/`);
    expect(scripts).toEqual([]);

    await page.locator('#site-search-input').fill(IN_EVERY_PRIVACY_VERSION);
    await page.locator('#site-search-input').press('Enter');
    await expect.poll(() => page.url()).toBe(`${site.url}search/?q=registered+with+the+Information+Commissioner`);
    await expect(searchStatus(page)).resolves.toMatch(/^2 versions match/);
    expect(scripts).toContain(`${base}pagefind/pagefind.js`);
    expect(scripts.every((path) => path.startsWith(base))).toBe(true);
    expect(problems).toEqual([]);
  });

  it('is usable from the keyboard: type, filter with the space bar, and announce the count in a live region', async () => {
    await page.goto(`${site.url}search/`);
    await page.getByRole('searchbox', { name: 'Search for', exact: true }).focus();
    await page.keyboard.type(PAST_ONLY);
    await page.keyboard.press('Enter');
    await expect(searchStatus(page)).resolves.toMatch(/^No version matches/);
    await page.getByLabel('Include past versions').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('[role="status"]').textContent()).toBe('3 versions match “marketing partners”.');
    await expect(page.locator('[data-search-status]').getAttribute('aria-live')).resolves.toBe('polite');
  });

  it('says, without JavaScript, that search needs it and where to find the documents instead', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${site.url}search/?q=data`);
    const notice = noJs.locator('p.notice', { hasText: 'Search needs JavaScript' });
    await expect(notice.isVisible()).resolves.toBe(true);
    const links = await notice.locator('a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(links).toContain(base);
    expect(links).toContain(`${base}privacy/history/`);
    await context.close();
  });
});
