// End to end: an e-mail written with the composer on a contact's page (template filled from the contact, a file
// attached) reaches a real SMTP peer and shows on the contact's timeline.
import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';
import { startSmtpPeer, type SmtpPeer } from '../../server/test/smtp-peer.js';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';

let peer: SmtpPeer | undefined;
let contactId = '';

describe('e-mail from a contact page', () => {
  const session = browserSession({
    outboundAllow: '127.0.0.1', // the SMTP peer is local
    seed: async (api) => {
      peer = await startSmtpPeer();
      await api.call('PUT', '/email/settings', { host: '127.0.0.1', port: peer.port, secure: false, fromAddress: 'sales@rapport.test', fromName: 'Rapport Sales' });
      await api.call('POST', '/email/templates', { name: 'Follow-up', language: 'en', subject: 'Following up, {{contact.givenName}}', body: 'Dear {{contact.displayName}},\n\nthe quote is attached.' });
      contactId = (await api.call<{ id: string }>('POST', '/contacts', { givenName: 'Mei', familyName: 'Chen', emails: ['mei.chen@example.com'] })).id;
    },
  });
  afterAll(async () => peer?.close());

  it('sends an e-mail with a template and an attachment and sees it on the timeline', async () => {
    await withFailureShot(session.page, 'e2e-email-failure', async () => {
      const { page, server } = session;
      await loginInBrowser(page, `${server.url}/contacts/${contactId}`);
      await page.click('[data-testid=email-compose]');
      const composer = page.locator('[data-testid=email-composer]');
      await expect.poll(() => composer.getByText('mei.chen@example.com').count()).toBeGreaterThan(0);
      await composer.locator('[data-testid=email-template]').click();
      await page.getByRole('option', { name: /Follow-up/ }).click();
      await expect.poll(() => composer.locator('[data-testid=email-subject]').inputValue()).toBe('Following up, Mei');
      await composer.locator('input[type=file]').setInputFiles({ name: 'quote.txt', mimeType: 'text/plain', buffer: Buffer.from('Quote: 12,000 CNY') });
      await composer.getByText(/quote\.txt/).waitFor();
      await composer.locator('[data-testid=email-send]').click();
      await composer.waitFor({ state: 'detached' });
      await page.getByText('Following up, Mei').first().waitFor();
      await expect.poll(() => peer!.received.length, { timeout: 15_000 }).toBe(1);
      const mail = await simpleParser(peer!.received[0]!.raw);
      expect(mail.subject).toBe('Following up, Mei');
      expect(mail.text).toContain('Dear Mei Chen,');
      expect(mail.attachments.map((a) => a.filename)).toEqual(['quote.txt']);
      expect(mail.messageId).toMatch(/@rapport\.test>$/);
    });
  }, 90_000);
});
