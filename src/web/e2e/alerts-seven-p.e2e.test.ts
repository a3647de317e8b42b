// End to end at 390 px: an alert about a VIP customer's angry note shows on Today with its suggested action, and
// accepting it from the card makes a task; the 7P page's bucket opens the contacts behind it; en and zh-CN
// (screenshots/alerts-*.png, seven-p-*.png).
import { describe, expect, it } from 'vitest';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';

const noSidewaysScroll = () => document.scrollingElement!.scrollWidth <= window.innerWidth;

describe('alerts on Today and the 7P page in the browser', () => {
  const session = browserSession({
    viewport: { width: 390, height: 844 },
    seed: async (api) => {
      const me = (await api.call<{ user: { id: string } }>('GET', '/auth/me')).user;
      await api.call('POST', '/products', { sku: 'E2E-7P', nameEn: 'Garden set', nameZh: '花园套装', price: 5000, cost: 2000, currency: 'CNY' });
      const vip = await api.call<{ id: string }>('POST', '/contacts', { displayName: 'Wang Fang', ownerId: me.id, tags: ['VIP'], lifecycleStage: 'customer', source: 'trade fair' });
      await api.call('POST', '/orders', { contactId: vip.id, channel: 'web', items: [{ sku: 'E2E-7P', quantity: 2 }] });
      await api.call('POST', '/interactions', { type: 'note', contactId: vip.id, body: 'Customer is very angry: terrible delivery, totally unacceptable, wants a refund.' });
      await api.call('POST', '/intelligence/customer-value/recompute', {});
      // Sentiment runs in the background and the rule reads settled results: run the rules until the alert is there.
      for (let i = 0; i < 40; i++) {
        await api.call('POST', '/alerts/run', {});
        const open = await api.call<{ data: unknown[] }>('GET', '/alerts?mine=true');
        if (open.data.length) break;
        await new Promise((r) => setTimeout(r, 500));
      }
    },
  });

  it('accepts an alert from the Today card (a task is made) and drills into a 7P bucket, in English and Chinese', async () => {
    await withFailureShot(session.page, 'e2e-alerts-seven-p-failure', async () => {
      const { page, server, api } = session;
      await loginInBrowser(page, `${server.url}/today`);
      const card = page.locator('[data-testid=today-card-alerts]');
      await card.locator('[data-testid=today-item]').first().waitFor();
      expect(await card.textContent()).toContain('Wang Fang');
      expect(await card.textContent()).toContain('Negative sentiment from a key account');
      expect(await card.textContent()).toContain('Suggested: Call');
      expect(await page.evaluate(noSidewaysScroll)).toBe(true);
      await page.screenshot({ path: 'screenshots/alerts-today-en.png', fullPage: true });
      await card.locator('[data-testid=alert-accept]').first().click();
      await expect.poll(() => card.locator('[data-testid=today-item]').count(), { timeout: 15_000 }).toBe(0);
      const tasks = await api.call<{ data: { subject: string }[] }>('GET', '/tasks');
      expect(tasks.data.map((t) => t.subject).join('\n')).toMatch(/^Call — Negative sentiment from key account Wang Fang/m);
      const accepted = await api.call<{ data: { status: string; taskId: string | null }[] }>('GET', '/alerts?status=accepted');
      expect(accepted.data[0]).toMatchObject({ status: 'accepted' });
      expect(accepted.data[0]!.taskId).toBeTruthy();

      await page.goto(`${server.url}/alerts?status=accepted`);
      await page.locator('[data-testid=alert-card]').first().waitFor();
      await page.locator('[data-testid=alert-stats]').waitFor();
      await page.screenshot({ path: 'screenshots/alerts-page-en.png', fullPage: true });

      await page.goto(`${server.url}/customer-value/seven-p`);
      await page.locator('[data-testid=seven-p-profiling]').waitFor();
      await page.locator('[data-testid=seven-p-bucket-promotion-trade\\ fair]').click();
      const drawer = page.locator('[data-testid=seven-p-contacts]');
      await drawer.waitFor();
      expect(await drawer.textContent()).toContain('Wang Fang');
      await page.screenshot({ path: 'screenshots/seven-p-drill-en.png' });
      await drawer.locator('a', { hasText: 'Wang Fang' }).click();
      await expect.poll(() => page.url()).toMatch(/\/contacts\//);
      await page.locator('[data-testid=section-lifetimeValue] >> visible=true').waitFor();
      expect(await page.locator('[data-testid=section-lifetimeValue] >> visible=true').textContent()).toContain('Margin');

      await page.goto(`${server.url}/customer-value/seven-p`);
      await page.locator('[data-testid=seven-p-profiling]').waitFor();
      expect(await page.evaluate(noSidewaysScroll)).toBe(true);
      await page.screenshot({ path: 'screenshots/seven-p-en.png', fullPage: true });

      await api.call('PATCH', '/auth/me', { locale: 'zh-CN' });
      await page.evaluate(() => localStorage.setItem('rapport.locale', 'zh-CN'));
      await page.reload();
      await page.locator('[data-testid=seven-p-profiling]').waitFor();
      expect(await page.locator('[data-testid=seven-p-profiling]').textContent()).toContain('客户概况');
      expect(await page.evaluate(noSidewaysScroll)).toBe(true);
      await page.screenshot({ path: 'screenshots/seven-p-zh.png', fullPage: true });
      await page.goto(`${server.url}/alerts?status=accepted`);
      await page.locator('[data-testid=alert-card]').first().waitFor();
      expect(await page.locator('[data-testid=alert-card]').first().textContent()).toContain('重要客户 Wang Fang 出现负面情绪');
      await page.screenshot({ path: 'screenshots/alerts-page-zh.png', fullPage: true });
      await page.goto(`${server.url}/customer-value`);
      await page.locator('[data-testid=value-panel]').waitFor();
      expect(await page.evaluate(noSidewaysScroll)).toBe(true);
      await page.screenshot({ path: 'screenshots/customer-value-clv-zh.png', fullPage: true });
    });
  }, 180_000);
});
