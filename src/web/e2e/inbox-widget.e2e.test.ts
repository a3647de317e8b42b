// End to end, two pages: a visitor chats through the widget on another site's page (its own origin), the bot hands
// over, an agent answers in the inbox, and the visitor sees the reply live; then the inbox at 390 px goes from the
// list to the conversation and back (screenshots/inbox-*.png and widget-*.png to look at).
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';

let site: Server | undefined;
afterAll(() => site?.close());

/** Another site (another origin) that embeds the widget with one script tag. */
async function customerSite(rapportUrl: string, channelId: string): Promise<string> {
  site = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Shop</title></head>
<body><h1>Example shop</h1><p>Welcome.</p><script src="${rapportUrl}/widget.js" data-channel="${channelId}" async></script></body></html>`);
  });
  await new Promise<void>((r) => site!.listen(0, '127.0.0.1', r));
  const addr = site.address();
  return `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/`;
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the chat widget and the inbox', () => {
  let channelId = '';
  const session = browserSession({
    viewport: { width: 1280, height: 900 },
    seed: async (api) => {
      channelId = (await api.call<{ id: string }>('POST', '/widget-channels', { name: 'Example shop', config: { color: '#2f9e44' } })).id;
    },
  });

  it('a visitor chats, an agent answers in the inbox, the visitor sees it live', async () => {
    await withFailureShot(session.page, 'e2e-inbox-widget-failure', flow);
  }, 120_000);

  async function flow(): Promise<void> {
    const { page: agent, server } = session;
    mkdirSync('screenshots', { recursive: true });
    const siteUrl = await customerSite(server.url, channelId);

    const visitorContext = await agent.context().browser()!.newContext({ viewport: { width: 390, height: 844 } });
    const visitor = await visitorContext.newPage();
    visitor.setDefaultTimeout(15_000);
    await visitor.goto(siteUrl);
    await visitor.click('[data-testid=chat-bubble]');
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

    await loginInBrowser(agent, `${server.url}/inbox`);
    await agent.locator('[data-testid=inbox-live]', { hasText: 'Live' }).waitFor();
    await agent.locator('[data-testid=conversation-row]', { hasText: 'Wang Fang' }).click();
    await agent.locator('[data-testid=message]', { hasText: 'Where is my parcel?' }).waitFor();
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

    // On a phone: the list, then the conversation on its own page, and back.
    await agent.setViewportSize({ width: 390, height: 844 });
    await agent.goto(`${server.url}/inbox`);
    await agent.locator('[data-testid=conversation-row]', { hasText: 'Wang Fang' }).click();
    await agent.locator('[data-testid=message]', { hasText: 'Great, thanks!' }).waitFor();
    expect(await agent.locator('[data-testid=conversation-list]').count()).toBe(0);
    expect(await overflow(agent)).toBeLessThanOrEqual(0);
    await agent.screenshot({ path: 'screenshots/inbox-en-phone-conversation.png', fullPage: true });
    await agent.click('text=All conversations');
    await agent.locator('[data-testid=conversation-list]').waitFor();
    await agent.setViewportSize({ width: 1280, height: 900 });
    await visitorContext.close();
  }
});
