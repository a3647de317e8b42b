// End to end: two duplicate companies are found, merged from the Duplicates page keeping a chosen industry (the
// contact moves to the survivor), and the merge is undone from the same page.
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
