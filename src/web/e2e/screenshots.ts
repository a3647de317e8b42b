// Takes screenshots of every page in English and Chinese, on desktop and phone widths, into ./screenshots/.
// Run after `npx vite build`: npx tsx src/web/e2e/screenshots.ts [variant filter]
// By default it starts its own server with a small data set; to photograph a running server instead (e.g. after
// `rapport seed --demo`), set RAPPORT_URL, RAPPORT_EMAIL and RAPPORT_PASSWORD.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { ApiSession, createDemoData } from './support/fixtures.js';
import { createDataInOut } from './support/data-fixtures.js';
import { createDuplicates } from './support/duplicate-fixtures.js';
import { createSalesData } from './support/sales-fixtures.js';
import { createTaskGroups } from './support/task-fixtures.js';
import { startServer } from './support/server.js';

const OUT = path.resolve('screenshots');
const ADMIN = { email: process.env.RAPPORT_EMAIL ?? 'admin@example.com', password: process.env.RAPPORT_PASSWORD ?? 'admin12345' };
const VARIANTS = [
  { name: 'en-desktop', locale: 'en', width: 1280, height: 860 },
  { name: 'zh-desktop', locale: 'zh-CN', width: 1280, height: 860 },
  { name: 'en-phone', locale: 'en', width: 390, height: 844 },
  { name: 'zh-phone', locale: 'zh-CN', width: 390, height: 844 },
] as const;

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForFunction('!document.querySelector(\'[data-testid="loading"]\')', undefined, { timeout: 10_000 }).catch(() => undefined);
  await page.waitForTimeout(250);
}

async function shoot(page: Page, variant: string, name: string): Promise<void> {
  await settle(page);
  const file = path.join(OUT, `${variant}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log('wrote', path.relative(process.cwd(), file));
}

/** The busiest-looking records of an existing database: the newest contact that has a company. */
async function pickExisting(api: ApiSession): Promise<{ contactId: string; companyId: string }> {
  const contacts = await api.call<{ data: { id: string; companyId: string | null }[] }>('GET', '/contacts?limit=50');
  const withCompany = contacts.data.find((c) => c.companyId) ?? contacts.data[0];
  if (!withCompany) throw new Error('the server has no contacts to photograph');
  return { contactId: withCompany.id, companyId: withCompany.companyId ?? '' };
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const only = process.argv[2];

  const fresh = await startServer(null);
  const external = process.env.RAPPORT_URL;
  const server = external ? { url: external.replace(/\/$/, ''), close: async () => undefined } : await startServer(ADMIN);
  try {
    const api = await ApiSession.login(server.url, ADMIN.email, ADMIN.password);
    const demo = external ? await pickExisting(api) : await createDemoData(api);
    const dataInOut = external ? null : await createDataInOut(api);
    if (!external) await createDuplicates(api);
    const sales = external ? null : await createSalesData(api);
    if (!external) await createTaskGroups(api, demo);
    // A saved view with a custom-field column, and activity logged on the deal (its drawer's timeline, the contact's deals).
    const view = external ? null : await api.call<{ id: string }>('POST', '/saved-views', { object: 'contact', name: 'Customers A–Z 客户', shared: true, state: { filters: { lifecycleStage: 'customer' }, sort: 'displayName', columns: ['company', 'cf.preferred_channel', 'stage', 'owner', 'tags'] } });
    const dealContact = sales ? ((await api.call<{ contacts?: { contactId: string }[] }>('GET', `/deals/${sales.dealId}`)).contacts?.[0]?.contactId ?? null) : null;
    if (sales) {
      for (const [kind, label] of [['won', 'Best price 价格最优'], ['won', 'Local support 本地服务'], ['lost', 'Chose a competitor 选择了竞争对手'], ['lost', 'No budget 没有预算']]) await api.call('POST', '/deal-close-reasons', { kind, label });
      await api.call('POST', `/deals/${sales.dealId}/activities`, { type: 'call', direction: 'outbound', durationSeconds: 600, subject: 'Pricing call 价格沟通', body: 'Agreed 25 seats; legal review next week.' });
      await api.call('POST', `/deals/${sales.dealId}/activities`, { type: 'note', body: 'Procurement wants the annual invoice in CNY. 采购需要人民币年度发票。' });
    }
    // A change on the contact, for its timeline's history (Everything).
    if (!external) await api.call('PATCH', `/contacts/${demo.contactId}`, { lifecycleStage: 'customer', title: 'Purchasing director' });
    const me = (await api.call<{ user: { id: string; locale: string } }>('GET', '/auth/me')).user;
    const originalLocale = me.locale;
    // A catch-all assignment rule: the demo leads go to the admin, with explanations and notifications to show.
    if (!external) {
      await api.call('POST', '/lead-assignment/rules', { name: 'All leads', strategy: 'user', userId: me.id });
      for (const lead of [{ name: '周杰', email: 'zhou.jie@example.cn', region: '上海', company: '上海云启信息技术有限公司' }, { name: 'Sarah Johnson', email: 'sarah@northwind.example', region: 'California' }]) {
        await api.call('POST', '/leads', { ...lead, utmSource: 'newsletter' });
      }
    }

    for (const v of VARIANTS) {
      if (only && !v.name.includes(only)) continue;
      await api.call('PATCH', '/auth/me', { locale: v.locale });
      const b = await launchBrowser({ width: v.width, height: v.height });
      await b.context.addInitScript({ content: `localStorage.setItem('rapport.locale', ${JSON.stringify(v.locale)});` });
      const page = await b.context.newPage();
      try {
        await page.goto(`${fresh.url}/setup`);
        await shoot(page, v.name, '01-setup');
        await page.goto(`${server.url}/login`);
        await shoot(page, v.name, '02-login');
        await page.fill('input[name=email]', ADMIN.email);
        await page.fill('input[name=password]', ADMIN.password);
        await page.click('button[type=submit]');
        await page.waitForURL('**/today');
        await shoot(page, v.name, '02-today');
        await page.goto(`${server.url}/contacts`);
        await shoot(page, v.name, '03-contacts');
        await page.click('[data-testid=export-button]');
        await page.locator('[data-testid=export-columns]').waitFor();
        await shoot(page, v.name, '03-contacts-export');
        await page.keyboard.press('Escape');
        await page.locator('[data-testid=select-row]').nth(0).click();
        await page.locator('[data-testid=select-row]').nth(1).click();
        await page.locator('[data-testid=bulk-bar]').waitFor();
        await shoot(page, v.name, '03-contacts-bulk');
        await page.locator('[data-testid=select-row]').nth(0).click();
        await page.locator('[data-testid=select-row]').nth(1).click();
        if (view) {
          await page.goto(`${server.url}/contacts?view=${view.id}&stage=customer&sort=displayName`);
          await settle(page);
          // Phones show cards, without the column chooser.
          const chooser = page.locator('[data-testid=column-chooser]');
          if (await chooser.isVisible()) {
            await chooser.click();
            await page.locator('[data-testid=column-options]').waitFor();
          }
          await shoot(page, v.name, '03-contacts-view-columns');
          await page.keyboard.press('Escape');
        }
        await page.click('[data-testid=new-contact]');
        await shoot(page, v.name, '04-contact-create');
        await page.keyboard.press('Escape');
        await page.goto(`${server.url}/contacts/${demo.contactId}`);
        await shoot(page, v.name, '05-contact-360');
        await page.locator('[data-testid=timeline-filter] label').nth(1).click();
        await page.locator('[data-testid=history-item]').first().waitFor();
        await shoot(page, v.name, '05b-contact-history');
        if (dealContact) {
          await page.goto(`${server.url}/contacts/${dealContact}`);
          await shoot(page, v.name, '05c-contact-deals');
        }
        await page.goto(`${server.url}/companies`);
        await shoot(page, v.name, '06-companies');
        await page.locator('[data-testid=select-row]').nth(0).click();
        await page.locator('[data-testid=select-row]').nth(1).click();
        await page.locator('[data-testid=bulk-bar]').waitFor();
        await shoot(page, v.name, '06-companies-bulk');
        await page.goto(`${server.url}/companies/${demo.companyId}`);
        await shoot(page, v.name, '07-company');
        await page.goto(`${server.url}/tasks`);
        await shoot(page, v.name, '08-tasks');
        await page.locator('[data-testid=task-group-done] button[aria-expanded]').click();
        await shoot(page, v.name, '08-tasks-done-open');
        await page.click('[data-testid=new-task]');
        await page.locator('[data-testid=task-record-picker]').fill('Acme');
        await page.getByRole('option', { name: /Acme Trading/ }).first().click();
        await page.locator('[data-testid=task-reminder-select]').click();
        await page.getByRole('option').nth(2).click();
        await shoot(page, v.name, '08-tasks-new');
        await page.keyboard.press('Escape');
        for (const tab of ['profile', 'users', 'teams', 'roles', 'fields', 'general', 'lead-scoring', 'lead-assignment', 'integrations', 'backups', 'audit', 'close-reasons']) {
          await page.goto(`${server.url}/settings?tab=${tab}`);
          await shoot(page, v.name, `09-settings-${tab}`);
        }
        if (v.width > 1000) {
          // Every Settings tab in sight on a wide screen (a side menu).
          await page.setViewportSize({ width: 1440, height: 900 });
          await page.goto(`${server.url}/settings`);
          await shoot(page, v.name, '09-settings-tabs-1440');
          await page.setViewportSize({ width: v.width, height: v.height });
        }
        await page.goto(`${server.url}/settings?tab=integrations`);
        await settle(page);
        if (await page.locator('[data-testid=open-deliveries]').count()) {
          await page.locator('[data-testid=open-deliveries]').first().click();
          await shoot(page, v.name, '11-webhook-deliveries');
          await page.keyboard.press('Escape');
          await page.click('[data-testid=new-api-key]');
          await page.fill('[data-testid=api-key-form] input[name=name]', 'Data warehouse');
          await page.check('[data-scope="data:read"]');
          await page.click('[data-testid=api-key-form] button[type=submit]');
          await page.locator('[data-testid=one-time-secret]').waitFor();
          await shoot(page, v.name, '11-api-key-created');
        }
        await page.goto(`${server.url}/households`);
        await shoot(page, v.name, '12-households');
        if (dataInOut?.householdId) {
          await page.goto(`${server.url}/households/${dataInOut.householdId}`);
          await shoot(page, v.name, '13-household');
        }
        await page.goto(`${server.url}/duplicates`);
        await shoot(page, v.name, '14-duplicates');
        if (await page.locator('[data-testid=merge]').count()) {
          await page.locator('[data-testid=merge]').first().click();
          await shoot(page, v.name, '14b-contact-merge');
          await page.keyboard.press('Escape');
        }
        await page.goto(`${server.url}/duplicates?view=groups`);
        await shoot(page, v.name, '14c-duplicate-groups');
        if (await page.locator('[data-testid=merge-group]').count()) {
          await page.locator('[data-testid=merge-group]').first().click();
          await shoot(page, v.name, '14d-group-merge');
          await page.keyboard.press('Escape');
        }
        await page.goto(`${server.url}/duplicates?entity=company`);
        await shoot(page, v.name, '15-duplicates-companies');
        if (await page.locator('[data-testid=merge]').count()) {
          await page.locator('[data-testid=merge]').first().click();
          await shoot(page, v.name, '16-company-merge');
          await page.keyboard.press('Escape');
        }
        await page.goto(`${server.url}/products`);
        await shoot(page, v.name, '30-products');
        await page.locator('[data-testid=product-actions]').first().click();
        await page.click('[data-testid=edit-product]');
        await shoot(page, v.name, '31-product-edit');
        await page.goto(`${server.url}/settings?tab=pipelines`);
        await shoot(page, v.name, '32-settings-pipelines');
        await page.click('[data-testid=edit-pipeline]');
        await shoot(page, v.name, '33-pipeline-editor');
        if (sales) {
          await page.goto(`${server.url}/deals?deal=${sales.dealId}`);
          await settle(page);
          await page.locator('[data-testid=deal-activity]').waitFor();
          await shoot(page, v.name, '34a-deal-drawer');
          await page.locator('[data-testid=deal-activity]').scrollIntoViewIfNeeded();
          await page.getByText('Pricing call 价格沟通').first().scrollIntoViewIfNeeded();
          await shoot(page, v.name, '34b-deal-timeline');
          await page.click('[data-testid=edit-deal]');
          await shoot(page, v.name, '34-deal-edit');
          await page.goto(`${server.url}/deals?deal=${sales.dealId}`);
          await settle(page);
          await page.click('[data-testid=edit-line-items]');
          await shoot(page, v.name, '35-deal-line-items');
        }
        await page.goto(`${server.url}/deals?view=table`);
        await shoot(page, v.name, '36-deals-table');
        await page.goto(`${server.url}/forecast`);
        await shoot(page, v.name, '37-forecast-quotas');
        await page.goto(`${server.url}/leads`);
        await shoot(page, v.name, '40-leads');
        await page.goto(`${server.url}/deals`);
        await shoot(page, v.name, '41-deals-board');
        await page.goto(`${server.url}/campaigns`);
        await shoot(page, v.name, '45-campaigns');
        await page.goto(`${server.url}/campaigns/new`);
        await page.locator('[data-testid=preview-frame]').waitFor().catch(() => undefined);
        await shoot(page, v.name, '46-campaign-editor');
        await page.goto(`${server.url}/imports`);
        await shoot(page, v.name, '42-imports');
        const importLink = page.locator('a[href^="/imports/"]').first();
        if (await importLink.count()) {
          await importLink.click();
          await shoot(page, v.name, '43-import-view');
        }
        await page.locator('header').getByRole('button', { name: /^(Notifications|通知)/ }).click();
        await shoot(page, v.name, '44-notifications');
        await page.keyboard.press('Escape');
        if (v.width < 500) {
          await page.goto(`${server.url}/contacts`);
          await settle(page);
          await page.getByRole('button', { name: /navigation|导航/ }).click();
          await shoot(page, v.name, '10-nav-open');
        }
      } finally {
        await b.close();
      }
    }
    await api.call('PATCH', '/auth/me', { locale: originalLocale });
  } finally {
    await server.close();
    await fresh.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
