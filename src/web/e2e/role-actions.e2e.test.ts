// Buttons a role cannot use are not shown: a sales rep sees no catalogue, household, settings or detection actions
// and cannot pick products to import, while an administrator sees every one of them on the same pages.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN, browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';

const REP = { email: 'sam.rep@example.com', password: 'rep-password-1' };

async function visible(page: Page, url: string, ready: () => Promise<unknown>, testIds: string[]): Promise<Record<string, boolean>> {
  await page.goto(url);
  await ready();
  await page.waitForLoadState('networkidle');
  const out: Record<string, boolean> = {};
  for (const id of testIds) out[id] = (await page.getByTestId(id).count()) > 0;
  return out;
}

async function actionsSeen(page: Page, base: string) {
  return {
    products: await visible(page, `${base}/products`, () => page.getByRole('heading', { name: 'Products' }).waitFor(), ['new-product']),
    households: await visible(page, `${base}/households`, () => page.getByRole('heading', { name: 'Households' }).waitFor(), ['new-household', 'regroup']),
    duplicates: await visible(page, `${base}/duplicates`, () => page.getByTestId('duplicates-entity').waitFor(), ['detect']),
    importProducts: await (async () => {
      await page.goto(`${base}/imports?object=products`);
      // The object picker (a segmented control), not the navigation's Products link.
      const picker = page.locator('.mantine-SegmentedControl-root');
      await picker.getByText('Contacts', { exact: true }).waitFor();
      return (await picker.getByText('Products', { exact: true }).count()) > 0;
    })(),
    settingsUsersTab: await (async () => {
      await page.goto(`${base}/settings`);
      await page.getByTestId('settings-tabs').waitFor();
      return (await page.getByRole('tab', { name: 'Users' }).count()) > 0;
    })(),
  };
}

describe('actions by role', () => {
  const s = browserSession({
    seed: async (api) => {
      await api.call('POST', '/users', { email: REP.email, name: 'Sam Rep', password: REP.password, role: 'sales' });
    },
  });

  it('hides from a sales rep what the server would refuse them, and shows it to an administrator', async () => {
    const { page, server } = s;
    await withFailureShot(page, 'role-actions', async () => {
      await loginInBrowser(page, `${server.url}/login`, REP);
      const rep = await actionsSeen(page, server.url);
      expect(rep).toEqual({
        products: { 'new-product': false },
        households: { 'new-household': false, regroup: false },
        duplicates: { detect: false },
        importProducts: false,
        settingsUsersTab: false,
      });

      await page.context().clearCookies();
      await loginInBrowser(page, `${server.url}/login`, ADMIN);
      const admin = await actionsSeen(page, server.url);
      expect(admin).toEqual({
        products: { 'new-product': true },
        households: { 'new-household': true, regroup: true },
        duplicates: { detect: true },
        importProducts: true,
        settingsUsersTab: true,
      });
    });
  }, 90_000);
});
