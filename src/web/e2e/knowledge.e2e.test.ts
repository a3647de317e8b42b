// End to end: write an article in the Knowledge page, preview its Markdown, publish it and read it on the public help
// centre without a login; save again, restore the first version from the history; ask the bot; and the pages at
// 390 px in English and Chinese without sideways scrolling (screenshots/knowledge-*.png to look at).
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the knowledge base in the browser', () => {
  const session = browserSession({
    viewport: { width: 1280, height: 900 },
    seed: async (api) => {
      const cat = await api.call<{ id: string }>('POST', '/knowledge/categories', { nameEn: 'Account', nameZh: '账户' });
      const zh = await api.call<{ id: string }>('POST', '/knowledge/articles', { title: '退款政策', body: '收到货 **7 天内**可以申请退款。\n\n退款会在 5 个工作日内退回原支付账户。', language: 'zh-CN', categoryId: cat.id });
      await api.call('POST', `/knowledge/articles/${zh.id}/publish`);
    },
  });

  it('creates and publishes an article, shows it on /help, restores a version, asks the bot, and fits a phone', async () => {
    await withFailureShot(session.page, 'e2e-knowledge-failure', flow);
  }, 120_000);

  async function flow(): Promise<void> {
    const { page, server, api } = session;
    mkdirSync('screenshots', { recursive: true });
    await loginInBrowser(page, `${server.url}/login`);

    await page.click('[data-nav=knowledge]');
    await page.click('[data-testid=new-article]');
    await page.fill('[data-testid=article-title]', 'Resetting your password');
    await page.fill('[data-testid=article-body]', 'Open **Settings**, choose *Security* and press Reset password.\n\nWe email you a link <script>alert(1)</script>.');
    await page.click('[data-testid=preview-tab]');
    await expect.poll(() => page.locator('[data-testid=article-preview] strong').textContent()).toBe('Settings');
    expect(await page.locator('[data-testid=article-preview]').innerHTML()).toContain('&lt;script&gt;');
    await page.click('[data-testid=save-article]');
    await page.waitForURL(/\/knowledge\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('[data-testid=article-status]').textContent()).toBe('Draft');

    await page.click('[data-testid=publish-article]');
    await expect.poll(() => page.locator('[data-testid=article-status]').textContent()).toBe('Published');
    const id = page.url().split('/').pop()!;

    // A second save, then the first version back from the history.
    await page.click('text=Write');
    await page.fill('[data-testid=article-body]', 'Ask an administrator to reset it.');
    await page.click('[data-testid=save-article]');
    await page.locator('[data-testid=version-row][data-version="2"]').waitFor();
    await page.screenshot({ path: 'screenshots/knowledge-en-desktop-editor.png', fullPage: true });
    await page.click('[data-testid=version-row][data-version="1"]');
    await expect.poll(() => page.locator('[data-testid=version-body]').textContent()).toContain('Open Settings');
    await page.click('[data-testid=restore-version]');
    await page.locator('[data-testid=version-row][data-version="3"]').waitFor();
    const restored = await api.call<{ body: string; version: number; hasUnpublishedChanges: boolean }>('GET', `/knowledge/articles/${id}`);
    expect(restored).toMatchObject({ version: 3, hasUnpublishedChanges: true });
    expect(restored.body).toContain('Open **Settings**');

    // The public help centre, in a page without the session: only published text, escaped.
    const visitor = await page.context().browser()!.newContext({ viewport: { width: 390, height: 844 } });
    const help = await visitor.newPage();
    await help.goto(`${server.url}/help?lang=en`);
    await help.locator('a[href^="/help/resetting-your-password"]').click();
    await expect.poll(() => help.locator('article h1').textContent()).toBe('Resetting your password');
    expect(await help.locator('article strong').textContent()).toBe('Settings');
    expect(await help.locator('article').textContent()).toContain('<script>alert(1)</script>');
    expect(await overflow(help)).toBe(0);
    await help.screenshot({ path: 'screenshots/knowledge-en-phone-help-article.png', fullPage: true });
    await help.click('[data-testid=help-language]');
    await help.fill('input[name=q]', '退款');
    await help.press('input[name=q]', 'Enter');
    await help.locator('a[href^="/help/tui-kuan-zheng-ce"]').waitFor();
    expect(await overflow(help)).toBe(0);
    await help.screenshot({ path: 'screenshots/knowledge-zh-phone-help-search.png', fullPage: true });
    await visitor.close();

    // The bot answers from the published articles, and hands over when they do not answer.
    await page.goto(`${server.url}/knowledge`);
    await page.fill('[data-testid=bot-question]', 'How do I reset my password?');
    await page.click('[data-testid=bot-ask]');
    await expect.poll(() => page.locator('[data-testid=bot-answer]').textContent()).toContain('Settings');
    await page.screenshot({ path: 'screenshots/knowledge-en-desktop-list.png', fullPage: true });
    await page.fill('[data-testid=bot-question]', 'Do you deliver to Mars?');
    await page.click('[data-testid=bot-ask]');
    await page.locator('[data-testid=bot-handover]').waitFor();

    // A phone, in English and Chinese.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const language of ['en', 'zh-CN']) {
      await api.call('PATCH', '/auth/me', { locale: language });
      await page.evaluate((l) => localStorage.setItem('rapport.locale', l), language);
      const short = language === 'en' ? 'en' : 'zh';
      await page.goto(`${server.url}/knowledge`);
      await page.locator('[data-testid=article-row]').first().waitFor();
      await page.waitForTimeout(300);
      expect(await overflow(page), `/knowledge ${language}`).toBe(0);
      await page.screenshot({ path: `screenshots/knowledge-${short}-phone-list.png`, fullPage: true });
      await page.goto(`${server.url}/knowledge/${id}`);
      await page.locator('[data-testid=version-history]').waitFor();
      await page.waitForTimeout(300);
      expect(await overflow(page), `/knowledge/:id ${language}`).toBe(0);
      await page.screenshot({ path: `screenshots/knowledge-${short}-phone-editor.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/settings?tab=knowledge-bot`);
    await page.locator('[data-testid=bot-threshold]').waitFor();
    await page.screenshot({ path: 'screenshots/knowledge-zh-desktop-bot-settings.png', fullPage: true });
    await api.call('PATCH', '/auth/me', { locale: 'en' });
  }
});
