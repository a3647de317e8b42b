// Phone and desktop layout: at 390 px, in English and Chinese, the deals table, the forecast, a deal's line items,
// Settings → Users, a contact's 360° page and the contacts and companies lists with their saved views neither scroll sideways nor hold a card or table wider than itself;
// at 1,440 px every Settings tab is in sight (none hidden behind a scroll).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';
import { createDemoData } from './support/fixtures.js';
import { createSalesData } from './support/sales-fixtures.js';

/** Every visible element that is wider than the window, or a scroll container wider inside than its box. */
async function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.scrollingElement!;
    if (root.scrollWidth > window.innerWidth) found.push(`page scrolls sideways: ${root.scrollWidth} > ${window.innerWidth}`);
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''}.${[...el.classList].slice(0, 2).join('.')}`;
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || el.closest('[aria-hidden=true], svg, .recharts-wrapper')) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.position === 'fixed') continue;
      const scrolls = ['auto', 'scroll'].includes(style.overflowX);
      const card = el.matches('table, [role=tablist], .mantine-Paper-root, .mantine-Card-root, .mantine-Table-scrollContainer, .mantine-ScrollArea-viewport');
      if ((scrolls || card) && el.scrollWidth > el.clientWidth + 1) found.push(`${name(el)} is ${el.scrollWidth} wide inside ${el.clientWidth}`);
      if (box.right > window.innerWidth + 1) {
        found.push(`${name(el)} ends at ${Math.round(box.right)} > ${window.innerWidth}`);
      }
    }
    return found;
  });
}

describe('Layout on a phone and a wide screen', () => {
  let contactId = '';
  let companyId = '';
  let dealId = '';
  const session = browserSession({
    viewport: { width: 390, height: 844 },
    seed: async (api) => {
      ({ contactId, companyId } = await createDemoData(api));
      dealId = (await createSalesData(api)).dealId;
      // Saved views make tabs above the lists; on a phone they must not scroll sideways.
      for (const object of ['contact', 'company']) for (const name of ['Key accounts in the Yangtze delta', '我的重点客户', 'Renewals due this quarter']) await api.call('POST', '/saved-views', { object, name, shared: true, state: {} });
    },
  });

  it('at 390 px nothing overflows sideways, in English and Chinese', async () => {
    await withFailureShot(session.page, 'e2e-phone-layout-failure', phone);
  }, 120_000);

  it('at 1440 px every settings tab is in sight', async () => {
    await withFailureShot(session.page, 'e2e-settings-tabs-failure', wide);
  }, 60_000);

  async function visit(path: string, ready: string): Promise<void> {
    const { page, server } = session;
    await page.goto(`${server.url}${path}`);
    await page.locator(ready).first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    expect(await overflows(page), `${path} at ${page.viewportSize()?.width} px`).toEqual([]);
  }

  async function phone(): Promise<void> {
    const { page, server } = session;
    await loginInBrowser(page, `${server.url}/login`);
    for (const language of ['en', 'zh-CN']) {
      // The signed-in user's saved language wins over the one kept in the browser; set both.
      await session.api.call('PATCH', '/auth/me', { locale: language });
      await page.evaluate((l) => localStorage.setItem('rapport.locale', l), language);
      await visit('/deals?view=table', '[data-testid=deals-cards] [data-testid=record-card]');
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe(language);
      // The cards stand in for the table, which is not shown on a phone.
      await expect(page.locator('[data-testid=deals-table]').isVisible()).resolves.toBe(false);
      await visit(`/deals?view=table&deal=${dealId}`, '[data-testid=line-item-cards] [data-testid=record-card]');
      await visit('/forecast', '[data-testid=forecast-cards] [data-testid=record-card]');
      await visit('/settings?tab=users', '[data-testid=users-cards]');
      await visit('/settings?tab=profile', '[role=tab]');
      await visit(`/contacts/${contactId}`, '[data-testid=contact-view]');
      await visit(`/companies/${companyId}`, '[data-testid=company-view]');
      await visit('/contacts', '[data-testid=view-select]');
      await visit('/companies', '[data-testid=view-select]');
    }
    // The close-month filter names the month in the app's language.
    await page.goto(`${server.url}/deals?view=table&month=2026-12`);
    await expect.poll(() => page.locator('[data-testid=close-month-filter]').first().evaluate((el) => (el as HTMLInputElement).value || el.textContent)).toBe('2026年12月');
  }

  async function wide(): Promise<void> {
    const { page, server } = session;
    await page.setViewportSize({ width: 1440, height: 900 });
    await session.api.call('PATCH', '/auth/me', { locale: 'en' });
    await page.evaluate(() => localStorage.setItem('rapport.locale', 'en'));
    await visit('/settings', '[role=tab]');
    const tabs = page.locator('[data-testid=settings-tabs] [role=tab]');
    const count = await tabs.count();
    expect(count).toBeGreaterThanOrEqual(10);
    for (let i = 0; i < count; i++) {
      const tab = tabs.nth(i);
      const box = (await tab.boundingBox())!;
      // In the window, and the topmost thing at its middle (not clipped behind a scroll).
      expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= 1440 && box.y + box.height <= 900, await tab.textContent() ?? '').toBe(true);
      const onTop = await tab.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        return hit !== null && el.contains(hit);
      });
      expect(onTop, await tab.textContent() ?? '').toBe(true);
    }
    await expect(page.locator('[data-testid=settings-tabs] [role=tablist]').evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight)).resolves.toBe(true);
  }
});
