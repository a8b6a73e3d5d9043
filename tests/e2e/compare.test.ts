import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_SITES, type ServedExample, serveExample } from '../support/example-site.ts';
import type { StaticSite } from '../support/static-server.ts';

const MOVED = 'privacy/compare/2025-02-01...2025-09-01/';

/** The visible structure and text of a rendered redline container, for comparing two renderings. */
function redlineOf(page: Page, view: 'inline' | 'side-by-side'): Promise<string> {
  return page.locator(`[data-view="${view}"]`).evaluate((element) => {
    const walk = (node: Element): string =>
      `<${node.tagName.toLowerCase()} ${[...node.classList].sort().join('.')}${node.id ? `#${node.id}` : ''}>` +
      [...node.childNodes].map((child) => (child.nodeType === Node.TEXT_NODE ? (child.textContent ?? '').replace(/\s+/gu, ' ') : child instanceof Element ? walk(child) : '')).join('');
    return [...element.children].map(walk).join('');
  });
}

describe.each(EXAMPLE_SITES)('compare pages under $base', ({ base }) => {
  let served: ServedExample;
  let browser: Browser;
  let site: StaticSite;
  let page: Page;
  const errors: string[] = [];
  beforeAll(async () => {
    served = await serveExample(base);
    ({ site, browser } = served);
    page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
  });
  afterAll(() => served?.close());

  it('shows the moved section as moved, with a link between its two places', async () => {
    await page.goto(`${site.url}${MOVED}`);
    const movedTo = page.locator('[data-view="inline"] h3.rl-moved-to');
    await expect(movedTo.textContent()).resolves.toMatch(/Moved down from after § Who we share it with.*International transfers/u);
    await expect(page.locator('[data-view="inline"] h3.rl-moved-from').isVisible()).resolves.toBe(true);
    const link = movedTo.locator('a.rl-move-link');
    const from = await link.getAttribute('href');
    await expect(page.locator(`[data-view="inline"] ${from}`).getAttribute('class')).resolves.toContain('rl-moved-from');
    expect(errors).toEqual([]);
  });

  it('next and previous change, by button and by key, move focus along the change anchors', async () => {
    await page.goto(`${site.url}${MOVED}`);
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
    await page.getByRole('button', { name: 'Next change' }).click();
    await expect.poll(focusedId).toBe('change-1');
    await page.getByRole('button', { name: 'Next change' }).click();
    await expect.poll(focusedId).toBe('change-2');
    await page.keyboard.press('j');
    await expect.poll(focusedId).toBe('change-3');
    await page.keyboard.press('n');
    await expect.poll(focusedId).toBe('change-4');
    await page.keyboard.press('k');
    await expect.poll(focusedId).toBe('change-3');
    await page.getByRole('button', { name: 'Previous change' }).click();
    await expect.poll(focusedId).toBe('change-2');
    await expect(page.locator('[data-change-status]').textContent()).resolves.toMatch(/^Change 2 of 14$/u);
    expect(page.url()).toBe(`${site.url}${MOVED}#change-2`);
    // A change inside a collapsed stretch opens it.
    for (let step = 0; step < 12; step++) await page.keyboard.press('j');
    await expect.poll(focusedId).toBe('change-14');
    await expect(page.locator('#change-14').isVisible()).resolves.toBe(true);
  });

  it('switches to side by side with JavaScript, remembers it, and navigates within it', async () => {
    await page.goto(`${site.url}${MOVED}`);
    await page.getByLabel('Side by side').check();
    await expect(page.locator('[data-view="side-by-side"]').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-view="inline"]').isVisible()).resolves.toBe(false);
    await page.reload();
    await expect(page.getByLabel('Side by side').isChecked()).resolves.toBe(true);
    await expect(page.locator('[data-view="side-by-side"]').isVisible()).resolves.toBe(true);
    await page.keyboard.press('j');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('sbs-change-1');
    await page.getByLabel('Inline redline').check();
    await expect(page.locator('[data-view="inline"]').isVisible()).resolves.toBe(true);
  });

  it('switches views without JavaScript, and is inline on a narrow screen', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1300, height: 900 } });
    const noJs = await context.newPage();
    await noJs.goto(`${site.url}${MOVED}`);
    await expect(noJs.locator('[data-view="inline"]').isVisible()).resolves.toBe(true);
    await expect(noJs.locator('[data-change-nav]').isVisible()).resolves.toBe(false);
    await noJs.getByLabel('Side by side').check();
    await expect(noJs.locator('[data-view="side-by-side"]').isVisible()).resolves.toBe(true);
    await expect(noJs.locator('[data-view="inline"]').isVisible()).resolves.toBe(false);
    await noJs.setViewportSize({ width: 400, height: 800 });
    await expect(noJs.locator('[data-view="inline"]').isVisible()).resolves.toBe(true);
    await expect(noJs.locator('[data-view="side-by-side"]').isVisible()).resolves.toBe(false);
    // The picker lists the built pairs.
    await noJs.goto(`${site.url}privacy/compare/?from=2024-07-15&to=2025-09-01`);
    await expect(noJs.locator('.compare-pairs li').count()).resolves.toBe(6);
    await expect(noJs.locator('[data-compare-result]').isVisible()).resolves.toBe(false);
    await context.close();
  });

  it.each([
    ['2025-02-01', '2025-09-01'],
    ['2024-07-15', '2025-09-01'],
  ])('a pair picked in the browser (%s -> %s) gives the same redline as the built page', async (from, to) => {
    await page.goto(`${site.url}${`privacy/compare/${from}...${to}/`}`);
    const built = { inline: await redlineOf(page, 'inline'), sideBySide: await redlineOf(page, 'side-by-side'), summary: await page.locator('.rl-summary').innerHTML() };
    expect(built.inline).toContain('rl-change');

    await page.goto(`${site.url}privacy/history/`);
    await page.locator('.compare-form--history select[name="from"]').selectOption(from);
    await page.locator('.compare-form--history select[name="to"]').selectOption(to);
    await page.locator('.compare-form--history button[type="submit"]').click();
    await expect.poll(() => page.url()).toBe(`${site.url}privacy/compare/?from=${from}&to=${to}`);
    await expect.poll(() => page.locator('[data-compare-result]').isVisible()).toBe(true);
    await expect(page.locator('[data-compare-title]').textContent()).resolves.toMatch(/^What changed in Privacy Policy: /u);
    expect(await redlineOf(page, 'inline')).toBe(built.inline);
    expect(await page.locator('.rl-summary').innerHTML()).toBe(built.summary);
    await expect(page.getByRole('link', { name: 'its own page' }).getAttribute('href')).resolves.toBe(`${base}privacy/compare/${from}...${to}/`);
    // Navigation works on the picked pair too.
    await page.keyboard.press('j');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toMatch(/^(sbs-)?change-1$/u);
    // The side-by-side view is rendered when it is shown (or once the browser is idle), with the same content.
    await page.getByLabel('Side by side').check();
    await expect(page.locator('[data-view="side-by-side"]').isVisible()).resolves.toBe(true);
    expect(await redlineOf(page, 'side-by-side')).toBe(built.sideBySide);
    await page.getByLabel('Inline redline').check();
    expect(errors).toEqual([]);
  });

  it('a picked pair opens in the view the reader chose, renders the other when switched to or printed, and a new pair replaces both', async () => {
    const builtOf = async (from: string, to: string) => {
      await page.goto(`${site.url}privacy/compare/${from}...${to}/`);
      return { inline: await redlineOf(page, 'inline'), sideBySide: await redlineOf(page, 'side-by-side') };
    };
    const first = await builtOf('2024-07-15', '2025-09-01');
    const second = await builtOf('2025-02-01', '2025-09-01');
    const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
    const picker = await context.newPage();
    await picker.goto(`${site.url}privacy/compare/`);
    await picker.evaluate(() => localStorage.setItem('redline:compare-view', 'side-by-side'));
    await picker.goto(`${site.url}privacy/compare/?from=2024-07-15&to=2025-09-01`);
    await expect.poll(() => picker.locator('[data-view="side-by-side"]').isVisible()).toBe(true);
    expect(await redlineOf(picker, 'side-by-side')).toBe(first.sideBySide);
    await expect(picker.locator('[data-view="inline"]').isVisible()).resolves.toBe(false);
    await picker.keyboard.press('j');
    await expect.poll(() => picker.evaluate(() => document.activeElement?.id)).toBe('sbs-change-1');
    // Paper shows the inline view.
    await picker.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await picker.emulateMedia({ media: 'print' });
    await expect(picker.locator('[data-view="inline"]').isVisible()).resolves.toBe(true);
    expect(await redlineOf(picker, 'inline')).toBe(first.inline);
    await picker.emulateMedia({ media: 'screen' });
    // Another pair from the form: neither view keeps the first pair's redline.
    await picker.locator('#compare-from').selectOption('2025-02-01');
    await picker.locator('#compare-to').selectOption('2025-09-01');
    await picker.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect.poll(() => picker.url()).toBe(`${site.url}privacy/compare/?from=2025-02-01&to=2025-09-01`);
    await expect.poll(() => redlineOf(picker, 'side-by-side')).toBe(second.sideBySide);
    await picker.getByLabel('Inline redline').check();
    expect(await redlineOf(picker, 'inline')).toBe(second.inline);
    await context.close();
    expect(errors).toEqual([]);
  });

  it('a link to a change or a section lands below the sticky bar with passages off screen skipped (content-visibility)', async () => {
    const context = await browser.newContext({ viewport: { width: 1300, height: 300 } });
    // Which passages the browser skipped (https://drafts.csswg.org/css-contain-2/#content-visibility-auto-state-change).
    await context.addInitScript(() => {
      const skipped = new Set<Element>();
      (window as unknown as { skippedPassages: Set<Element> }).skippedPassages = skipped;
      addEventListener('contentvisibilityautostatechange', (event) => {
        const { target, skipped: isSkipped } = event as Event & { skipped: boolean };
        if (target instanceof Element && isSkipped) skipped.add(target);
        else if (target instanceof Element) skipped.delete(target);
      }, true);
    });
    const short = await context.newPage();
    const landing = (id: string) =>
      short.evaluate((target) => {
        const element = document.getElementById(target);
        if (!element) return undefined;
        return { top: element.getBoundingClientRect().top, padding: parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop), scrolled: scrollY };
      }, id);
    for (const id of ['change-12', 'section-your-rights', 'change-3']) {
      await short.goto(`${site.url}${MOVED}#${id}`);
      // Passages the reader has not seen yet are skipped (not laid out), and the target is where a link puts it.
      await expect.poll(() => short.evaluate(() => [...(window as unknown as { skippedPassages: Set<Element> }).skippedPassages].filter((passage) => passage.closest('[data-view="inline"]')).length)).toBeGreaterThan(0);
      const at = await landing(id);
      expect(at, id).toBeDefined();
      expect(at!.scrolled, id).toBeGreaterThan(0);
      expect(Math.abs(at!.top - at!.padding), `${id} at ${at!.top}, scroll padding ${at!.padding}`).toBeLessThan(24);
      // Still there once the passages around it are laid out.
      await short.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const settled = await landing(id);
      expect(Math.abs(settled!.top - at!.top), id).toBeLessThan(2);
    }
    await context.close();
  });

  it('computes a pair that has no page of its own, from the form, at a shareable URL', async () => {
    await page.goto(`${site.url}privacy/compare/`);
    // Choosing a version starts loading its blocks (and the engine) before Compare is pressed.
    const fromBlocks = page.waitForResponse((response) => response.url().endsWith('/api/privacy/2024-03-01.blocks.json'));
    await page.locator('#compare-from').selectOption('2024-03-01');
    await expect(fromBlocks.then((response) => response.ok())).resolves.toBe(true);
    await page.locator('#compare-to').selectOption('2025-02-01');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect.poll(() => page.url()).toBe(`${site.url}privacy/compare/?from=2024-03-01&to=2025-02-01`);
    await expect.poll(() => page.locator('[data-compare-status]').textContent()).toMatch(/^Showing \d+ changes\.$/u);
    await expect(page.locator('[data-view="inline"] tr.rl-added').filter({ hasText: 'Beacon Support Inc.' }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'its own page' }).count()).resolves.toBe(0);
    const shared = await browser.newPage();
    await shared.goto(page.url());
    await expect.poll(() => shared.locator('[data-compare-result]').isVisible()).toBe(true);
    await expect(shared.locator('[data-view="inline"] tr.rl-added').filter({ hasText: 'Beacon Support Inc.' }).count()).resolves.toBe(1);
    await shared.close();
    expect(errors).toEqual([]);
  });
});
