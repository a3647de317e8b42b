// End to end: an admin creates an API key (token shown once) and a webhook to a local receiver, an event made with the
// key shows up in the webhook's delivery log, the key is revoked, and regrouping fills the Households page.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';

process.env.RAPPORT_OUTBOX_LAG_MS = '0';
// The webhook receiver runs on this machine: the operator's allow-list lets the server deliver to it.
process.env.RAPPORT_OUTBOUND_ALLOW = '127.0.0.1';

describe('integrations and households in the browser', () => {
  let receiver: Server;
  let hookUrl: string;
  const received: IncomingHttpHeaders[] = [];

  // Registered before the session, so the receiver is listening before the server starts and closes after it.
  beforeAll(async () => {
    receiver = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        received.push(req.headers);
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });

  afterAll(async () => {
    await new Promise((r) => receiver?.close(r));
  });

  const session = browserSession({
    seed: async (api) => {
      // Two contacts sharing a home (fixed-line) phone: regrouping makes them one household.
      await api.call('POST', '/contacts', { displayName: 'John Smith', phones: ['+86 10 6234 5678'] });
      await api.call('POST', '/contacts', { displayName: 'Mary Smith', phones: ['010-6234-5678'] });
    },
  });

  it('creates a key and a webhook, sees the delivery, revokes the key and opens a household', async () => {
    await withFailureShot(session.page, 'e2e-integrations-failure', flow);
  }, 60_000);

  async function flow(): Promise<void> {
    const { page, server, api } = session;
    await loginInBrowser(page, `${server.url}/login`);
    await page.goto(`${server.url}/settings?tab=integrations`);

    // An API key with customers read/write: its token is shown once.
    await page.click('[data-testid=new-api-key]');
    const keyForm = page.locator('[data-testid=api-key-form]');
    await keyForm.locator('input[name=name]').fill('ERP sync');
    await keyForm.locator('[data-scope="customers:read"]').check();
    await keyForm.locator('[data-scope="customers:write"]').check();
    await keyForm.locator('button[type=submit]').click();
    const token = (await page.locator('[data-testid=one-time-secret]').textContent())!.trim();
    expect(token).toMatch(/^rk_[0-9a-f]{12}_/);
    await page.click('[data-testid=secret-done]');
    const keyRow = page.locator('[data-testid=api-key-row]').filter({ hasText: 'ERP sync' });
    await expect(keyRow.textContent()).resolves.toContain('customers:write');
    await expect(page.locator('[data-testid=one-time-secret]').count()).resolves.toBe(0);

    // A webhook for contact.created to the local receiver: the signing secret is shown once, with how to verify.
    await page.click('[data-testid=new-webhook]');
    const hookForm = page.locator('[data-testid=webhook-form]');
    await hookForm.locator('input[name=url]').fill(hookUrl);
    await hookForm.locator('input[data-testid=webhook-events]').fill('contact.cre');
    await page.getByRole('option', { name: 'contact.created', exact: true }).click();
    await hookForm.locator('input[name=url]').click(); // closes the event list
    await hookForm.locator('button[type=submit]').click();
    await expect(page.locator('[data-testid=one-time-secret]').textContent()).resolves.toMatch(/^whsec_/);
    await expect(page.locator('[data-testid=signature-help]').textContent()).resolves.toContain('Rapport-Signature');
    await page.click('[data-testid=secret-done]');
    await page.locator('[data-testid=webhook-row]').filter({ hasText: hookUrl }).waitFor();

    // An event made with the key reaches the receiver and appears in the delivery log.
    const res = await fetch(`${server.url}/api/v1/contacts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ displayName: '赵敏' }),
    });
    expect(res.status).toBe(201);
    await expect.poll(() => received.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(received[0]!['rapport-event']).toBe('contact.created');
    expect(String(received[0]!['rapport-signature'])).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    await page.click('[data-testid=open-deliveries]');
    const delivered = page.locator('[data-testid=delivery-row][data-status=delivered]');
    await expect
      .poll(async () => {
        if ((await delivered.count()) === 0) await page.click('[data-testid=refresh-deliveries]');
        return delivered.count();
      }, { timeout: 10_000 })
      .toBe(1);
    await expect(delivered.textContent()).resolves.toContain('contact.created');
    await expect(delivered.textContent()).resolves.toContain('200');
    await page.keyboard.press('Escape');

    // Revoking asks first; the key then stops working.
    page.once('dialog', (d) => void d.accept());
    await keyRow.getByRole('button', { name: 'Revoke' }).click();
    await keyRow.getByText('Revoked').waitFor();
    const after = await fetch(`${server.url}/api/v1/contacts`, { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);

    // Households: regroup from the page, open the household, its members link to their contacts.
    await page.click('[data-nav=households]');
    await page.waitForURL('**/households');
    await page.click('[data-testid=regroup]');
    const row = page.locator('[data-testid=household-row]');
    await row.first().waitFor();
    await expect(row.first().textContent()).resolves.toContain('2');
    await row.first().getByRole('link').click();
    await page.waitForURL(/\/households\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('[data-testid=member-row]').count()).toBe(2);
    await expect(page.locator('[data-testid=household-value]').textContent()).resolves.toContain('Members');
    await page.getByRole('link', { name: 'Mary Smith' }).click();
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
    // The contact's 360° view names the household and links back to it.
    const contactUrl = page.url();
    const section = page.locator('[data-testid=section-household]').first();
    await section.waitFor();
    await expect(section.textContent()).resolves.toContain('same home phone');
    await section.getByRole('link').click();
    await page.waitForURL(/\/households\/[0-9a-f-]{36}$/);
    expect(page.url()).not.toBe(contactUrl);
  }
});
