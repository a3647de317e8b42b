// End to end, issue 12's web behaviour: an admin registers a website in Settings → Websites and copies its snippet;
// another site (its own origin, a tiny local server) carries the snippet and a form. A visitor browses three pages
// anonymously, then submits the form on a fourth; the contact made from it shows the earlier page views in its 360°
// view. Settings → Websites and Forms in English and Chinese at 390 px (screenshots/web-*.png).
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';

let site: Server | undefined;
afterAll(() => site?.close());

const pages: Record<string, string> = { '/': 'Home', '/pricing': 'Pricing', '/docs': 'Docs', '/signup': 'Sign up' };
let snippet = '';
let formId = '';

/** The customer's site: every page has the snippet; the sign-up page also has the form. */
async function customerSite(): Promise<string> {
  site = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const title = pages[path];
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (!title) return void res.writeHead(404).end('not found');
    const links = Object.keys(pages).map((p) => `<a href="${p}" data-rapport-track="nav-${pages[p]!.toLowerCase().replace(' ', '-')}">${pages[p]}</a>`).join(' ');
    const form = path === '/signup' ? `<div data-rapport-form="${formId}"></div>` : '';
    res.end(`<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><nav>${links}</nav><h1>${title}</h1>${form}${snippet}</body></html>`);
  });
  await new Promise<void>((r) => site!.listen(0, '127.0.0.1', r));
  const addr = site.address();
  return `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('web tracking and forms', () => {
  const session = browserSession({ viewport: { width: 1280, height: 900 } });

  it('an anonymous visitor browses, submits the form, and the contact shows the earlier page views', async () => {
    await withFailureShot(session.page, 'e2e-web-tracking-failure', async () => {
      const { page, server, api } = session;
      mkdirSync('screenshots', { recursive: true });
      const siteUrl = await customerSite();

      await loginInBrowser(page, `${server.url}/settings?tab=websites`);
      await page.click('[data-testid=new-web-site]');
      const form = page.locator('[data-testid=web-site-form]');
      await form.locator('input[name=name]').fill('Example shop');
      await form.locator('textarea[name=origins]').fill(siteUrl);
      await form.locator('button[type=submit]').click();
      const dialog = page.getByRole('dialog');
      snippet = (await dialog.locator('[data-testid=web-site-snippet]').textContent())!;
      expect(snippet).toMatch(new RegExp(`^<script src="${server.url}/t/rapport.js" data-site="rs_[A-Za-z0-9_-]+" async></script>$`));
      await page.click('[data-testid=web-site-done]');
      await page.locator('[data-testid=web-site]', { hasText: 'Example shop' }).waitFor();

      const sites = await api.call<{ data: { id: string }[] }>('GET', '/web-sites');
      const made = await api.call<{ id: string }>('POST', '/web-forms', {
        name: 'Trial sign-up',
        siteId: sites.data[0]!.id,
        fields: [{ key: 'email', label: 'Work e-mail', required: true }, { key: 'name', label: 'Your name', required: true }, { key: 'company', label: 'Company' }],
        consentText: 'Send me product news',
      });
      formId = made.id;

      const visitorContext = await page.context().browser()!.newContext({ viewport: { width: 390, height: 844 } });
      const visitor = await visitorContext.newPage();
      visitor.setDefaultTimeout(15_000);
      await visitor.goto(`${siteUrl}/?utm_source=newsletter&utm_campaign=spring`);
      await visitor.click('[data-rapport-track=nav-pricing]');
      await visitor.waitForURL(/\/pricing$/);
      await visitor.click('[data-rapport-track=nav-docs]');
      await visitor.waitForURL(/\/docs$/);
      await visitor.evaluate(() => (window as unknown as { rapport: { track(n: string, p: object): void } }).rapport.track('pricing_calculator', { seats: 5 }));
      await visitor.click('[data-rapport-track=nav-sign-up]');
      await visitor.waitForURL(/\/signup$/);
      const embedded = visitor.locator('form.rapport-form');
      await embedded.locator('input[name=email]').fill('li.na@example.com');
      await embedded.locator('input[name=name]').fill('Li Na');
      await embedded.locator('input[name=company]').fill('Orchid Labs');
      await embedded.locator('input[name=consent]').check();
      await embedded.locator('button[type=submit]').click();
      await visitor.locator('.rapport-form-done').waitFor();
      expect(await overflow(visitor)).toBeLessThanOrEqual(0);
      await visitor.screenshot({ path: 'screenshots/web-form-visitor-phone.png' });
      await visitorContext.close();

      // The worker processes the submission and the events in the background.
      await expect.poll(async () => (await api.call<{ data: { id: string }[] }>('GET', '/contacts?q=li.na@example.com')).data.length, { timeout: 20_000 }).toBe(1);
      const contact = (await api.call<{ data: { id: string }[] }>('GET', '/contacts?q=li.na@example.com')).data[0]!;
      await expect
        .poll(async () => JSON.stringify(await api.call('GET', `/contacts/${contact.id}/overview`)), { timeout: 20_000 })
        .toMatch(/Home → Pricing → Docs/);
      await page.goto(`${server.url}/contacts/${contact.id}`);
      const web = page.locator('[data-testid=section-webActivity]').first();
      await web.waitFor();
      const text = (await web.textContent())!;
      expect(text).toContain('Web activity');
      expect(text).toContain('Home → Pricing → Docs');
      expect(text).toContain('pricing_calculator');
      await page.getByText('Form submitted: Trial sign-up').first().waitFor();
      await page.screenshot({ path: 'screenshots/web-contact-360.png', fullPage: true });
    });
  }, 180_000);

  it('Settings → Websites and Forms in Chinese at 390 px', async () => {
    await withFailureShot(session.page, 'e2e-web-settings-zh-failure', async () => {
      const { page, server, api } = session;
      await api.call('PATCH', '/auth/me', { locale: 'zh-CN' });
      await page.evaluate(() => localStorage.setItem('rapport.locale', 'zh-CN'));
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${server.url}/settings?tab=websites`);
      await page.getByText('网站代码片段').first().waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: 'screenshots/web-sites-zh-phone.png', fullPage: true });
      await page.goto(`${server.url}/settings?tab=forms`);
      await page.locator('[data-testid=web-form]').first().waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: 'screenshots/web-forms-zh-phone.png', fullPage: true });
      await page.click('[data-testid=web-form-submissions-open]');
      await page.locator('[data-testid=web-form-submissions]').getByRole('link', { name: 'Li Na' }).waitFor();
      await page.screenshot({ path: 'screenshots/web-form-submissions-zh-phone.png' });
      await page.keyboard.press('Escape');
      await page.click('[data-testid=web-form-edit]');
      await page.locator('[data-testid=web-form-builder]').waitFor();
      await page.screenshot({ path: 'screenshots/web-form-builder-zh-phone.png' });
      await page.keyboard.press('Escape');
      await api.call('PATCH', '/auth/me', { locale: 'en' });
      await page.evaluate(() => localStorage.setItem('rapport.locale', 'en'));
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${server.url}/settings?tab=websites`);
      await page.locator('[data-testid=web-site]').first().waitFor();
      await page.screenshot({ path: 'screenshots/web-sites-en.png', fullPage: true });
    });
  }, 120_000);
});
