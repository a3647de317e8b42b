// End to end: signing in lands on Today; its cards show my overdue task, my deal closing this month and the activity
// on my records, and an item's link opens the record.
import { describe, expect, it } from 'vitest';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';

describe('Today in the browser', () => {
  let contactId = '';
  const session = browserSession({
    seed: async (api) => {
      const me = await api.call<{ id: string }>('GET', '/auth/me');
      contactId = (await api.call<{ id: string }>('POST', '/contacts', { displayName: 'Today Customer', ownerId: me.id })).id;
      const yesterday = new Date(Date.now() - 86_400_000).toISOString();
      await api.call('POST', '/interactions', { type: 'task', contactId, subject: 'Send the signed contract', dueAt: yesterday, assigneeId: me.id });
      await api.call('POST', '/interactions', { type: 'call', contactId, direction: 'outbound', subject: 'Pricing call' });
      const today = new Date().toISOString().slice(0, 10);
      await api.call('POST', '/deals', { name: 'Today Deal', amount: 1_250_000, currency: 'CNY', ownerId: me.id, expectedCloseDate: today });
    },
  });

  it('lands on Today after login, shows the cards and follows a link to the record', async () => {
    await withFailureShot(session.page, 'e2e-today-failure', flow);
  }, 60_000);

  async function flow(): Promise<void> {
    const { page, server } = session;
    await loginInBrowser(page, `${server.url}/login`);
    await page.waitForURL('**/today');
    const tasks = page.locator('[data-testid=today-card-tasks]');
    await tasks.waitFor();
    await expect(tasks.locator('[data-testid=today-count]').textContent()).resolves.toBe('1');
    await expect(tasks.textContent()).resolves.toContain('Overdue since');
    const closing = page.locator('[data-testid=today-card-closingDeals]');
    await expect(closing.textContent()).resolves.toContain('Today Deal');
    await expect(closing.textContent()).resolves.toMatch(/12,500/);
    await expect(page.locator('[data-testid=today-card-recentActivity]').textContent()).resolves.toContain('Pricing call');

    await tasks.getByText('Send the signed contract').click();
    await page.waitForURL(`**/contacts/${contactId}`);
    await expect.poll(() => page.locator('[data-testid=profile-card]').textContent()).toContain('Today Customer');

    await page.click('[data-nav=today]');
    await page.locator('[data-testid=today-card-closingDeals]').getByText('Today Deal').click();
    await page.waitForURL(/\/deals\?.*deal=/);
  }
});
