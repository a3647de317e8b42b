// End to end at 390 px: the Customer value page shows the RFM grid of the seeded buyers, a click on a cell lists its
// contacts, a segment lists its own; the contact's 360° view shows RFM and recommended products; in English and Chinese
// (screenshots/customer-value-*.png).
import { describe, expect, it } from 'vitest';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';

describe('customer value in the browser', () => {
  let buyer = '';
  const session = browserSession({
    viewport: { width: 390, height: 844 },
    seed: async (api) => {
      await api.call('POST', '/products', { sku: 'PRN-1', nameEn: 'Printer X', nameZh: '打印机 X', price: 99900, currency: 'CNY' });
      await api.call('POST', '/products', { sku: 'TON-1', nameEn: 'Toner Y', nameZh: '墨粉 Y', price: 19900, currency: 'CNY' });
      const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
      for (let i = 0; i < 6; i++) {
        const id = (await api.call<{ id: string }>('POST', '/contacts', { displayName: `Buyer ${i}` })).id;
        if (i === 0) buyer = id;
        await api.call('POST', '/orders', { contactId: id, orderedAt: day(5 + i * 60), items: [{ sku: 'PRN-1', quantity: 1 }] });
        // Everyone but the first also bought toner: the first is told to.
        if (i > 0) await api.call('POST', '/orders', { contactId: id, orderedAt: day(4 + i * 60), items: [{ sku: 'TON-1', quantity: 1 }] });
      }
      // Four who bought only a cable, so toner is not bought by everyone (lift 5/6 ÷ 5/10 ≈ 1.7).
      await api.call('POST', '/products', { sku: 'CBL-1', nameEn: 'Cable Z', price: 900, currency: 'CNY' });
      for (let i = 0; i < 4; i++) {
        const id = (await api.call<{ id: string }>('POST', '/contacts', { displayName: `Cable buyer ${i}` })).id;
        await api.call('POST', '/orders', { contactId: id, orderedAt: day(30 + i * 90), items: [{ sku: 'CBL-1', quantity: 1 }] });
      }
      await api.call('POST', '/intelligence/customer-value/recompute', {});
    },
  });

  it('shows the grid, lists a cell, a segment and the 360° sections, in English and Chinese', async () => {
    await withFailureShot(session.page, 'e2e-customer-value-failure', async () => {
      const { page, server, api } = session;
      await loginInBrowser(page, `${server.url}/customer-value`);
      // The recompute job runs in the background: wait until the grid is there.
      await expect.poll(async () => {
        await page.reload();
        await page.locator('[data-testid=rfm-grid], [data-testid=rfm-not-computed]').first().waitFor();
        return page.locator('[data-testid=rfm-grid]').count();
      }, { timeout: 30_000 }).toBe(1);
      const total = await page.locator('[data-testid^=rfm-cell-]').evaluateAll((cells) => cells.reduce((s, c) => s + Number(c.querySelector('p')?.textContent ?? 0), 0));
      expect(total).toBe(10);
      const cell = page.locator('[data-testid^=rfm-cell-]').filter({ hasNotText: /^0/ }).first();
      await cell.click();
      await page.locator('[data-testid=rfm-contacts]').waitFor();
      expect(await page.locator('[data-testid=rfm-contacts] a').count()).toBeGreaterThan(0);
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth)).toBe(true);
      await page.screenshot({ path: 'screenshots/customer-value-en.png', fullPage: true });

      await page.locator('[data-testid=rfm-segment-lost]').click();
      await expect.poll(() => page.url()).toContain('segment=lost');

      await page.goto(`${server.url}/contacts/${buyer}`);
      const recs = page.locator('[data-testid=section-recommendations] >> visible=true');
      await recs.waitFor();
      expect(await recs.textContent()).toContain('Toner Y');
      expect(await recs.textContent()).toContain('Because they bought: Printer X');
      expect(await page.locator('[data-testid=section-rfm] >> visible=true').textContent()).toMatch(/Recency: \d/);

      await api.call('PATCH', '/auth/me', { locale: 'zh-CN' });
      await page.evaluate(() => localStorage.setItem('rapport.locale', 'zh-CN'));
      await page.reload();
      await recs.waitFor();
      expect(await recs.textContent()).toContain('因为购买了');
      await page.goto(`${server.url}/customer-value`);
      await page.locator('[data-testid=rfm-grid]').waitFor();
      expect(await page.locator('[data-testid=rfm-segments]').textContent()).toContain('冠军客户');
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth)).toBe(true);
      await page.screenshot({ path: 'screenshots/customer-value-zh.png', fullPage: true });
    });
  }, 120_000);
});
