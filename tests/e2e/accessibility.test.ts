import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServedExample, serveExample } from '../support/example-site.ts';
import type { StaticSite } from '../support/static-server.ts';

/** One page of each type the site has (paths relative to the base). */
const PAGE_TYPES = [
  { type: 'index', path: '' },
  { type: 'current version', path: 'privacy/' },
  { type: 'past version', path: 'privacy/2024-03-01/' },
  { type: 'upcoming version', path: 'privacy/2027-01-15/' },
  { type: 'history', path: 'privacy/history/' },
  { type: 'compare (inline)', path: 'privacy/compare/2025-02-01...2025-09-01/' },
  { type: 'compare (side by side)', path: 'privacy/compare/2025-02-01...2025-09-01/', sideBySide: true },
  { type: 'compare picker', path: 'privacy/compare/' },
  { type: 'search', path: 'search/?q=retention' },
  { type: 'subscribe', path: 'subscribe/' },
  { type: 'not found', path: 'no-such-page/' },
] as const;

/** Switches a compare page to side by side the way a reader would: the view control, by its label. */
async function chooseSideBySide(context: BrowserContext, url: string) {
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel(/side by side/i).first().check();
  return page;
}

// One served example site and one Chromium for every test of this file.
let served: ServedExample;
let browser: Browser;
let site: StaticSite;
beforeAll(async () => {
  served = await serveExample();
  ({ site, browser } = served);
});
afterAll(() => served?.close());

describe('accessibility and privacy of every page type', () => {
  describe.each(['light', 'dark'] as const)('in the %s theme', (colorScheme) => {
    it.each(PAGE_TYPES)('$type has zero WCAG 2.2 AA violations', async ({ path, ...options }) => {
      const context = await browser.newContext({ colorScheme });
      const url = `${site.url}${path}`;
      const page = 'sideBySide' in options ? await chooseSideBySide(context, url) : await context.newPage();
      if (!('sideBySide' in options)) await page.goto(url);
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      const violations = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      expect(violations).toEqual([]);
      await context.close();
    });
  });

  it.each(PAGE_TYPES)('$type makes no request to any host but the site', async ({ path }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(site.origin) && !url.startsWith('data:')) foreign.push(url);
    });
    await page.goto(`${site.url}${path}`);
    await page.waitForLoadState('networkidle');
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('violates no Content-Security-Policy on any page type', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
    });
    for (const { path } of PAGE_TYPES) {
      await page.goto(`${site.url}${path}`);
      await page.waitForLoadState('networkidle');
    }
    expect(violations).toEqual([]);
    await context.close();
  });
});

describe('a keyboard-only walk of the compare page', () => {
  it('reaches every control and walks the changes without a mouse', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}privacy/compare/2025-02-01...2025-09-01/`);
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement;
        return { id: element?.id ?? '', tag: element?.tagName ?? '', text: (element?.textContent ?? '').trim().slice(0, 60), label: element?.getAttribute('aria-label') ?? '' };
      });

    // The first Tab lands on the skip link, which takes focus to the main content.
    await page.keyboard.press('Tab');
    await expect(focused()).resolves.toMatchObject({ text: 'Skip to content' });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).id).toBe('main');

    // Tabbing on reaches the "Next change" button, visibly focused, without a trap on the way.
    let reached = false;
    for (let step = 0; step < 60 && !reached; step += 1) {
      await page.keyboard.press('Tab');
      const current = await focused();
      reached = current.tag === 'BUTTON' && /next change/i.test(current.text + current.label);
    }
    expect(reached).toBe(true);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');

    // Enter on the button and the n / p keys walk the change anchors in order.
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).id).toBe('change-1');
    await page.keyboard.press('n');
    await expect.poll(async () => (await focused()).id).toBe('change-2');
    await page.keyboard.press('p');
    await expect.poll(async () => (await focused()).id).toBe('change-1');

    // A collapsed stretch of unchanged text opens from the keyboard.
    const summary = page.locator('details.rl-unchanged > summary').first();
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('details.rl-unchanged').first().getAttribute('open')).resolves.not.toBeNull();
    await page.close();
  });
});
