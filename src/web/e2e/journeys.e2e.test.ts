// End to end: build a journey in the editor — triggered by a web form's submission, first step an e-mail with a
// variable — activate it, submit the real form page as a visitor (ticking the consent box), and see the contact's
// enrolment in the journey's analytics and the e-mail arrive at a real SMTP peer; the editor and analytics at
// 390 px in Chinese with no sideways scroll (screenshots). The form is picked by name; a deleted one is named as such.
import { afterAll, describe, expect, it } from 'vitest';
import { startSmtpPeer, type SmtpPeer } from '../../server/test/smtp-peer.js';
import { browserSession, loginInBrowser, pickMenuItem, withFailureShot } from './support/e2e-session.js';

let peer: SmtpPeer | undefined;
let formId = '';

describe('journeys in the browser', () => {
  const session = browserSession({
    seed: async (api) => {
      peer = await startSmtpPeer();
      process.env.SMTP_URL = `smtp://127.0.0.1:${peer.port}`;
      const form = await api.call('POST', '/web-forms', { name: 'Trial sign-up', fields: [{ key: 'email', label: 'E-mail', required: true }, { key: 'givenName', label: 'First name', required: true }], consentText: 'Send me product news' });
      formId = (form as { id: string }).id;
    },
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await peer?.close();
  });

  it('a form submission enrols the visitor and the journey’s first step sends the e-mail', async () => {
    await withFailureShot(session.page, 'e2e-journeys-failure', flow);
  }, 120_000);

  async function flow(): Promise<void> {
    const { page, server } = session;
    await loginInBrowser(page, `${server.url}/journeys`);
    await page.click('[data-testid=new-journey]');
    await page.locator('[data-testid=journey-name]').fill('Trial welcome');
    // The form is chosen by its name from the list, as a user would (on a phone, where the list must fit too).
    await page.setViewportSize({ width: 390, height: 844 });
    await page.click('[data-testid=trigger-form-id]');
    await page.getByRole('option', { name: 'Trial sign-up' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'screenshots/journey-trigger-form-phone.png' });
    await page.getByRole('option', { name: 'Trial sign-up' }).click();
    expect(await page.locator('[data-testid=trigger-form-id]').inputValue()).toBe('Trial sign-up');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator('[data-testid=email-subject]').fill('Welcome, {{contact.givenName | "friend"}}');
    await page.locator('[data-testid=email-body]').fill('Thanks for trying Rapport. Start here: https://example.com/start');
    await pickMenuItem(page, '[data-testid="add-step-steps"]', '[data-testid=add-branch]');
    await pickMenuItem(page, '[data-testid="add-step-steps[1].yes"]', '[data-testid=add-tag]');
    await page.locator('[data-testid=tag-name]').fill('engaged');
    await page.click('[data-testid=save-journey]');
    await page.waitForURL(/\/journeys\/[0-9a-f-]{36}$/);
    const journeyUrl = page.url();
    await page.click('[data-testid=toggle-journey]');
    await expect.poll(() => page.locator('[data-testid=toggle-journey]').textContent()).toBe('Pause');
    await page.screenshot({ path: 'screenshots/journey-editor.png', fullPage: true });

    // A visitor fills in the form's own page.
    const visitor = await page.context().newPage();
    await visitor.goto(`${server.url}/f/${formId}`);
    await visitor.fill('input[name=email]', 'mei.visitor@example.com');
    await visitor.fill('input[name=givenName]', '美');
    await visitor.check('input[name=consent]');
    await visitor.click('button[type=submit]');
    await visitor.waitForLoadState();
    await visitor.close();

    await expect.poll(() => peer!.received.filter((m) => m.to.includes('mei.visitor@example.com')).length, { timeout: 45_000 }).toBe(1);
    const mail = peer!.received.find((m) => m.to.includes('mei.visitor@example.com'))!;
    expect(mail.raw).toMatch(/Subject: =\?UTF-8\?|Subject: Welcome, /);
    expect(mail.raw.replace(/=\r?\n/g, '')).toContain('/mail/o/j.');

    await page.click('[data-testid=analytics-tab]');
    await expect.poll(() => page.locator('[data-testid=stat-enrolled]').textContent(), { timeout: 20_000 }).toBe('1');
    await expect.poll(() => page.locator('[data-testid=enrolments]').textContent()).toContain('美');
    await page.screenshot({ path: 'screenshots/journey-analytics.png', fullPage: true });

    // On a phone, in Chinese.
    await page.setViewportSize({ width: 390, height: 844 });
    await session.api.call('PATCH', '/auth/me', { locale: 'zh-CN' });
    await page.evaluate(() => localStorage.setItem('rapport.locale', 'zh-CN'));
    await page.reload();
    await page.locator('[data-testid=step-card]').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    // The saved trigger names its form, not its id.
    expect(await page.locator('[data-testid=trigger-form-id]').inputValue()).toBe('Trial sign-up');
    await page.screenshot({ path: 'screenshots/journey-editor-phone-zh.png', fullPage: true });
    await page.click('[data-testid=analytics-tab]');
    await page.locator('[data-testid=journey-analytics]').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'screenshots/journey-analytics-phone-zh.png', fullPage: true });

    // A new journey's form picker, open, in Chinese on the phone.
    await page.goto(`${server.url}/journeys/new`);
    await page.click('[data-testid=trigger-form-id]');
    await page.getByRole('option', { name: 'Trial sign-up' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'screenshots/journey-trigger-form-phone-zh.png' });
    await page.keyboard.press('Escape');
    await page.click('[data-testid=trigger-kind]');
    await page.getByRole('option', { name: '商机赢单' }).click();
    await page.click('[data-testid=trigger-pipeline-id]');
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await page.screenshot({ path: 'screenshots/journey-trigger-pipeline-phone-zh.png' });

    // Once the form is deleted, the journey says so rather than showing an id.
    await session.api.call('DELETE', `/web-forms/${formId}`);
    await page.goto(journeyUrl);
    await expect.poll(() => page.locator('[data-testid=trigger-form-id]').inputValue()).toBe('已删除的表单');
    await page.screenshot({ path: 'screenshots/journey-trigger-deleted-form-phone-zh.png', fullPage: true });
  }
});
