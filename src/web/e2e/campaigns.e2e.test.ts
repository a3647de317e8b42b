// End to end: a campaign written in the browser — audience segment, subject with a variable, the block editor
// (heading, text, button) — previewed as a chosen contact, sent now to a real SMTP peer, then the report page shows the
// messages sent, an open (the delivered message's pixel fetched) and a click (its button link followed). The list,
// editor and report are photographed in English, in Chinese and at 390 px with no sideways scroll.
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSmtpPeer, type SmtpPeer } from '../../server/test/smtp-peer.js';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';

let peer: SmtpPeer | undefined;
const env = { SMTP_URL: process.env.SMTP_URL, SMTP_FROM: process.env.SMTP_FROM };

/** Full-page picture with the pointer parked in a corner (a hovered chart would show its tooltip). */
async function shot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: true });
}

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('campaigns in the browser', () => {
  const session = browserSession({
    seed: async (api) => {
      peer = await startSmtpPeer();
      process.env.SMTP_URL = `smtp://127.0.0.1:${peer.port}`;
      process.env.SMTP_FROM = 'Rapport Shop <news@shop.example>';
      const people = [
        { givenName: 'Ann', displayName: 'Ann Lee', emails: ['ann.lee@example.com'] },
        { givenName: '美', displayName: '王美', emails: ['wang.mei@example.com'] },
        { givenName: 'Nora', displayName: 'Nora No-consent', emails: ['nora@example.com'], consent: { email: 'unknown' } },
      ];
      for (const p of people) await api.call('POST', '/contacts', { consent: { email: 'granted' }, ...p, tags: ['newsletter'] });
      await api.call('POST', '/segments', { name: 'Newsletter readers', rules: { combinator: 'and', children: [{ field: 'tags', operator: 'any_of', value: ['newsletter'] }] } });
    },
  });
  afterAll(async () => {
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
    await peer?.close();
  });

  it('writes, previews and sends a campaign, and the report counts the open and the click', async () => {
    await withFailureShot(session.page, 'e2e-campaigns-failure', flow);
  }, 180_000);

  async function flow(): Promise<void> {
    const { page, server } = session;
    await loginInBrowser(page, `${server.url}/campaigns`);
    await page.getByText('No campaigns yet').or(page.locator('[data-testid=new-campaign]').first()).first().waitFor();
    await shot(page, 'campaigns-list-empty');

    await page.locator('[data-testid=new-campaign]').first().click();
    await page.locator('[data-testid=campaign-name]').fill('Autumn newsletter');
    await page.locator('[data-testid=campaign-segment]').click();
    await page.getByRole('option', { name: /Newsletter readers/ }).click();
    await page.locator('[data-testid=campaign-subject]').fill('{{contact.givenName | "Friend"}}, autumn news');
    await page.locator('[data-testid=block-heading]').fill('Hello {{contact.givenName | "there"}}!');
    await page.locator('[data-testid=block-text]').fill('Our autumn collection is here.');
    await page.click('[data-testid=add-block]');
    await page.click('[data-testid=add-button]');
    await page.locator('[data-testid=block-button-text]').fill('See the collection');
    await page.locator('[data-testid=block-button-href]').fill('https://shop.example/autumn');

    // Preview as Ann: her name in the subject and in the rendered e-mail.
    await page.locator('[data-testid=preview-contact]').click();
    await page.locator('[data-testid=preview-contact]').fill('Ann');
    await page.getByRole('option', { name: /Ann Lee/ }).click();
    await expect.poll(() => page.locator('[data-testid=preview-subject]').textContent()).toContain('Ann, autumn news');
    await expect.poll(() => page.frameLocator('[data-testid=preview-frame]').locator('body').textContent()).toContain('Hello Ann!');
    await expect.poll(() => page.frameLocator('[data-testid=preview-frame]').locator('body').textContent()).toContain('See the collection');

    await page.click('[data-testid=save-campaign]');
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
    await page.locator('[data-testid=send-now]').waitFor();
    await expect.poll(() => page.frameLocator('[data-testid=preview-frame]').locator('body').textContent()).toContain('See the collection');
    await shot(page, 'campaign-editor');
    const campaignId = new URL(page.url()).pathname.split('/').pop()!;

    await page.click('[data-testid=send-now]');
    await page.waitForURL(`**/campaigns/${campaignId}/report`);
    await expect.poll(() => peer!.received.length, { timeout: 60_000 }).toBe(2);
    expect(peer!.received.map((m) => m.to[0]).sort()).toEqual(['ann.lee@example.com', 'wang.mei@example.com']);
    const ann = peer!.received.find((m) => m.to.includes('ann.lee@example.com'))!;
    const raw = ann.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    const open = /src="[^"]*(\/mail\/o\/[^"]+)"/.exec(raw)?.[1];
    const click = /href="[^"]*(\/mail\/c\/[^"]+)"/.exec(raw)?.[1];
    expect(open && click).toBeTruthy();
    expect((await fetch(`${server.url}${open}`)).headers.get('content-type')).toBe('image/gif');
    const followed = await fetch(`${server.url}${click}`, { redirect: 'manual' });
    expect(followed.headers.get('location')).toBe('https://shop.example/autumn');

    await expect.poll(() => page.locator('[data-testid=campaign-status]').textContent(), { timeout: 30_000 }).toBe('Sent');
    await page.reload();
    await expect.poll(() => page.locator('[data-testid=report-sent]').textContent()).toContain('2');
    await expect.poll(() => page.locator('[data-testid=report-opens]').textContent()).toMatch(/^Opens1/);
    await expect.poll(() => page.locator('[data-testid=report-clicks]').textContent()).toMatch(/^Clicks1/);
    await expect.poll(() => page.locator('[data-testid=report-links]').textContent()).toContain('https://shop.example/autumn');
    await shot(page, 'campaign-report');
    await page.goto(`${server.url}/campaigns`);
    await expect.poll(() => page.locator('[data-testid=campaign-sent]').first().textContent()).toContain('2');
    await shot(page, 'campaigns-list');

    // In Chinese, on a phone: list, a sent campaign's e-mail, a fresh draft's editor, the report.
    await session.api.call('PATCH', '/auth/me', { locale: 'zh-CN' });
    await page.evaluate(() => localStorage.setItem('rapport.locale', 'zh-CN'));
    for (const [width, height, tag] of [[1280, 900, 'zh'], [390, 844, 'phone-zh']] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(`${server.url}/campaigns`);
      await page.locator('[data-testid=campaign-card]').first().waitFor();
      expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
      await shot(page, `campaigns-list-${tag}`);
      await page.goto(`${server.url}/campaigns/new`);
      await expect.poll(() => page.frameLocator('[data-testid=preview-frame]').locator('body').textContent()).toContain('朋友，您好');
      expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
      await shot(page, `campaign-editor-${tag}`);
      await page.goto(`${server.url}/campaigns/${campaignId}/report`);
      await page.locator('[data-testid=report-links]').waitFor();
      expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
      await shot(page, `campaign-report-${tag}`);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await session.api.call('PATCH', '/auth/me', { locale: 'en' });
    await page.evaluate(() => localStorage.setItem('rapport.locale', 'en'));
    await page.goto(`${server.url}/campaigns/${campaignId}/report`);
    await page.locator('[data-testid=report-links]').waitFor();
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
    await shot(page, 'campaign-report-phone');
  }
});
