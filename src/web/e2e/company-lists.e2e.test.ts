// End to end: the companies list keeps a saved view (filter and columns, a company custom field shown, size hidden)
// across leaving the page and reopening its tab; two ticked companies get a tag from the bulk bar, audited, and
// "Export selected" downloads exactly those two.
import { describe, expect, it } from 'vitest';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';
import { reopenView, saveViewWithColumns } from './support/list-views.js';

type Company = { id: string; name: string; tags: string[] };
type AuditEntry = { action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null };

describe('companies list: saved views, columns and bulk actions', () => {
  const made: Company[] = [];
  const session = browserSession({
    seed: async (api) => {
      await api.call('POST', '/custom-fields', { object: 'company', key: 'region', label: 'Region', type: 'text' });
      for (const name of ['Acme Viewco', 'Birch Viewco', 'Cedar Viewco']) made.push(await api.call<Company>('POST', '/companies', { name, industry: 'viewco', customFields: { region: `R-${name}` } }));
      await api.call('POST', '/companies', { name: 'Outside Firm', industry: 'other' });
    },
  });

  it('saves a view and reopens it, then bulk-tags two companies and exports exactly them', async () => {
    const { page, server, api } = session;
    await withFailureShot(page, 'e2e-company-lists-failure', async () => {
      await loginInBrowser(page, `${server.url}/login`);
      await page.goto(`${server.url}/companies?industry=viewco`);
      await page.locator('[data-testid=list-count]').getByText('3 companies').waitFor();
      await saveViewWithColumns(page, { name: 'Viewco firms', on: ['cf.region'], off: ['size'] });
      await reopenView(page, `${server.url}/companies`, 'All companies', 'Viewco firms', { row: 'company-row', text: 'Outside Firm' });
      await page.waitForURL(/industry=viewco/);
      await page.locator('[data-testid=list-count]').getByText('3 companies').waitFor();
      await page.locator('[data-testid=company-row]', { hasText: 'Acme Viewco' }).getByText('R-Acme Viewco').waitFor();
      expect(await page.locator('[data-testid=companies-table] th', { hasText: 'Size' }).count()).toBe(0);
      expect(await page.locator('[data-testid=company-row]', { hasText: 'Outside Firm' }).count()).toBe(0);

      const two = made.slice(0, 2);
      for (const c of two) await page.locator('[data-testid=company-row]', { hasText: c.name }).locator('[data-testid=select-row]').check();
      await page.locator('[data-testid=bulk-count]').getByText('2 selected').waitFor();
      await page.locator('[data-testid=bulk-tags]').click();
      await page.locator('[data-testid=bulk-tag-input]').fill('hot-lead');
      await page.locator('[data-testid=bulk-tag-add]').click();
      await page.getByText('2 changed, 0 skipped (not yours to change)').waitFor();
      for (const c of two) await page.locator('[data-testid=company-row]', { hasText: c.name }).getByText('hot-lead').waitFor();
      expect(await page.locator('[data-testid=company-row]', { hasText: 'Cedar Viewco' }).getByText('hot-lead').count()).toBe(0);
      for (const c of two) {
        expect((await api.call<Company>('GET', `/companies/${c.id}`)).tags).toEqual(['hot-lead']);
        const audit = await api.call<{ data: AuditEntry[] }>('GET', `/audit?entity=company&entityId=${c.id}`);
        expect(audit.data.find((e) => e.action === 'update')?.after).toEqual({ tags: ['hot-lead'] });
      }

      for (const c of two) await page.locator('[data-testid=company-row]', { hasText: c.name }).locator('[data-testid=select-row]').check();
      await page.locator('[data-testid=export-selected]').click();
      await page.getByText('CSV (.csv)').click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-download]').click()]);
      const chunks: Buffer[] = [];
      for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
      const lines = Buffer.concat(chunks).toString('utf8').trim().split(/\r?\n/);
      expect(lines).toHaveLength(3);
      expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual(['Acme Viewco', 'Birch Viewco']);
    });
  }, 120_000);
});
