// End to end: sentiment badges on a contact's timeline — an angry Chinese note flagged red, a grateful English one —
// the correction popover changes a label, and the Chinese interface names them in Chinese (screenshots/sentiment-*.png).
import { describe, expect, it } from 'vitest';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';

describe('sentiment badges in the browser', () => {
  let contactId = '';
  const session = browserSession({
    seed: async (api) => {
      contactId = (await api.call<{ id: string }>('POST', '/contacts', { displayName: '李娜' })).id;
      await api.call('POST', '/interactions', { type: 'note', contactId, body: '客户来电：等了三天没人理，太过分了，非常生气，要投诉！' });
      await api.call('POST', '/interactions', { type: 'note', contactId, body: 'Thank you so much for the quick fix, really appreciate it!' });
    },
  });

  it('flags the angry note, lets an agent correct a label, and speaks Chinese', async () => {
    await withFailureShot(session.page, 'e2e-sentiment-failure', async () => {
      const { page, server, api } = session;
      await loginInBrowser(page, `${server.url}/contacts/${contactId}`);
      const angry = page.locator('[data-testid=sentiment-badge][data-emotion=anger]');
      await angry.waitFor();
      expect(await angry.textContent()).toContain('Negative · anger');
      const grateful = page.locator('[data-testid=sentiment-badge][data-emotion=gratitude]');
      expect(await grateful.textContent()).toContain('Positive · gratitude');
      await page.screenshot({ path: 'screenshots/sentiment-timeline-en.png', fullPage: true });

      await grateful.click();
      const pop = page.locator('[data-testid=sentiment-correct]');
      await pop.waitFor();
      await pop.locator('[data-testid=sentiment-correct-emotion]').click();
      await page.getByRole('option', { name: 'joy' }).click();
      await page.screenshot({ path: 'screenshots/sentiment-correct-en.png' });
      await pop.locator('[data-testid=sentiment-correct-save]').click();
      await expect.poll(() => page.locator('[data-testid=sentiment-badge][data-emotion=joy]').count()).toBe(1);

      await api.call('PATCH', '/auth/me', { locale: 'zh-CN' });
      await page.evaluate(() => localStorage.setItem('rapport.locale', 'zh-CN'));
      await page.reload();
      await angry.waitFor();
      expect(await angry.textContent()).toContain('负面 · 愤怒');
      await page.screenshot({ path: 'screenshots/sentiment-timeline-zh.png', fullPage: true });
    });
  }, 90_000);
});
