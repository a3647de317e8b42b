// End to end, two pages: an admin makes a widget channel in Settings and copies its tag; a visitor chats through the
// widget on another site's page (its own origin) with the tag pasted in, the bot hands over, an agent answers in the
// inbox, and the visitor sees the reply live; the agent turns the chat into a ticket and solves it, the survey link
// arrives in the chat, the visitor answers it, and the answer shows on the ticket. Then the inbox at 390 px, in
// English and Chinese, goes from the list to the conversation and back (screenshots/inbox-*.png and widget-*.png).
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';

let site: Server | undefined;
const publicUrl = process.env.RAPPORT_PUBLIC_URL;
afterAll(() => {
  site?.close();
  if (publicUrl === undefined) delete process.env.RAPPORT_PUBLIC_URL;
  else process.env.RAPPORT_PUBLIC_URL = publicUrl;
});

/** Another site (another origin) that embeds the widget with the tag copied from Settings. */
async function customerSite(tag: string): Promise<string> {
  site = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Shop</title></head>
<body><h1>Example shop</h1><p>Welcome.</p>${tag}</body></html>`);
  });
  await new Promise<void>((r) => site!.listen(0, '127.0.0.1', r));
  const addr = site.address();
  return `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/`;
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the chat widget and the inbox', () => {
  let tag = '';
  const session = browserSession({
    viewport: { width: 1280, height: 900 },
    // The visitor's e-mail belongs to this customer: the chat, and the ticket made from it, are theirs.
    seed: async (api) => void (await api.call('POST', '/contacts', { displayName: 'Wang Fang', emails: ['wang.fang@example.com'] })),
  });

  it('an admin makes a widget channel in Settings and copies its tag', async () => {
    await withFailureShot(session.page, 'e2e-widget-channels-failure', async () => {
      const { page, server, api } = session;
      mkdirSync('screenshots', { recursive: true });
      await loginInBrowser(page, `${server.url}/settings?tab=widget-channels`);
      await page.click('[data-testid=new-widget-channel]');
      const form = page.locator('[data-testid=widget-channel-form]');
      await form.locator('input[name=name]').fill('Example shop');
      await form.locator('input[name=color]').fill('#2f9e44');
      await form.locator('[data-testid=widget-channel-submit]').click();
      const dialog = page.getByRole('dialog');
      tag = (await dialog.locator('[data-testid=widget-snippet]').textContent())!;
      const secret = (await dialog.locator('[data-testid=widget-secret]').textContent())!;
      expect(tag).toMatch(new RegExp(`^<script src="${server.url}/widget.js" data-channel="[0-9a-f-]+" async></script>$`));
      expect(secret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      expect(await dialog.locator('[data-testid=widget-identity-code]').textContent()).toContain("createHmac('sha256', CHANNEL_SECRET)");
      await page.click('[data-testid=widget-channel-done]');
      const card = page.locator('[data-testid=widget-channel]', { hasText: 'Example shop' });
      await card.waitFor();
      expect(await card.locator('[data-testid=widget-snippet]').textContent()).toBe(tag);
      expect(await page.content()).not.toContain(secret);
      // Changing it keeps the tag; the new greeting is saved.
      await card.locator('[data-testid=widget-channel-edit]').click();
      await page.locator('[data-testid=widget-channel-form] input[name=name]').fill('Example shop');
      await page.getByLabel('Greeting (English)').fill('Hello from the shop!');
      await page.locator('[data-testid=widget-channel-submit]').click();
      await expect.poll(async () => (await api.call<{ data: { config: { greetingEn: string; color: string } }[] }>('GET', '/widget-channels')).data[0]?.config).toEqual(expect.objectContaining({ greetingEn: 'Hello from the shop!', color: '#2f9e44' }));
      // In Chinese on a phone.
      await api.call('PATCH', '/auth/me', { locale: 'zh-CN' });
      await page.evaluate(() => localStorage.setItem('rapport.locale', 'zh-CN'));
      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await page.getByText('网站代码').first().waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: 'screenshots/widget-channels-zh-phone.png', fullPage: true });
      await api.call('PATCH', '/auth/me', { locale: 'en' });
      await page.evaluate(() => localStorage.setItem('rapport.locale', 'en'));
      await page.setViewportSize({ width: 1280, height: 900 });
    });
  }, 90_000);

  it('a visitor chats, an agent answers in the inbox live, solves the ticket, and the visitor answers the survey', async () => {
    await withFailureShot(session.page, 'e2e-inbox-widget-failure', flow);
  }, 180_000);

  async function flow(): Promise<void> {
    const { page: agent, server } = session;
    expect(tag).not.toBe('');
    const siteUrl = await customerSite(tag);
    // The survey link in the chat points at this server.
    process.env.RAPPORT_PUBLIC_URL = server.url;

    const visitorContext = await agent.context().browser()!.newContext({ viewport: { width: 390, height: 844 } });
    const visitor = await visitorContext.newPage();
    visitor.setDefaultTimeout(15_000);
    await visitor.goto(siteUrl);
    await visitor.click('[data-testid=chat-bubble]');
    await visitor.getByText('Hello from the shop!').waitFor();
    await visitor.fill('[data-testid=chat-name]', 'Wang Fang');
    await visitor.fill('[data-testid=chat-email]', 'wang.fang@example.com');
    await visitor.click('[data-testid=chat-start]');
    await visitor.fill('[data-testid=chat-input]', 'Where is my parcel? Order 7781');
    await visitor.click('[data-testid=chat-send]');
    await visitor.locator('[data-testid=chat-message]', { hasText: 'Where is my parcel?' }).waitFor();
    // No article answers it: the bot says a person will answer.
    await visitor.locator('[data-testid=chat-message]', { hasText: 'A person will answer shortly' }).waitFor();
    expect(await overflow(visitor)).toBeLessThanOrEqual(0);
    await visitor.screenshot({ path: 'screenshots/widget-en-phone.png' });

    await agent.goto(`${server.url}/inbox`);
    await agent.locator('[data-testid=inbox-live]', { hasText: 'Live' }).waitFor();
    await agent.locator('[data-testid=conversation-row]', { hasText: 'Wang Fang' }).click();
    await agent.locator('[data-testid=message]', { hasText: 'Where is my parcel?' }).waitFor();
    // The visitor's e-mail matched the contact: the conversation names and links them.
    await agent.locator('[data-testid=conversation-view] a', { hasText: 'Wang Fang' }).waitFor();
    await agent.fill('[data-testid=reply-text]', 'Hello Wang Fang, it left our warehouse today.');
    await agent.click('[data-testid=send-reply]');
    await agent.locator('[data-testid=message]', { hasText: 'it left our warehouse today' }).waitFor();

    // The visitor did not reload: the reply arrives over the socket.
    await visitor.locator('[data-testid=chat-message]', { hasText: 'it left our warehouse today' }).waitFor();
    // And the visitor's next message appears in the agent's open conversation live.
    await visitor.fill('[data-testid=chat-input]', 'Great, thanks!');
    await visitor.press('[data-testid=chat-input]', 'Enter');
    await agent.locator('[data-testid=message]', { hasText: 'Great, thanks!' }).waitFor();
    await agent.screenshot({ path: 'screenshots/inbox-en-desktop.png', fullPage: true });

    // The agent turns the chat into a ticket (the customer is its requester) and solves it.
    await agent.getByRole('button', { name: 'Turn into a ticket' }).click();
    await agent.getByRole('link', { name: 'Open the ticket' }).click();
    await agent.locator('[data-testid=ticket-view]').waitFor();
    await agent.locator('[data-testid=timeline-message]', { hasText: 'Great, thanks!' }).waitFor();
    await agent.locator('[data-testid=status-select]').click();
    await agent.getByRole('option', { name: 'Solved' }).click();
    await expect.poll(() => agent.locator('[data-testid=ticket-status]').first().textContent()).toBe('Solved');

    // The survey's link arrives in the chat, live; the visitor opens it and answers.
    const link = visitor.locator('[data-testid=chat-message]', { hasText: 'Please rate our help' }).locator('[data-testid=chat-link]');
    await link.waitFor({ timeout: 30_000 });
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^${server.url}/s/`));
    await visitor.screenshot({ path: 'screenshots/widget-en-phone-survey.png' });
    const [surveyPage] = await Promise.all([visitorContext.waitForEvent('page'), link.click()]);
    surveyPage.setDefaultTimeout(15_000);
    await surveyPage.locator('[data-testid=csat-scale] [data-score="5"]').click();
    await surveyPage.locator('[data-testid=csat-saved]').waitFor();
    await surveyPage.locator('[data-testid=survey-comment]').fill('Quick and friendly');
    await surveyPage.locator('[data-testid=survey-submit]').click();
    await surveyPage.locator('[data-testid=survey-thanks]').waitFor();
    expect(await overflow(surveyPage)).toBeLessThanOrEqual(0);

    // The answer is on the ticket.
    await agent.reload();
    const answered = agent.locator('[data-testid=timeline-event][data-kind=survey]').last();
    await expect.poll(() => answered.textContent().catch(() => ''), { timeout: 15_000 }).toContain('CSAT 5/5');
    expect(await answered.textContent()).toContain('“Quick and friendly”');
    await visitorContext.close();
  }

  it('the inbox on a phone, in English and Chinese: list, conversation, and back', async () => {
    await withFailureShot(session.page, 'e2e-inbox-phone-failure', async () => {
      const { page: agent, server, api } = session;
      await agent.setViewportSize({ width: 390, height: 844 });
      for (const [locale, back] of [['en', 'All conversations'], ['zh-CN', '全部会话']] as const) {
        await api.call('PATCH', '/auth/me', { locale });
        await agent.evaluate((l) => localStorage.setItem('rapport.locale', l), locale);
        await agent.goto(`${server.url}/inbox`);
        // Solving the ticket leaves the chat open in the inbox.
        const row = agent.locator('[data-testid=conversation-row]', { hasText: 'Wang Fang' });
        await row.waitFor();
        expect(await overflow(agent)).toBeLessThanOrEqual(0);
        await agent.screenshot({ path: `screenshots/inbox-${locale}-phone-list.png`, fullPage: true });
        await row.click();
        await agent.locator('[data-testid=message]', { hasText: 'Great, thanks!' }).waitFor();
        expect(await agent.locator('[data-testid=conversation-list]').count()).toBe(0);
        expect(await overflow(agent)).toBeLessThanOrEqual(0);
        await agent.screenshot({ path: `screenshots/inbox-${locale}-phone-conversation.png`, fullPage: true });
        await agent.getByText(back).first().click();
        await agent.locator('[data-testid=conversation-list]').waitFor();
      }
      await api.call('PATCH', '/auth/me', { locale: 'en' });
      await agent.evaluate(() => localStorage.setItem('rapport.locale', 'en'));
      await agent.setViewportSize({ width: 1280, height: 900 });
    });
  }, 90_000);
});
