// End to end: the contacts list sorts 张/Zhang/Zhao/赵 by pinyin on screen and shows the count; a saved view keeps a
// filter and a column choice (a custom field shown, email hidden) across leaving the page and reopening its tab.
import { describe, expect, it } from 'vitest';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';
import { reopenView, saveViewWithColumns } from './support/list-views.js';

describe('contacts list: pinyin order, count, columns and saved views', () => {
  const session = browserSession({
    seed: async (api) => {
      await api.call('POST', '/custom-fields', { object: 'contact', key: 'tier', label: 'Tier', type: 'text' });
      for (const name of ['Zhao Lei', '张三', '赵敏', 'Zhang Wei']) await api.call('POST', '/contacts', { displayName: name, tags: ['e2e-lists'], customFields: { tier: `T-${name}` } });
      await api.call('POST', '/contacts', { displayName: 'Outside Person' });
    },
  });

  it('sorts by name in pinyin, and a saved view brings back its filter and columns', async () => {
    const { page, server } = session;
    await withFailureShot(page, 'e2e-lists-failure', async () => {
      await loginInBrowser(page, `${server.url}/login`);
      await page.goto(`${server.url}/contacts?tag=e2e-lists`);
      await page.locator('[data-testid=list-count]').getByText('4 contacts').waitFor();
      await page.locator('[data-sort=displayName]').click();
      await page.waitForURL(/sort=displayName/);
      const order = async () => (await page.locator('[data-testid=contact-row] a').allInnerTexts()).filter((x) => ['张三', 'Zhang Wei', 'Zhao Lei', '赵敏'].includes(x));
      await expect.poll(order).toEqual(['张三', 'Zhang Wei', 'Zhao Lei', '赵敏']);
      await page.locator('[data-sort=displayName]').click();
      await expect.poll(order).toEqual(['赵敏', 'Zhao Lei', 'Zhang Wei', '张三']);

      await saveViewWithColumns(page, { name: 'Pinyin people', on: ['cf.tier'], off: ['email'] });
      await reopenView(page, `${server.url}/contacts`, 'All contacts', 'Pinyin people', { row: 'contact-row', text: 'Outside Person' });
      await page.waitForURL(/tag=e2e-lists/);
      await page.locator('[data-testid=list-count]').getByText('4 contacts').waitFor();
      await expect.poll(order).toEqual(['赵敏', 'Zhao Lei', 'Zhang Wei', '张三']);
      await page.locator('th[data-column="cf.tier"]').waitFor();
      expect(await page.locator('[data-testid=contacts-table] th', { hasText: 'Email' }).count()).toBe(0);
      await page.locator('[data-testid=contact-row]', { hasText: '张三' }).getByText('T-张三').waitFor();
      expect(await page.locator('[data-testid=contact-row]', { hasText: 'Outside Person' }).count()).toBe(0);
    });
  }, 120_000);
});
