// End to end: a ticket routed by a rule shows its live SLA timers (counting down) and why it was routed on the ticket
// page; Service settings list the policy and the agent sets themselves away. English, Chinese and a 390 px phone.
import { describe, expect, it } from 'vitest';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';

/** The page and its background work get time on a shared machine. */
const poll = <T,>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

const always = { name: 'Always', timeZone: 'UTC', week: Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]), holidays: [] };

describe('SLA timers and routing in the browser', () => {
  let ticketId = '';
  const session = browserSession({
    seed: async (api) => {
      const team = await api.call<{ id: string }>('POST', '/teams', { name: 'Support' });
      await api.call('POST', '/users', { email: 'amy@example.com', name: 'Amy Agent', password: 'password-123', role: 'support', teamId: team.id });
      await api.call('POST', '/business-calendars', always);
      await api.call('POST', '/sla-policies', { name: 'Standard', firstResponseMinutes: 30, resolutionMinutes: 240, warnBeforeMinutes: 5 });
      await api.call('POST', '/routing-rules', { name: 'Everything', teamId: team.id, strategy: 'round_robin' });
      ticketId = (await api.call<{ id: string }>('POST', '/tickets', { subject: 'Cannot log in' })).id;
    },
  });

  it('shows the timers counting down and the routing explanation on the ticket page', async () => {
    await withFailureShot(session.page, 'e2e-sla-failure', async () => {
      const { page, server, api } = session;
      // Routing and the timers start from the outbox in the background.
      await expect.poll(async () => (await api.call<{ policy: { name: string } | null }>('GET', `/tickets/${ticketId}/sla`)).policy?.name, { timeout: 20_000 }).toBe('Standard');
      await loginInBrowser(page, `${server.url}/tickets/${ticketId}`);
      const timers = page.locator('[data-testid=sla-timers]');
      await poll(() => timers.count()).toBe(1);
      expect(await timers.textContent()).toContain('Standard');
      const left = page.locator('[data-testid=sla-firstResponse-left]');
      await poll(() => left.textContent()).toMatch(/^\d+:\d\d left$/);
      const first = await left.textContent();
      await expect.poll(() => left.textContent(), { timeout: 5_000 }).not.toBe(first); // it counts down live
      expect(await page.locator('[data-testid=sla-resolution]').getAttribute('data-state')).toBe('running');
      await poll(() => page.locator('[data-testid=routing-why]').textContent()).toContain('Matched routing rule “Everything”, which sends tickets to team “Support”.');
      expect(await page.locator('[data-testid=routing-why]').textContent()).toContain('Round-robin among team “Support”: Amy Agent was next.');
      await poll(() => page.locator('[data-testid=timeline-event][data-kind=sla]').first().textContent()).toMatch(/^SLA “Standard” started: first response due .+, resolution due .+\./);
      await page.screenshot({ path: 'screenshots/ticket-sla-en.png', fullPage: true });
    });
  }, 90_000);

  it('lists the policy in Service settings, lets the agent go away, and fits a phone in Chinese', async () => {
    await withFailureShot(session.page, 'e2e-sla-settings-failure', async () => {
      const { page, server, api } = session;
      await page.goto(`${server.url}/service-settings?tab=policies`);
      await poll(() => page.locator('[data-testid=policy-card]').count()).toBe(1);
      expect(await page.locator('[data-testid=policy-card]').textContent()).toContain('First response: 30 business minutes');

      await page.context().clearCookies();
      await loginInBrowser(page, `${server.url}/service-settings`, { email: 'amy@example.com', password: 'password-123' });
      const amy = (await api.call<{ data: { userId: string; name: string; away: boolean }[] }>('GET', '/agent-status')).data.find((a) => a.name === 'Amy Agent')!;
      await page.locator(`[data-testid=away-${amy.userId}]`).click({ force: true }); // the switch input is visually hidden behind its track
      await poll(async () => (await api.call<{ data: { userId: string; away: boolean }[] }>('GET', '/agent-status')).data.find((a) => a.userId === amy.userId)?.away).toBe(true);
      expect(await page.getByRole('tab', { name: 'SLA policies' }).count()).toBe(0); // agents see only the agents tab

      await api.call('PATCH', '/auth/me', { locale: 'zh-CN' });
      await page.evaluate(() => localStorage.setItem('rapport.locale', 'zh-CN'));
      await page.context().clearCookies();
      await loginInBrowser(page, `${server.url}/tickets/${ticketId}`);
      await page.setViewportSize({ width: 390, height: 844 });
      await poll(() => page.locator('[data-testid=sla-firstResponse-left]').textContent()).toMatch(/^剩余 \d+:\d\d$/);
      await poll(() => page.locator('[data-testid=routing-why]').textContent()).toContain('匹配路由规则“Everything”，工单发往团队“Support”。');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: 'screenshots/ticket-sla-390-zh.png', fullPage: true });
      await page.goto(`${server.url}/service-settings?tab=routing`);
      await poll(() => page.locator('[data-testid=routing-rule-card]').count()).toBe(1);
      expect(await page.locator('[data-testid=routing-rule-card]').textContent()).toContain('团队“Support”，轮流分配');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: 'screenshots/service-settings-390-zh.png', fullPage: true });
      await api.call('PATCH', '/auth/me', { locale: 'en' });
    });
  }, 90_000);
});
