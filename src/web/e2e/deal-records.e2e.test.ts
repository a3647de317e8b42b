// End to end: deals on their records. A deal made from a contact's page (the form starts with the contact and its
// company) shows in the Deals section of the contact's and the company's page; a call logged from the deal drawer's
// Activity shows in the deal's timeline, beside what was logged on its contact.
import { describe, expect, it } from 'vitest';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';

const ids: { company?: string; contact?: string; deal?: string } = {};

describe('deals on contact and company pages in the browser', () => {
  const session = browserSession({
    seed: async (api) => {
      ids.company = (await api.call<{ id: string }>('POST', '/companies', { name: 'Records Holding' })).id;
      ids.contact = (await api.call<{ id: string }>('POST', '/contacts', { displayName: 'Rita Records', companyId: ids.company })).id;
      ids.deal = (await api.call<{ id: string }>('POST', '/deals', { name: 'Timeline deal', companyId: ids.company, contacts: [{ contactId: ids.contact, role: 'Champion' }] })).id;
      await api.call('POST', '/interactions', { type: 'note', contactId: ids.contact, body: 'Rita asked for references' });
    },
  });

  it('creates a deal from a contact page and sees it on the contact and company pages', async () => {
    await withFailureShot(session.page, 'e2e-deal-records-create-failure', async () => {
      const { page, server } = session;
      await loginInBrowser(page, `${server.url}/contacts/${ids.contact}`);
      const section = page.locator('[data-testid=section-deals]:visible');
      await section.locator('[data-testid=record-new-deal]').click();
      const form = page.locator('[data-testid=create-deal-form]');
      await form.locator('input[name=name]').fill('Records renewal');
      // The contact and the company are filled in already.
      await expect.poll(() => form.locator('[data-testid=new-deal-contact]').allTextContents()).toEqual(['Rita Records']);
      await form.locator('button[type=submit]').click();
      await form.waitFor({ state: 'detached' });
      await expect.poll(() => section.textContent()).toContain('Records renewal');
      await expect.poll(() => section.textContent()).toContain('Qualification');
      await page.goto(`${server.url}/companies/${ids.company}`);
      const onCompany = page.locator('[data-testid=section-deals]:visible');
      await expect.poll(() => onCompany.textContent()).toContain('Records renewal');
      // The link opens the deal's drawer on the deals page.
      await onCompany.getByRole('link', { name: 'Records renewal' }).click();
      await expect.poll(() => page.locator('[data-testid=deal-drawer]').textContent()).toContain('Rita Records');
    });
  }, 90_000);

  it("logs a call on a deal from its drawer and sees it in the deal's timeline", async () => {
    await withFailureShot(session.page, 'e2e-deal-records-call-failure', async () => {
      const { page, server } = session;
      // Signed in already when the test before ran; else sign in here.
      await page.goto(`${server.url}/deals?view=table&deal=${ids.deal}`);
      await page.locator('[data-testid=deal-activity], input[name=email]').first().waitFor();
      if (await page.locator('input[name=email]').count()) await loginInBrowser(page, `${server.url}/deals?view=table&deal=${ids.deal}`);
      const activity = page.locator('[data-testid=deal-activity]');
      await activity.locator('[data-testid=tab-call]').click();
      const form = activity.locator('[data-testid=call-form]');
      await form.locator('input[name=subject]').fill('Pricing call with Rita');
      await form.getByRole('button', { name: 'Log call' }).click();
      const timeline = activity.locator('[data-testid=timeline]');
      await expect.poll(() => timeline.locator('[data-testid=timeline-item]').first().textContent()).toContain('Pricing call with Rita');
      // The contact's own note is in the deal's timeline too.
      await expect.poll(() => timeline.textContent()).toContain('Rita asked for references');
    });
  }, 90_000);
});
