// End to end: three contacts ticked in the list get a new owner from the bulk action bar; the list shows the owner
// and the audit log holds an update entry per contact with the owner before and after.
import { describe, expect, it } from 'vitest';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';

type Contact = { id: string; displayName: string; ownerId: string | null; ownerName: string | null };
type AuditEntry = { action: string; entityId: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null };

describe('bulk actions on the contacts list', () => {
  const people: Contact[] = [];
  let owner: { id: string };
  const session = browserSession({
    seed: async (api) => {
      owner = await api.call<{ id: string }>('POST', '/users', { email: 'olivia.owner@example.com', name: 'Olivia Owner', password: 'owner-password-1', role: 'sales' });
      for (const name of ['Bulkman Alpha', 'Bulkman Beta', 'Bulkman Gamma']) people.push(await api.call<Contact>('POST', '/contacts', { displayName: name }));
      await api.call('POST', '/contacts', { displayName: 'Bulkman Untouched' });
    },
  });

  it('assigns an owner to three selected contacts, audited', async () => {
    const { page, server, api } = session;
    await withFailureShot(page, 'e2e-bulk-failure', async () => {
      await loginInBrowser(page, `${server.url}/login`);
      await page.goto(`${server.url}/contacts?q=Bulkman`);
      for (const p of people) await page.locator('[data-testid=contact-row]', { hasText: p.displayName }).locator('[data-testid=select-row]').check();
      await page.locator('[data-testid=bulk-count]').getByText('3 selected').waitFor();
      await page.locator('[data-testid=bulk-owner]').click();
      await page.locator('[data-testid=bulk-owner-select]').click();
      await page.getByRole('option', { name: 'Olivia Owner' }).click();
      await page.locator('[data-testid=bulk-owner-apply]').click();
      await page.getByText('3 changed, 0 skipped (not yours to change)').waitFor();

      for (const p of people) await page.locator('[data-testid=contact-row]', { hasText: p.displayName }).getByText('Olivia Owner').waitFor();
      const untouched = page.locator('[data-testid=contact-row]', { hasText: 'Bulkman Untouched' });
      expect(await untouched.getByText('Olivia Owner').count()).toBe(0);
      for (const p of people) {
        expect((await api.call<Contact>('GET', `/contacts/${p.id}`)).ownerId).toBe(owner.id);
        const audit = await api.call<{ data: AuditEntry[] }>('GET', `/audit?entity=contact&entityId=${p.id}`);
        const update = audit.data.find((e) => e.action === 'update');
        expect(update?.after).toMatchObject({ ownerId: owner.id });
        expect(update?.before).toMatchObject({ ownerId: p.ownerId });
      }
    });
  }, 90_000);
});
