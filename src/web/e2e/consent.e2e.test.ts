// End to end: the consent panel of a contact's 360° page shows each channel's status with its source, records a
// change made there (as a withdrawal by a user), and lists the history, in English and Chinese.
import { describe, expect, it } from 'vitest';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';

describe('consent panel in the browser', () => {
  let id = '';
  const session = browserSession({
    seed: async (api) => {
      id = (await api.call<{ id: string }>('POST', '/contacts', { displayName: 'Consent Person', consent: { email: 'granted', sms: 'granted' }, consentSource: 'form' })).id;
    },
  });

  it('shows status and source per channel, withdraws SMS, and lists the history', async () => {
    await withFailureShot(session.page, 'e2e-consent-failure', flow);
  }, 60_000);

  async function flow(): Promise<void> {
    const { page, server, api } = session;
    await loginInBrowser(page, `${server.url}/contacts`);
    await page.goto(`${server.url}/contacts/${id}`);
    const panel = page.locator('[data-testid=consent-panel]');
    await panel.waitFor();
    await expect(panel.locator('[data-testid=consent-email]').textContent()).resolves.toContain('from a form');
    await expect(panel.locator('[data-testid=consent-phone]').textContent()).resolves.toContain('never asked');

    await panel.getByLabel('SMS', { exact: true }).click();
    await page.getByRole('option', { name: 'Withdrawn' }).click();
    await expect.poll(async () => (await api.call<{ consentStatus: { sms: { status: string; source: string } } }>('GET', `/contacts/${id}`)).consentStatus.sms).toMatchObject({ status: 'withdrawn', source: 'user' });
    await expect.poll(() => panel.locator('[data-testid=consent-sms]').textContent()).toContain('from a user');

    await panel.locator('[data-testid=consent-history-toggle]').click();
    const rows = panel.locator('[data-testid=consent-history] tr');
    await expect.poll(() => rows.count()).toBe(3);
    await expect(rows.first().textContent()).resolves.toContain('Granted → Withdrawn');

    await page.click('[data-testid=language-switcher]');
    await page.click('[data-locale=zh-CN]');
    await expect.poll(() => panel.locator('[data-testid=consent-sms]').textContent()).toContain('来源：用户');
    await expect(panel.locator('[data-testid=consent-phone]').textContent()).resolves.toContain('从未询问');
  }
});
