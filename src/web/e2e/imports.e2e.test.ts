// End to end: a Chinese Excel-style CSV (GBK) is uploaded in the Imports page, its columns are mapped from the
// Chinese headers, the preview marks the bad row, the import runs to done (duplicate merged, bad row reported),
// survives a reload, and the imported contact is found by search.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';

const CSV = [
  '姓名,手机,邮箱,公司',
  '张伟,138 0013 8000, ZHANG.WEI@Example.com ,北京星辰科技有限公司',
  '李娜,13900139000,lina@example.com,北京星辰科技有限公司',
  '张伟,+86 138-0013-8000,,北京星辰科技有限公司',
  '王芳,12345,not-an-email,',
].join('\r\n');

interface ImportRecord {
  status: string;
  encoding: string;
  progress: { created: number; duplicates: number; failed: number; companiesCreated: number };
}

describe('imports in the browser', () => {
  const session = browserSession();

  it('uploads a GBK file, maps the Chinese headers, previews the bad row, imports, and finds the contact', async () => {
    await withFailureShot(session.page, 'e2e-failure-imports', flow);
  }, 90_000);

  async function flow(): Promise<void> {
    const { page, server, api } = session;
    await loginInBrowser(page, `${server.url}/login`);

    await page.goto(`${server.url}/imports`);
    await page.locator('input[type=file]').setInputFiles({ name: '客户名单.csv', mimeType: 'text/csv', buffer: iconv.encode(CSV, 'gbk') });
    await page.click('[data-testid=import-upload]');
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;

    // Sniffed as a Chinese encoding, every column mapped from its Chinese header.
    expect((await api.call<ImportRecord>('GET', `/imports/${id}`)).encoding).toMatch(/gb/i);
    const mapped = async (header: string) => page.locator(`input[aria-label="${header}"]`).inputValue();
    await expect.poll(() => Promise.all(['姓名', '手机', '邮箱', '公司'].map(mapped))).toEqual(['Name', 'Phone', 'Email', 'Company']);

    // The preview marks the bad row's cell (a warning: the row is kept without it unless the import is strict).
    await page.click('[data-testid=import-preview]');
    await page.locator('[data-error=warning]').first().waitFor();
    expect(await page.locator('[data-error=warning]').count()).toBeGreaterThanOrEqual(1);

    await page.click('[data-testid=import-start]');
    await page.locator('[data-testid=import-progress]').waitFor();
    await expect.poll(async () => (await api.call<ImportRecord>('GET', `/imports/${id}`)).status, { timeout: 30_000 }).toBe('done');
    const done = await api.call<ImportRecord>('GET', `/imports/${id}`);
    expect(done.progress).toMatchObject({ created: 3, duplicates: 1, failed: 0, warnings: 1, companiesCreated: 1 });

    // The page follows the job to its end, and a reload shows the same finished import with its error report.
    await page.locator('[data-testid=import-errors-csv]').waitFor();
    await page.reload();
    await page.locator('[data-testid=import-errors-csv]').waitFor();
    await page.getByText('Done', { exact: true }).first().waitFor();

    // The contact is there, once, with the cleaned email and phone.
    await page.goto(`${server.url}/contacts?q=${encodeURIComponent('张伟')}`);
    await page.getByRole('link', { name: '张伟' }).first().waitFor();
    expect(await page.getByRole('link', { name: '张伟' }).count()).toBe(1);
    await page.getByRole('link', { name: '张伟' }).click();
    await page.locator('[data-testid=contact-view]').waitFor();
    await page.getByText('zhang.wei@example.com').first().waitFor();
  }
});
