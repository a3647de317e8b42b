// End to end: create a product on the Products page, put it on a deal as a line item in the deal drawer, change the
// deal's amount and close date, reload and find all of it kept; set a rep's quota on the forecast page; edit the
// pipeline's stages in Settings (the server's refusal to drop a stage holding deals is explained).
import { describe, expect, it } from 'vitest';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';

interface DealBody {
  amount: number;
  expectedCloseDate: string | null;
  lineItems: { productId: string | null; quantity: number; unitPrice: number }[];
}

describe('products and deal editing in the browser', () => {
  let dealId: string;
  const session = browserSession({
    viewport: { width: 1400, height: 950 },
    seed: async (api) => {
      dealId = (await api.call<{ id: string }>('POST', '/deals', { name: 'Tea house 茶馆 deal', amount: 100000, currency: 'CNY' })).id;
    },
  });

  it('creates a product, adds it to a deal, edits amount and close date, keeps them after reload, sets a quota, edits pipeline stages', async () => {
    await withFailureShot(session.page, 'e2e-products-failure', flow);
  }, 90_000);

  async function flow(): Promise<void> {
    const { page, server, api } = session;
    await loginInBrowser(page, `${server.url}/login`);

    // A new product, priced in whole units in the form.
    await page.click('[data-nav=products]');
    await page.click('[data-testid=new-product]');
    const form = page.locator('[data-testid=product-form]');
    await form.locator('input[name=sku]').fill('E2E-TEA');
    await form.locator('input[name=nameEn]').fill('Jasmine tea');
    await form.locator('input[name=nameZh]').fill('茉莉花茶');
    await form.locator('input[name=price]').fill('88.50');
    await form.locator('button[type=submit]').click();
    await page.locator('[data-testid=product-row][data-sku=E2E-TEA]').waitFor();
    expect(await page.locator('[data-testid=product-row][data-sku=E2E-TEA]').textContent()).toMatch(/88\.50/);
    const product = (await api.call<{ data: { id: string; price: number }[] }>('GET', '/products?q=E2E-TEA')).data[0]!;
    expect(product.price).toBe(8850);

    // Open the deal's drawer and add the product twice over as a line item.
    await page.goto(`${server.url}/deals?deal=${dealId}`);
    const drawer = page.locator('[data-testid=deal-drawer]');
    await drawer.locator('[data-testid=edit-line-items]').click();
    await drawer.locator('[data-testid=line-product-picker]').click();
    await drawer.locator('[data-testid=line-product-picker]').fill('E2E');
    await page.getByRole('option', { name: /Jasmine tea/ }).click();
    await drawer.locator('[data-testid=add-line-item]').click();
    await drawer.locator('[data-testid=line-quantity]').fill('2');
    await drawer.locator('[data-testid=save-line-items]').click();
    await drawer.locator(`[data-testid=line-item][data-product-id="${product.id}"]`).waitFor();
    await expect.poll(async () => (await drawer.locator('[data-testid=deal-amount]').textContent()) ?? '').toMatch(/177/);

    // Then the amount and the expected close date by hand.
    await drawer.locator('[data-testid=edit-deal]').click();
    const edit = drawer.locator('[data-testid=deal-edit-form]');
    await edit.locator('input[name=amount]').fill('250000');
    await edit.getByLabel('Expected close').fill('2026-12-15');
    await edit.getByLabel('Expected close').blur();
    await edit.locator('[data-testid=save-deal]').click();
    await edit.waitFor({ state: 'detached' });

    await page.reload();
    await drawer.locator(`[data-testid=line-item][data-product-id="${product.id}"]`).waitFor();
    expect(await drawer.locator('[data-testid=deal-amount]').textContent()).toMatch(/250,000/);
    expect(await drawer.locator('[data-testid=deal-close-date]').textContent()).toMatch(/2026/);
    const stored = await api.call<DealBody>('GET', `/deals/${dealId}`);
    expect(stored).toMatchObject({ amount: 25_000_000, expectedCloseDate: '2026-12-15', lineItems: [{ productId: product.id, quantity: 2, unitPrice: 8850 }] });

    // A monthly quota for the admin over this year; their row shows attainment against it.
    const year = new Date().getFullYear();
    await page.goto(`${server.url}/forecast?from=${year}-01&to=${year}-12`);
    await page.click('[data-testid=set-quota]');
    const quota = page.locator('[data-testid=quota-form]');
    await quota.locator('[data-testid=quota-target]').click();
    await page.getByRole('option', { name: 'Administrator' }).click();
    await quota.locator('input[name=amount]').fill('10000');
    await quota.locator('[data-testid=save-quota]').click();
    await quota.waitFor({ state: 'detached' });
    await expect.poll(async () => (await page.locator('[data-testid=quota-row] [data-testid=quota-figures]').first().textContent()) ?? '').toMatch(/120,000/);
    const quotas = await api.call<{ data: { month: string; amount: number }[] }>('GET', `/quotas?from=${year}-01&to=${year}-12`);
    expect(quotas.data.filter((q) => q.amount === 1_000_000)).toHaveLength(12);

    // Pipelines: dropping the stage that holds the deal is refused; a new stage moved up one place is saved.
    await page.goto(`${server.url}/settings?tab=pipelines`);
    await page.click('[data-testid=edit-pipeline]');
    const editor = page.locator('[data-testid=pipeline-form]');
    await editor.locator('[data-testid=remove-stage]').first().click();
    await editor.locator('button[type=submit]').click();
    await expect.poll(async () => (await editor.locator('[data-testid=error-message]').textContent()) ?? '').toMatch(/Qualification.*still holds deals/);
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await page.click('[data-testid=edit-pipeline]');
    await editor.locator('[data-testid=add-stage]').click();
    await editor.locator('[data-testid=stage-name]').nth(4).fill('Contract 合同');
    await editor.locator('[data-testid=stage-row]').nth(4).getByRole('button', { name: 'Move up' }).click();
    await editor.locator('button[type=submit]').click();
    await editor.waitFor({ state: 'detached' });
    const pipelines = await api.call<{ data: { stages: { name: string }[] }[] }>('GET', '/pipelines');
    expect(pipelines.data[0]!.stages.map((x) => x.name)).toEqual(['Qualification', 'Needs analysis', 'Proposal', 'Contract 合同', 'Negotiation', 'Won', 'Lost']);
  }
});
