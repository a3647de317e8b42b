// Plain words in the browser: a wrong password says so (not "Something went wrong"), and a sales rep is not offered
// "Run detection" on Duplicates (an administrator's action), while the page itself still works for them.
import { describe, expect, it } from 'vitest';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';
import { createDuplicates } from './support/duplicate-fixtures.js';

const REP = { email: 'rita.rep@example.com', password: 'rep-password-1' };

describe('plain words', () => {
  const s = browserSession({
    seed: async (api) => {
      await api.call('POST', '/users', { email: REP.email, name: 'Rita Rep', password: REP.password, role: 'sales' });
      await createDuplicates(api);
    },
  });

  it('says a wrong password plainly', async () => {
    const { page, server } = s;
    await withFailureShot(page, 'plain-words-login', async () => {
      await page.goto(`${server.url}/login`);
      await page.fill('input[name=email]', REP.email);
      await page.fill('input[name=password]', 'not-the-password');
      await page.click('button[type=submit]');
      const alert = page.getByTestId('login-error');
      await alert.waitFor();
      expect((await alert.innerText()).trim()).toBe('Wrong email or password.');
      expect(await page.getByText('Something went wrong').count()).toBe(0);
    });
  }, 30_000);

  it('does not offer Run detection to a sales rep', async () => {
    const { page, server } = s;
    await withFailureShot(page, 'plain-words-rep-duplicates', async () => {
      await loginInBrowser(page, `${server.url}/login`, REP);
      await page.goto(`${server.url}/duplicates`);
      await page.getByRole('heading', { name: 'Duplicates' }).waitFor();
      await page.getByTestId('duplicates-entity').waitFor();
      expect(await page.getByTestId('detect').count()).toBe(0);
      expect(await page.getByText('Run detection').count()).toBe(0);
    });
  }, 30_000);
});
