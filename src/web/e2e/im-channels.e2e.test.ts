// End to end: an admin adds a Telegram bot in Settings → IM channels, copies the inbound address and the secret shown
// once, and a Telegram update posted there with that secret becomes a conversation; the channel can be switched off.
import { describe, expect, it } from 'vitest';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';

describe('IM channels in settings', () => {
  const session = browserSession();

  it('creates a Telegram channel, shows its secret once and takes updates with it', async () => {
    await withFailureShot(session.page, 'e2e-im-channels-failure', async () => {
      const { page, server, api } = session;
      await loginInBrowser(page, `${server.url}/settings?tab=im-channels`);
      await page.click('[data-testid=new-channel]');
      const form = page.locator('[data-testid=channel-form]');
      await form.locator('input[name=name]').fill('Support bot');
      await form.locator('input[name=botToken]').fill('123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw');
      await form.locator('button[type=submit]').click();
      const url = (await page.locator('[data-testid=channel-inbound-url]').textContent())!;
      const secret = (await page.locator('[data-testid=channel-secret]').textContent())!;
      expect(url).toMatch(new RegExp(`^${server.url}/api/v1/channels/[0-9a-f-]+/telegram$`));
      expect(secret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      await page.click('[data-testid=channel-done]');
      const card = page.locator('[data-testid=im-channel]', { hasText: 'Support bot' });
      await card.waitFor();
      expect(await card.textContent()).toContain('Bot 123456789:…');
      expect(await page.content()).not.toContain(secret);

      const update = { update_id: 1, message: { message_id: 7, date: 1_795_000_000, chat: { id: 42, type: 'private' }, from: { id: 42, first_name: 'Mei' }, text: 'hello' } };
      const post = (token: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': token }, body: JSON.stringify(update) });
      expect((await post(secret)).status).toBe(200);
      expect((await post('wrong')).status).toBe(401);

      await card.getByRole('switch').click({ force: true });
      await expect.poll(async () => (await api.call<{ data: { enabled: boolean }[] }>('GET', '/im-channels')).data[0]?.enabled).toBe(false);
      expect((await post(secret)).status).toBe(404);
    });
  }, 60_000);
});
