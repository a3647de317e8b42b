// Tasks for the Tasks page's screenshots: one due later today with a reminder, one done, beside the demo data's
// overdue and upcoming ones, so every group (Overdue, Today, Upcoming, Done) has something to show.
import type { ApiSession, DemoData } from './fixtures.js';

export async function createTaskGroups(api: ApiSession, demo: DemoData): Promise<void> {
  const me = (await api.call<{ user: { id: string } }>('GET', '/auth/me')).user;
  const now = new Date();
  // Later today (UTC, the screenshot browser's zone), but never past midnight.
  const endOfDay = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 23, 59);
  const today = new Date(Math.min(now.getTime() + 2 * 3_600_000, endOfDay)).toISOString();
  const reminder = new Date(Date.parse(today) - 15 * 60_000).toISOString();
  await api.call('POST', '/interactions', { type: 'task', contactId: demo.contactId, subject: 'Call back about the quote', dueAt: today, reminderAt: reminder, assigneeId: me.id });
  await api.call('POST', '/interactions', { type: 'task', companyId: demo.companyId, subject: '准备季度回顾材料', dueAt: new Date(now.getTime() + 5 * 86_400_000).toISOString(), reminderAt: new Date(now.getTime() + 4 * 86_400_000).toISOString(), assigneeId: me.id });
  await api.call('POST', '/interactions', { type: 'task', contactId: demo.contactId, subject: 'Send the signed NDA', dueAt: new Date(now.getTime() - 2 * 86_400_000).toISOString(), assigneeId: me.id, done: true });
}
