// End to end: an agent opens a ticket from the Tickets page, answers with a macro (rendered on the server with the
// customer's name and the ticket number; its action sets the status), then solves it; adds and removes a tag, sees
// the change under "Everything", merges the ticket into another and undoes it; sorts the list and picks columns.
// Screenshots of the ticket page and the list in English, in Chinese and at 390 px are written for a person to look at.
import { describe, expect, it } from 'vitest';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';

describe('tickets in the browser', () => {
  const session = browserSession({
    seed: async (api) => {
      await api.call('POST', '/contacts', { displayName: '王芳', emails: ['wang.fang@example.com'] });
      await api.call('POST', '/macros', {
        name: 'Parcel on its way',
        bodyEn: 'Hello {{contact.displayName}}, your ticket {{ticket.number}} is with {{agent.name}}. The parcel left today.',
        bodyZh: '{{contact.displayName}}您好，您的工单 {{ticket.number}} 由 {{agent.name}} 处理，包裹今天已发出。',
        actions: { status: 'pending' },
      });
    },
  });

  it('creates a ticket, replies with a macro and solves it', async () => {
    await withFailureShot(session.page, 'e2e-tickets-failure', async () => {
      const { page, server } = session;
      await loginInBrowser(page, `${server.url}/tickets`);
      await page.click('[data-testid=new-ticket]');
      const modal = page.getByRole('dialog');
      await modal.locator('[data-testid=ticket-subject]').fill('Parcel not delivered');
      await modal.locator('[data-testid=ticket-requester]').fill('王');
      await page.getByRole('option', { name: '王芳' }).click();
      await modal.locator('[data-testid=ticket-create]').click();
      await page.waitForURL(/\/tickets\/[0-9a-f-]+$/);
      await expect.poll(() => page.locator('[data-testid=ticket-subject-title]').textContent()).toBe('Parcel not delivered');

      await page.locator('[data-testid=macro-picker]').click();
      await page.getByRole('option', { name: 'Parcel on its way' }).click();
      const text = page.locator('[data-testid=reply-text]');
      await expect.poll(() => text.inputValue()).toMatch(/^Hello 王芳, your ticket #\d+ is with .+\. The parcel left today\.$/);
      await page.click('[data-testid=reply-send]');
      await expect.poll(() => page.locator('[data-testid=timeline-message]').count()).toBe(1);
      await expect.poll(() => page.locator('[data-testid=ticket-status]').first().textContent()).toBe('Pending customer');

      await page.locator('[data-testid=reply-mode]').getByText('Internal note').click();
      await text.fill('Checked with the courier.');
      await page.click('[data-testid=reply-send]');
      await expect.poll(() => page.locator('[data-testid=timeline-note]').count()).toBe(1);

      await page.locator('[data-testid=status-select]').click();
      await page.getByRole('option', { name: 'Solved' }).click();
      await expect.poll(() => page.locator('[data-testid=ticket-status]').first().textContent()).toBe('Solved');
      await expect.poll(() => page.locator('[data-testid=timeline-event][data-kind=status]').count()).toBe(2);
      await page.screenshot({ path: 'screenshots/ticket-en.png', fullPage: true });

      await page.goto(`${server.url}/tickets`);
      await page.getByRole('tab', { name: 'Unassigned' }).click();
      await page.locator('[data-testid=ticket-filters]').getByLabel('Status').click();
      await page.getByRole('option', { name: 'All statuses' }).click();
      await expect.poll(() => page.locator('[data-testid=ticket-row]').count()).toBe(1);
      await page.screenshot({ path: 'screenshots/tickets-en.png', fullPage: true });
    });
  }, 90_000);

  it('reads in Chinese and fits a 390 px phone', async () => {
    await withFailureShot(session.page, 'e2e-tickets-zh-failure', async () => {
      const { page, server, api } = session;
      await api.call('PATCH', '/auth/me', { locale: 'zh-CN' });
      await page.evaluate(() => localStorage.setItem('rapport.locale', 'zh-CN'));
      await page.goto(`${server.url}/tickets`);
      await page.locator('[data-testid=ticket-filters]').getByLabel('状态').click();
      await page.getByRole('option', { name: '全部状态' }).click();
      await expect.poll(() => page.locator('[data-testid=ticket-row]').count()).toBe(1);
      await page.screenshot({ path: 'screenshots/tickets-zh.png', fullPage: true });
      await page.locator('[data-testid=ticket-link]').first().click();
      await expect.poll(() => page.locator('[data-testid=ticket-status]').first().textContent()).toBe('已解决');
      await page.screenshot({ path: 'screenshots/ticket-zh.png', fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await expect.poll(() => page.locator('[data-testid=ticket-side-panel]').count()).toBe(1);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(wide).toBeLessThanOrEqual(390);
      await page.screenshot({ path: 'screenshots/ticket-390.png', fullPage: true });
      await page.goto(`${server.url}/tickets`);
      await page.locator('[data-testid=ticket-filters]').getByLabel('状态').click();
      await page.getByRole('option', { name: '全部状态' }).click();
      await expect.poll(() => page.locator('[data-testid=ticket-cards] [data-testid=record-card]').count()).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: 'screenshots/tickets-390.png', fullPage: true });
      await api.call('PATCH', '/auth/me', { locale: 'en' });
    });
  }, 90_000);
  it('edits tags, merges into another ticket and undoes it, sorts and picks columns', async () => {
    await withFailureShot(session.page, 'e2e-tickets-merge-failure', async () => {
      const { page, server, api } = session;
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.evaluate(() => localStorage.setItem('rapport.locale', 'en'));
      const target = await api.call<{ id: string; number: number }>('POST', '/tickets', { subject: 'Courier complaint (main)', priority: 'high' });
      const source = (await api.call<{ data: { id: string; number: number }[] }>('GET', '/tickets?q=Parcel')).data[0]!;
      await page.goto(`${server.url}/tickets/${source.id}`);
      const tags = page.locator('[data-testid=ticket-tags]');
      await tags.fill('courier');
      await tags.press('Enter');
      await expect.poll(async () => (await api.call<{ tags: string[] }>('GET', `/tickets/${source.id}`)).tags).toEqual(['courier']);
      await tags.fill('refund');
      await tags.press('Enter');
      await expect.poll(async () => (await api.call<{ tags: string[] }>('GET', `/tickets/${source.id}`)).tags).toEqual(['courier', 'refund']);
      await page.locator('[data-testid=ticket-side-panel] .mantine-Pill-root', { hasText: 'courier' }).locator('button').click();
      await expect.poll(async () => (await api.call<{ tags: string[] }>('GET', `/tickets/${source.id}`)).tags).toEqual(['refund']);
      await page.locator('[data-testid=ticket-timeline-filter]').getByText('Everything').click();
      await expect.poll(() => page.locator('[data-testid=ticket-history-entry]').filter({ hasText: 'refund' }).count()).toBeGreaterThan(0);

      await page.click('[data-testid=merge-ticket]');
      const modal = page.getByRole('dialog');
      await modal.locator('[data-testid=merge-target]').fill('Courier');
      await page.getByRole('option', { name: `#${target.number} Courier complaint (main)` }).click();
      await modal.locator('[data-testid=merge-confirm]').click();
      await expect.poll(() => page.locator('[data-testid=merged-banner]').textContent()).toContain(`This ticket was merged into #${target.number}`);
      expect(await page.locator('[data-testid=merged-into-link]').getAttribute('href')).toBe(`/tickets/${target.id}`);
      await expect.poll(() => page.locator('[data-testid=merge-notice]').count()).toBe(1);
      await page.screenshot({ path: 'screenshots/ticket-merged-en.png', fullPage: true });
      await page.click('[data-testid=merge-undo-notice]');
      await expect.poll(() => page.locator('[data-testid=merged-banner]').count()).toBe(0);
      expect((await api.call<{ mergedIntoId: string | null; status: string }>('GET', `/tickets/${source.id}`)).mergedIntoId).toBeNull();

      // Merged again, then undone from the banner after a reload (the merge is found on the ticket's timeline).
      await page.click('[data-testid=merge-ticket]');
      await modal.locator('[data-testid=merge-target]').fill('Courier');
      await page.getByRole('option', { name: `#${target.number} Courier complaint (main)` }).click();
      await modal.locator('[data-testid=merge-confirm]').click();
      await expect.poll(() => page.locator('[data-testid=merged-banner]').count()).toBe(1);
      await page.reload();
      await page.click('[data-testid=merge-undo]');
      await expect.poll(() => page.locator('[data-testid=merged-banner]').count()).toBe(0);

      await page.goto(`${server.url}/tickets`);
      await page.locator('[data-testid=ticket-filters]').getByLabel('Status').click();
      await page.getByRole('option', { name: 'All statuses' }).click();
      await page.locator('[data-testid=ticket-sort]').click();
      await page.getByRole('option', { name: 'Priority' }).click();
      await expect.poll(() => page.locator('[data-testid=ticket-row]').first().textContent()).toContain('Courier complaint (main)');
      await page.click('[data-testid=ticket-sort-direction]');
      await expect.poll(() => page.locator('[data-testid=ticket-row]').first().textContent()).toContain('Parcel not delivered');
      await page.click('[data-testid=column-chooser]');
      await page.locator('[data-testid=column-options] [data-column=tags]').check();
      await expect.poll(() => page.locator('[data-testid=ticket-row] td[data-column=tags]').first().textContent()).toBe('refund');
      await expect.poll(() => page.locator('[data-testid=list-count]').textContent()).toBe('2 tickets');
      await page.screenshot({ path: 'screenshots/tickets-columns-en.png', fullPage: true });
    });
  }, 120_000);
});
