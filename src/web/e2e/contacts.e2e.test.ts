// End to end: real server + built UI + Chromium. Log in, create a Chinese-named contact, find it, log a call, switch to
// Chinese, and export the searched list with chosen columns (header row in Chinese).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';

describe('contacts in the browser', () => {
  const session = browserSession({
    seed: async (api) => {
      // Another contact, so that the search has something to filter out.
      await api.call('POST', '/contacts', { displayName: 'Emily Chen', emails: ['emily@acme.example'] });
    },
  });

  it('logs in, creates 张伟, finds it, logs a call and switches to Chinese', async () => {
    await withFailureShot(session.page, 'e2e-failure', flow);
  }, 60_000);

  async function flow(): Promise<void> {
    const { page, server, api } = session;
    await loginInBrowser(page, `${server.url}/contacts`);
    await page.getByRole('link', { name: 'Emily Chen' }).waitFor();

    // Create the contact through the modal form.
    await page.click('[data-testid=new-contact]');
    const form = page.locator('[data-testid=create-contact-form]');
    await form.locator('input[name=displayName]').fill('张伟');
    const emails = form.getByLabel('Emails', { exact: true });
    await emails.fill('zhang.wei@example.com');
    await emails.press('Enter');
    const phones = form.getByLabel('Phones', { exact: true });
    await phones.fill('13800138000');
    await phones.press('Enter');
    await form.locator('button[type=submit]').click();
    await form.waitFor({ state: 'detached' });

    // Find it by search: the other contact disappears.
    await page.fill('[data-testid=list-search]', '张伟');
    await page.waitForURL(/q=/);
    await expect.poll(() => page.locator('[data-testid=contact-row]').count()).toBe(1);
    await expect(page.locator('[data-testid=contact-row]').first().textContent()).resolves.toContain('张伟');

    // Open its 360° page.
    await page.getByRole('link', { name: '张伟' }).click();
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
    await expect(page.locator('[data-testid=contact-name]').textContent()).resolves.toBe('张伟');
    await expect(page.locator('[data-testid=field-phones]').textContent()).resolves.toContain('+86 138 0013 8000'); // stored as +8613800138000, shown grouped

    // Log a call.
    await page.click('[data-testid=tab-call]');
    const call = page.locator('[data-testid=call-form]');
    await call.locator('input[name=durationSeconds]').fill('12');
    await call.locator('input[name=subject]').fill('首次电话沟通');
    await call.locator('button[type=submit]').click();
    const item = page.locator('[data-testid=timeline-item][data-type=call]');
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain('首次电话沟通');
    await expect(item.textContent()).resolves.toContain('12 min');

    // Switch the UI to Chinese: labels are translated and the choice is saved to the user.
    await page.click('[data-testid=language-switcher]');
    await page.click('[data-locale=zh-CN]');
    await page.getByRole('heading', { name: '时间线' }).waitFor();
    await page.getByRole('link', { name: '联系人' }).first().waitFor();
    await expect(item.textContent()).resolves.toContain('12 分钟');
    await expect.poll(async () => (await api.call<{ user: { locale: string } }>('GET', '/auth/me')).user.locale).toBe('zh-CN');

    // Export the searched list as CSV without the owner column: the header row is in Chinese.
    await page.goto(`${server.url}/contacts?q=${encodeURIComponent('张伟')}`);
    await page.click('[data-testid=export-button]');
    await page.getByText('CSV (.csv)').click();
    await page.locator('[data-testid=export-columns]').getByLabel('负责人', { exact: true }).uncheck();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-download]')]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    expect(header!.split(',')).toEqual(['姓名', '邮箱', '电话', '职位', '公司', '生命周期阶段', '标签', '创建时间']);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('张伟');
  }
});
