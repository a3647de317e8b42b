// End to end: two duplicate companies are found, merged from the Duplicates page keeping a chosen industry (the
// contact moves to the survivor), and the merge is undone; two duplicate contacts likewise keeping a chosen title;
// and a group of three contacts in the Groups view.
import { describe, expect, it } from 'vitest';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Company = { id: string; name: string; industry: string | null; contactCount: number };

describe('company merge in the browser', () => {
  let older: Company;
  let newer: Company;
  const session = browserSession({
    seed: async (api) => {
      older = await api.call<Company>('POST', '/companies', { name: 'Northwind Ltd', domain: 'northwind.example', industry: 'Food' });
      await sleep(5);
      newer = await api.call<Company>('POST', '/companies', { name: 'Northwind', domain: 'northwind.example', industry: 'Retail' });
      await api.call('POST', '/contacts', { displayName: 'Nancy Davolio', companyId: newer.id });
      const job = await api.call<{ id: string }>('POST', '/duplicates/detect', {});
      for (let i = 0; i < 60 && (await api.call<{ status: string }>('GET', `/jobs/${job.id}`)).status !== 'done'; i++) await sleep(250);
    },
  });

  it('merges two companies keeping a chosen value, then undoes it', async () => {
    const { page, server, api } = session;
    await withFailureShot(page, 'e2e-duplicates-failure', async () => {
      await loginInBrowser(page, `${server.url}/login`);
      await page.goto(`${server.url}/duplicates`);
      await page.locator('[data-testid=duplicates-entity]').getByText(/^Companies$/).click();
      await page.waitForURL('**/duplicates?entity=company');
      const card = page.locator('[data-testid=duplicate-pair]', { hasText: 'Northwind Ltd' });
      await card.locator('[data-testid=merge]').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('radio', { name: 'Northwind Ltd' }).first().check(); // keep the older one
      await dialog.getByRole('radio', { name: 'Food' }).check(); // its industry rather than the more recent one
      await dialog.locator('[data-testid=merge-confirm]').click();
      await page.getByText('Companies merged.').waitFor();

      const kept = await api.call<Company>('GET', `/companies/${older.id}`);
      expect(kept).toMatchObject({ industry: 'Food', name: 'Northwind', contactCount: 1 }); // the name defaults to the most recent
      await expect(api.call('GET', `/companies/${newer.id}`)).rejects.toThrow();

      await page.locator('[data-testid=undo-merge]').click();
      await page.getByText('Merge undone.').waitFor();
      expect(await api.call<Company>('GET', `/companies/${newer.id}`)).toMatchObject({ name: 'Northwind', industry: 'Retail', contactCount: 1 });
      expect(await api.call<Company>('GET', `/companies/${older.id}`)).toMatchObject({ name: 'Northwind Ltd', industry: 'Food', contactCount: 0 });
      await card.waitFor(); // the pair is open again
    });
  }, 90_000);
});

type Contact = { id: string; displayName: string; title: string | null; emails: string[] };

describe('contact merge and groups in the browser', () => {
  let older: Contact;
  let newer: Contact;
  const session = browserSession({
    seed: async (api) => {
      older = await api.call<Contact>('POST', '/contacts', { displayName: 'Laura Callahan', title: 'Sales Coordinator', emails: ['laura.callahan@northwind.example'] });
      await sleep(5);
      newer = await api.call<Contact>('POST', '/contacts', { displayName: 'Laura J. Callahan', title: 'Inside Sales Lead', emails: ['laura.callahan@northwind.example'], phones: ['+1 206 555 0189'] });
      // Three records of one person: A~B share an email, B~C a phone, so they make one group.
      await api.call('POST', '/contacts', { displayName: 'Robert King', emails: ['robert.king@northwind.example'] });
      await api.call('POST', '/contacts', { displayName: 'Robert King', emails: ['robert.king@northwind.example'], phones: ['+1 206 555 0100'] });
      await api.call('POST', '/contacts', { displayName: 'Robert King', emails: ['rking@northwind.example'], phones: ['+1 206 555 0100'] });
      const job = await api.call<{ id: string }>('POST', '/duplicates/detect', { autoMerge: false });
      for (let i = 0; i < 60 && (await api.call<{ status: string }>('GET', `/jobs/${job.id}`)).status !== 'done'; i++) await sleep(250);
    },
  });

  it('merges two contacts keeping the other one’s title, then undoes it', async () => {
    const { page, server, api } = session;
    await withFailureShot(page, 'e2e-contact-merge-failure', async () => {
      await loginInBrowser(page, `${server.url}/login`);
      await page.goto(`${server.url}/duplicates`);
      const card = page.locator('[data-testid=duplicate-pair]', { hasText: 'Laura J. Callahan' });
      await card.locator('[data-testid=merge]').click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('[data-testid=merge-keep]').getByRole('radio', { name: 'Laura J. Callahan' }).check(); // keep the newer one
      const title = dialog.locator('[data-testid=merge-field-title]');
      expect(await title.getByRole('radio', { name: 'Inside Sales Lead' }).isChecked()).toBe(true); // the server's default: the most recent
      await title.getByRole('radio', { name: 'Sales Coordinator' }).check(); // the other contact's title instead
      await dialog.locator('[data-testid=merge-confirm]').click();
      await page.getByText('Contacts merged.').waitFor();

      expect(await api.call<Contact>('GET', `/contacts/${newer.id}`)).toMatchObject({ title: 'Sales Coordinator', displayName: 'Laura J. Callahan', emails: ['laura.callahan@northwind.example'] });
      await expect(api.call('GET', `/contacts/${older.id}`)).rejects.toThrow();

      await page.locator('[data-testid=undo-merge]').click();
      await page.getByText('Merge undone.').waitFor();
      expect(await api.call<Contact>('GET', `/contacts/${older.id}`)).toMatchObject({ title: 'Sales Coordinator', displayName: 'Laura Callahan' });
      expect(await api.call<Contact>('GET', `/contacts/${newer.id}`)).toMatchObject({ title: 'Inside Sales Lead' });
      await card.waitFor(); // the pair is open again
    });
  }, 90_000);

  it('lists a group of three contacts and opens it in the merge dialog', async () => {
    const { page, server } = session;
    await withFailureShot(page, 'e2e-duplicate-groups-failure', async () => {
      await page.goto(`${server.url}/duplicates`);
      await page.locator('[data-testid=duplicates-view]').getByText(/^Groups$/).click();
      await page.waitForURL('**/duplicates?view=groups');
      const group = page.locator('[data-testid=duplicate-cluster]', { hasText: 'Robert King' });
      await expect.poll(() => group.locator('[data-testid=cluster-member]').count()).toBe(3);
      await group.getByText('3 contacts').waitFor();
      await group.locator('[data-testid=merge-group]').click();
      const dialog = page.getByRole('dialog', { name: 'Merge 3 contacts' });
      await expect.poll(() => dialog.locator('[data-testid=merge-keep]').getByRole('radio').count()).toBe(3);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
    });
  }, 60_000);
});
