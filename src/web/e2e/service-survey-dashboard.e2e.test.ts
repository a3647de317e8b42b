// End to end on a phone-sized screen: a customer opens the survey link of a solved ticket (no login), the one-click
// score from the link is saved, they add an NPS and a comment in Chinese (the ticket's language); then an admin
// opens the service dashboard, which shows the answer and renders its charts without sideways scrolling, and the
// ticket's timeline, which tells the answer.
import { describe, expect, it } from 'vitest';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';

type Survey = { link: string | null; csat: number | null; nps: number | null; comment: string | null };

describe('satisfaction survey and service dashboard in the browser', () => {
  let ticketId = '';
  const session = browserSession({
    viewport: { width: 390, height: 844 },
    seed: async (api) => {
      const contact = await api.call<{ id: string }>('POST', '/contacts', { displayName: '周杰', emails: ['zhou@example.com'] });
      const ticket = await api.call<{ id: string }>('POST', '/tickets', { subject: '充电器坏了', contactId: contact.id, language: 'zh-CN', channel: 'email' });
      ticketId = ticket.id;
      await api.call('PATCH', `/tickets/${ticket.id}`, { status: 'solved' });
      await api.call('POST', '/tickets', { subject: '发票抬头有误', contactId: contact.id, priority: 'high', channel: 'phone' });
    },
  });

  it('the customer answers the survey from the link', async () => {
    await withFailureShot(session.page, 'e2e-survey-failure', async () => {
      const { page, server, api } = session;
      // The worker opens the survey from the outbox shortly after the solve.
      let survey: Survey | null = null;
      await expect
        .poll(async () => (survey = await api.call<Survey>('GET', `/tickets/${ticketId}/survey`).catch(() => null))?.link ?? null, { timeout: 30_000 })
        .not.toBeNull();
      const path = new URL(survey!.link!).pathname;
      await page.goto(`${server.url}${path}?score=4`);
      await page.locator('[data-testid=csat-saved]').waitFor();
      expect(await page.getByText('您对获得的帮助满意吗？').count()).toBe(1);
      await page.locator('[data-testid=nps-scale] [data-score="9"]').click();
      await page.locator('[data-testid=survey-comment]').fill('很快就换了新的');
      await page.locator('[data-testid=survey-submit]').click();
      await page.locator('[data-testid=survey-thanks]').waitFor();
      const answered = await api.call<Survey>('GET', `/tickets/${ticketId}/survey`);
      expect(answered).toMatchObject({ csat: 4, nps: 9, comment: '很快就换了新的' });
      // A mangled link says so instead of showing a form.
      await page.goto(`${server.url}${path.slice(0, -2)}xx`);
      await expect.poll(() => page.locator('[data-testid=survey-submit]').count()).toBe(0);
      await expect.poll(() => page.getByRole('alert').count()).toBeGreaterThan(0);
    });
  }, 90_000);

  it('the service dashboard renders its numbers and charts on a phone', async () => {
    await withFailureShot(session.page, 'e2e-service-dashboard-failure', async () => {
      const { page, server } = session;
      await loginInBrowser(page, `${server.url}/service-dashboard`);
      await page.locator('[data-testid=service-dashboard]').waitFor();
      await expect.poll(() => page.locator('[data-testid=kpi-csat]').textContent()).toContain('4 / 5');
      expect(await page.locator('[data-testid=kpi-nps]').textContent()).toContain('100');
      expect(await page.locator('[data-testid=kpi-open]').textContent()).toContain('1');
      for (const chart of ['backlog', 'satisfaction', 'status', 'priority', 'channels']) {
        expect(await page.locator(`[data-testid=chart-${chart}] svg`).count(), chart).toBeGreaterThan(0);
      }
      expect(await page.locator('[data-testid=sla-note]').count()).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      // The answer is on the ticket's timeline.
      await page.goto(`${server.url}/tickets/${ticketId}`);
      const event = page.locator('[data-testid=timeline-event][data-kind=survey]').last();
      await expect.poll(() => event.textContent()).toContain('The customer rated the service: CSAT 4/5, NPS 9/10 “很快就换了新的”');
    });
  }, 60_000);
});
