// End to end at 390 px: a telecom-style customer table (CSV with a contract, monthly charges and a churned yes/no
// column) is imported through the Imports page into custom fields; an admin defines a custom-label churn model on
// `churned` in Intelligence → Models, trains it, reads the model card (AUC, calibration, top features) and the scored
// contacts with their reasons; the contact's 360° view shows the score with reasons; in English and Chinese
// (screenshots/models-*.png). The API answers the same.
import { describe, expect, it } from 'vitest';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';

function telecomCsv(n: number): string {
  let s = 7;
  const r = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const lines = ['Name,Email,contract,monthly_charges,churned'];
  for (let i = 0; i < n; i++) {
    const contract = ['month-to-month', 'one-year', 'two-year'][Math.floor(r() * 3)]!;
    const churned = r() < (contract === 'month-to-month' ? 0.7 : 0.08);
    lines.push(`Customer ${i},c${i}@telecom.example,${contract},${Math.round(20 + r() * 80)},${churned ? 'Yes' : 'No'}`);
  }
  return lines.join('\n');
}

interface ModelView { id: string; status: string; scoredContacts: number; latestVersion: { card: { auc: number } } | null }

describe('predictive models in the browser', () => {
  const session = browserSession({
    viewport: { width: 390, height: 844 },
    seed: async (api) => {
      await api.call('POST', '/custom-fields', { object: 'contact', key: 'contract', label: 'Contract', type: 'select', options: ['month-to-month', 'one-year', 'two-year'] });
      await api.call('POST', '/custom-fields', { object: 'contact', key: 'monthly_charges', label: 'Monthly charges', type: 'number' });
      await api.call('POST', '/custom-fields', { object: 'contact', key: 'churned', label: 'Churned', type: 'boolean' });
    },
  });

  it('imports a customer table with a churned column, trains a model on it and shows the card and scores', async () => {
    await withFailureShot(session.page, 'e2e-models-failure', async () => {
      const { page, server, api } = session;
      await loginInBrowser(page, `${server.url}/imports`);
      await page.locator('input[type=file]').setInputFiles({ name: 'telecom.csv', mimeType: 'text/csv', buffer: Buffer.from(telecomCsv(400)) });
      await page.click('[data-testid=import-upload]');
      await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
      const importId = page.url().split('/').pop()!;
      const mapped = async (header: string) => page.locator(`input[aria-label="${header}"]`).inputValue();
      await expect.poll(() => Promise.all(['contract', 'churned'].map(mapped))).toEqual(['Contract', 'Churned']);
      await page.click('[data-testid=import-start]');
      await expect.poll(async () => (await api.call<{ status: string }>('GET', `/imports/${importId}`)).status, { timeout: 60_000 }).toBe('done');

      await page.goto(`${server.url}/models`);
      await page.locator('[data-testid=model-new]').click();
      await page.locator('[data-testid=model-name]').fill('Telecom churn');
      await page.locator('[data-testid=model-kind]').click();
      await page.getByRole('option', { name: 'Custom label' }).click();
      await page.locator('[data-testid=model-label-field]').click();
      await page.getByRole('option', { name: 'Churned' }).click();
      await page.locator('[data-testid=model-create]').click();
      await page.locator('[data-testid=model-untrained]').waitFor();
      await page.locator('[data-testid=model-train]').click();
      // The job trains and scores in the background; the page polls while the model is training.
      await page.locator('[data-testid=card-auc]').waitFor({ timeout: 60_000 });
      const models = (await api.call<{ data: ModelView[] }>('GET', '/intelligence/models')).data;
      expect(models[0]).toMatchObject({ status: 'ready', scoredContacts: 400 });
      expect(models[0]!.latestVersion!.card.auc).toBeGreaterThan(0.8);
      expect(await page.locator('[data-testid=model-status]').first().textContent()).toBe('Scoring');
      await page.locator('[data-testid=chart-calibration] .recharts-surface').first().waitFor();
      expect(await page.locator('[data-testid=top-features]').textContent()).toContain('Contract: month-to-month');
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth)).toBe(true);
      await page.screenshot({ path: 'screenshots/models-card-en.png', fullPage: true });

      await page.locator('[data-testid=tab-scores]').click();
      const first = page.locator('[data-testid=scored-contact]').first();
      await first.waitFor();
      expect(await first.locator('[data-testid=score-reasons]').textContent()).toContain('Contract: month-to-month');
      await page.screenshot({ path: 'screenshots/models-scores-en.png', fullPage: true });

      await first.locator('a').click();
      const section = page.locator('[data-testid=section-model-scores] >> visible=true');
      await section.waitFor();
      expect(await section.textContent()).toContain('Telecom churn');
      expect(await section.textContent()).toContain('Contract: month-to-month');
      await page.screenshot({ path: 'screenshots/models-contact-en.png', fullPage: true });

      await api.call('PATCH', '/auth/me', { locale: 'zh-CN' });
      await page.evaluate(() => localStorage.setItem('rapport.locale', 'zh-CN'));
      await page.reload();
      await section.waitFor();
      expect(await section.textContent()).toContain('预测评分');
      await page.goto(`${server.url}/models`);
      await page.locator('[data-testid=card-auc]').waitFor();
      expect(await page.locator('[data-testid=model-detail]').textContent()).toContain('最重要的因素');
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth)).toBe(true);
      await page.screenshot({ path: 'screenshots/models-card-zh.png', fullPage: true });
    });
  }, 240_000);
});
