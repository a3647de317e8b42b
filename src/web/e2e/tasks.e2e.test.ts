// End to end: a task made from the Tasks page's "New task" form, about a contact picked by search, with a reminder
// at its due time; the worker fires the reminder and the bell shows it. The browser's clock is set three days back,
// so the form's default due time (tomorrow 09:00) is already past and the reminder fires at once.
import { describe, expect, it } from 'vitest';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';

describe('tasks and reminders in the browser', () => {
  const session = browserSession({
    seed: async (api) => {
      await api.call('POST', '/contacts', { displayName: 'Reminder Customer' });
      const company = await api.call<{ id: string }>('POST', '/companies', { name: 'Harbour Freight' });
      await api.call('POST', '/deals', { name: 'Harbour renewal', amount: 500_000, companyId: company.id });
    },
  });

  it('creates a task with a reminder from the Tasks page and the reminder reaches the bell', async () => {
    await withFailureShot(session.page, 'e2e-tasks-failure', flow);
  }, 90_000);

  it('links a new task to a deal picked by search, and the task opens the deal', async () => {
    await withFailureShot(session.page, 'e2e-tasks-deal-failure', async () => {
      const { page, server } = session;
      await page.goto(`${server.url}/tasks`);
      await page.click('[data-testid=new-task]');
      const modal = page.getByRole('dialog');
      await modal.getByLabel('About').fill('Harbour renewal');
      await page.getByRole('option', { name: 'Harbour renewal' }).click();
      const form = modal.locator('[data-testid=task-form]');
      await form.locator('input[name=subject]').fill('Send the renewal terms');
      await form.getByRole('button', { name: 'Create task' }).click();
      await modal.waitFor({ state: 'detached' });
      const item = page.locator('[data-testid=task-item]', { hasText: 'Send the renewal terms' });
      await item.locator('[data-testid=task-deal-link]').click();
      await page.waitForURL(/\/deals\?.*deal=/);
      await expect.poll(() => page.getByText('Harbour renewal').count()).toBeGreaterThan(0);
    });
  }, 60_000);

  async function flow(): Promise<void> {
    const { page, server, api } = session;
    await page.clock.setFixedTime(new Date(Date.now() - 3 * 86_400_000));
    await loginInBrowser(page, `${server.url}/tasks`);
    await page.click('[data-testid=new-task]');
    const modal = page.getByRole('dialog');
    await modal.getByLabel('About').fill('Reminder');
    await page.getByRole('option', { name: /Reminder Customer/ }).click();
    const form = modal.locator('[data-testid=task-form]');
    await form.locator('input[name=subject]').fill('Call the customer back');
    await form.locator('[data-testid=task-reminder-select]').click();
    await page.getByRole('option', { name: 'At the due time' }).click();
    await form.getByRole('button', { name: 'Create task' }).click();
    await modal.waitFor({ state: 'detached' });

    const overdue = page.locator('[data-testid=task-group-overdue]');
    await expect.poll(() => overdue.textContent()).toContain('Call the customer back');
    await expect(overdue.locator('[data-testid=task-group-count]').textContent()).resolves.toBe('1');

    type Notes = { data: { kind: string; params: { subject?: string } | null }[] };
    await expect.poll(async () => (await api.call<Notes>('GET', '/notifications')).data.filter((n) => n.kind === 'task.reminder').map((n) => n.params?.subject), { timeout: 30_000 }).toEqual(['Call the customer back']);
    await page.reload();
    await page.locator('[data-testid=notification-bell]').click();
    await expect.poll(() => page.getByText('Reminder: Call the customer back').count()).toBe(1);
    // The reminder opens the task's record, where the task is listed.
    await page.getByText('Reminder: Call the customer back').click();
    await page.waitForURL(/\/contacts\/[^/]+$/);
    await expect.poll(() => page.getByText('Call the customer back').count()).toBeGreaterThan(0);
  }
});
