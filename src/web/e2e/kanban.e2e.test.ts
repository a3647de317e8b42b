// End to end: real server + built UI + Chromium. Drag a deal to the next stage, reload, then win it on the board
// and see the forecast's closed revenue and the contact's purchase history change; a long column loads more on demand.
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';

describe('deals board in the browser', () => {
  let dealId: string;
  let contactId: string;
  const session = browserSession({
    // Wide enough that every column of the default pipeline is on screen.
    viewport: { width: 1900, height: 1000 },
    seed: async (api) => {
      const contact = await api.call<{ id: string }>('POST', '/contacts', { displayName: '陈静', lifecycleStage: 'opportunity' });
      contactId = contact.id;
      const deal = await api.call<{ id: string }>('POST', '/deals', {
        name: 'Kanban 看板 deal',
        amount: 1234500,
        currency: 'CNY',
        expectedCloseDate: new Date().toISOString().slice(0, 10),
        contacts: [{ contactId, role: 'buyer' }],
      });
      dealId = deal.id;
    },
  });

  it('moves a deal across the board, keeps it after reload, wins it and updates forecast and purchases', async () => {
    await withFailureShot(session.page, 'e2e-kanban-failure', flow);
  }, 90_000);

  it("shows a column's first 30 deals and loads the rest of that column on demand", async () => {
    await withFailureShot(session.page, 'e2e-kanban-more-failure', async () => {
      const { page, server, api } = session;
      const pipelines = await api.call<{ data: { id: string; isDefault: boolean; stages: { id: string; name: string }[] }[] }>('GET', '/pipelines');
      const proposal = pipelines.data.find((p) => p.isDefault)!.stages.find((x) => x.name === 'Proposal')!;
      for (let i = 0; i < 35; i++) await api.call('POST', '/deals', { name: `Bulk ${String(i).padStart(2, '0')}`, amount: 1000 + i, stageId: proposal.id });
      await page.goto(`${server.url}/deals`);
      const cards = column('Proposal').locator('[data-testid=deal-card]');
      await expect.poll(() => cards.count()).toBe(30);
      await expect(column('Proposal').locator('[data-testid=column-count]').textContent()).resolves.toBe('35');
      await column('Proposal').locator('[data-testid=column-load-more]').click();
      await expect.poll(() => cards.count()).toBe(35);
      expect(await column('Proposal').locator('[data-testid=column-load-more]').count()).toBe(0);
    });
  }, 90_000);

  const column = (name: string) => session.page.locator(`[data-testid=board-column][data-stage-name="${name}"]`);
  const card = () => session.page.locator(`[data-testid=deal-card][data-deal-id="${dealId}"]`);

  async function drag(from: Locator, to: Locator): Promise<void> {
    const { page } = session;
    const a = (await from.boundingBox())!;
    const b = (await to.boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2, { steps: 3 });
    await page.mouse.move(b.x + b.width / 2, b.y + 120, { steps: 12 });
    await page.mouse.up();
  }

  async function closedKpi(): Promise<string> {
    const { page, server } = session;
    await page.goto(`${server.url}/forecast`);
    const kpi = page.locator('[data-testid=kpi-closed]');
    await kpi.waitFor();
    return (await kpi.textContent()) ?? '';
  }

  async function flow(): Promise<void> {
    const { page, server, api } = session;
    await loginInBrowser(page, `${server.url}/login`);
    const closedBefore = await closedKpi();

    await page.goto(`${server.url}/deals`);
    await column('Qualification').locator(`[data-deal-id="${dealId}"]`).waitFor();

    // Drag to the next stage; the card lands there at once and the server agrees.
    await drag(card(), column('Needs analysis'));
    await column('Needs analysis').locator(`[data-deal-id="${dealId}"]`).waitFor();
    await expect.poll(async () => (await api.call<{ stageName: string }>('GET', `/deals/${dealId}`)).stageName).toBe('Needs analysis');

    await page.reload();
    await column('Needs analysis').locator(`[data-deal-id="${dealId}"]`).waitFor();
    expect(await column('Qualification').locator(`[data-deal-id="${dealId}"]`).count()).toBe(0);

    // Drop it on Won: a reason is asked for, then the deal is won and an order is recorded.
    await drag(card(), column('Won'));
    const form = page.locator('[data-testid=close-reason-form]');
    await form.locator('textarea[name=reason]').fill('Best fit 最合适');
    await form.locator('button[type=submit]').click();
    await column('Won').locator(`[data-deal-id="${dealId}"]`).waitFor();
    await expect.poll(async () => (await api.call<{ status: string }>('GET', `/deals/${dealId}`)).status).toBe('won');

    // The forecast's closed revenue grew, and the contact's 360° page shows the purchase.
    await expect.poll(closedKpi, { timeout: 15_000 }).not.toBe(closedBefore);
    await page.goto(`${server.url}/contacts/${contactId}`);
    await expect.poll(async () => (await page.locator('body').textContent()) ?? '', { timeout: 15_000 }).toMatch(/12,345/);
  }
});
