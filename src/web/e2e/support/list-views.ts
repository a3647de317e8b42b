// Browser steps shared by the list tests: choose columns and save the list as a view, then leave the list and open
// that view's tab again (the plain tab is chosen on return).
import type { Page } from 'playwright-core';

export async function saveViewWithColumns(page: Page, view: { name: string; on: string[]; off: string[] }): Promise<void> {
  await page.locator('[data-testid=column-chooser]').click();
  for (const c of view.off) await page.locator(`[data-testid=column-options] [data-column="${c}"]`).uncheck();
  for (const c of view.on) await page.locator(`[data-testid=column-options] [data-column="${c}"]`).check();
  await page.keyboard.press('Escape');
  for (const c of view.on) await page.locator(`th[data-column="${c}"]`).waitFor();
  await page.locator('[data-testid=save-view]').click();
  await page.locator('[data-testid=view-name]').fill(view.name);
  await page.locator('[data-testid=view-submit]').click();
  await page.getByRole('tab', { name: view.name, selected: true }).waitFor();
}

export async function reopenView(page: Page, listUrl: string, allTab: string, name: string, outsider: { row: string; text: string }): Promise<void> {
  await page.goto(new URL('/today', listUrl).href);
  await page.goto(listUrl);
  await page.getByRole('tab', { name: allTab, selected: true }).waitFor();
  await page.locator(`[data-testid=${outsider.row}]`, { hasText: outsider.text }).waitFor();
  await page.getByRole('tab', { name }).click();
}
