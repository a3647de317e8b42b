// End to end: build a two-rule segment in the rule builder (lifecycle stage is Customer AND city is Shanghai), watch
// the live count, save it, open its members as the contacts list; the builder fits a 390 px phone, in Chinese too.
import { describe, expect, it } from 'vitest';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';

describe('segments in the browser', () => {
  const session = browserSession({
    seed: async (api) => {
      const people: [string, string, string][] = [['Ann Shanghai', 'customer', 'Shanghai'], ['Bob Shanghai', 'customer', 'Shanghai'], ['Cy Berlin', 'customer', 'Berlin'], ['Di Lead', 'lead', 'Shanghai']];
      for (const [displayName, lifecycleStage, city] of people) await api.call('POST', '/contacts', { displayName, lifecycleStage, address: { city } });
    },
  });

  it('builds a two-rule segment with a live count, saves it and opens its members', async () => {
    await withFailureShot(session.page, 'e2e-segments-failure', flow);
  }, 90_000);

  async function pick(index: number, testId: string, typed: string, option: string): Promise<void> {
    const { page } = session;
    const input = page.locator(`[data-testid=${testId}]`).nth(index);
    await input.click();
    if (typed) await input.fill(typed);
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  async function flow(): Promise<void> {
    const { page, server } = session;
    await loginInBrowser(page, `${server.url}/segments`);
    await page.click('[data-testid=new-segment]');
    await page.locator('[data-testid=segment-name]').fill('Shanghai customers');

    await pick(0, 'rule-field', 'Lifecycle', 'Lifecycle stage');
    await pick(0, 'rule-value', '', 'Customer');
    const count = page.locator('[data-testid=live-count]');
    await expect.poll(() => count.getAttribute('data-total')).toBe('3');

    await page.click('[data-testid=add-rule]');
    await pick(1, 'rule-field', 'City', 'City');
    await page.locator('[data-testid=rule-value]').nth(1).fill('shanghai');
    await expect.poll(() => count.getAttribute('data-total')).toBe('2');
    await expect(count.textContent()).resolves.toBe('2 contacts');

    await page.click('[data-testid=save-segment]');
    await page.waitForURL(/\/segments\/[0-9a-f-]{36}$/);
    await page.click('[data-testid=open-members]');
    await page.waitForURL(/\/contacts\?segment=/);
    await page.locator('[data-testid=filter-segment]').waitFor();
    await expect.poll(async () => (await page.locator('main').textContent()) ?? '').toContain('Bob Shanghai');
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Ann Shanghai');
    expect(text).not.toContain('Cy Berlin');
    expect(text).not.toContain('Di Lead');

    await page.goto(`${server.url}/segments`);
    await expect.poll(() => page.locator('[data-testid=segment-members]').first().textContent()).toBe('2 contacts');

    // On a phone, in Chinese: the builder wraps instead of scrolling sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await session.api.call('PATCH', '/auth/me', { locale: 'zh-CN' });
    await page.evaluate(() => localStorage.setItem('rapport.locale', 'zh-CN'));
    await page.reload();
    await page.locator('[data-testid=segment-card] a').first().click();
    await page.locator('[data-testid=rule-row]').nth(1).waitFor();
    await expect.poll(() => count.textContent()).toBe('2 位联系人');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'screenshots/segments-builder-phone-zh.png', fullPage: true });
  }
});
