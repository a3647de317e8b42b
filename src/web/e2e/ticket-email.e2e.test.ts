// End to end: an HTML e-mail from a customer (through the built-in SMTP receiver) becomes a ticket; the ticket's
// timeline and the inbox show it sanitised in a frame (its script gone, its remote image held back until "Show
// images"), and the ticket page's e-mail composer is addressed to the requester.
import { createServer as netServer } from 'node:net';
import nodemailer from 'nodemailer';
import { afterAll, describe, expect, it } from 'vitest';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';

/** A free local port for the SMTP receiver, which the server starts when RAPPORT_SMTP_RECEIVER_PORT is set. */
async function freePort(): Promise<number> {
  const s = netServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

const before = { port: process.env.RAPPORT_SMTP_RECEIVER_PORT, host: process.env.RAPPORT_SMTP_RECEIVER_HOST };
const smtpPort = await freePort();
process.env.RAPPORT_SMTP_RECEIVER_PORT = String(smtpPort);
process.env.RAPPORT_SMTP_RECEIVER_HOST = '127.0.0.1';
afterAll(() => {
  for (const [key, value] of [['RAPPORT_SMTP_RECEIVER_PORT', before.port], ['RAPPORT_SMTP_RECEIVER_HOST', before.host]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('e-mail on a ticket', () => {
  let ticketId = '';
  let conversationId = '';
  const session = browserSession({
    seed: async (api) => {
      await api.call('POST', '/contacts', { displayName: 'Zhao Lei', emails: ['zhao.lei@example.com'] });
      await api.call('POST', '/email/mailboxes', { name: 'Support', address: 'support@rapport.test' });
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
      await transport.sendMail({
        from: 'Zhao Lei <zhao.lei@example.com>',
        to: 'support@rapport.test',
        subject: 'Broken hinge',
        text: 'The hinge of my cabinet broke.',
        html: '<p>The <b>hinge</b> of my cabinet broke.</p><img src="https://images.example.com/hinge.jpg" alt="photo"><script>document.title="pwned"</script>',
      });
      let conversations: { id: string; subject: string | null }[] = [];
      for (let i = 0; i < 50 && !conversations.some((c) => c.subject === 'Broken hinge'); i++) {
        await new Promise((r) => setTimeout(r, 200));
        conversations = (await api.call<{ data: { id: string; subject: string | null }[] }>('GET', '/conversations?channel=email&status=any')).data;
      }
      conversationId = conversations.find((c) => c.subject === 'Broken hinge')!.id;
      ticketId = (await api.call<{ id: string }>('POST', '/tickets', { subject: 'Broken hinge', conversationId })).id;
    },
  });

  it('shows the HTML mail sanitised on the ticket and in the inbox, and e-mails the requester from the ticket', async () => {
    await withFailureShot(session.page, 'e2e-ticket-email-failure', async () => {
      const { page, server } = session;
      await loginInBrowser(page, `${server.url}/tickets/${ticketId}`);
      const body = page.locator('[data-testid=timeline-message] [data-testid=message-html]');
      await body.waitFor();
      const frame = body.frameLocator('iframe');
      await frame.locator('b', { hasText: 'hinge' }).waitFor();
      expect(await frame.locator('script').count()).toBe(0);
      expect(await frame.locator('img[src^="https://images.example.com"]').count()).toBe(0);
      expect(await page.title()).not.toBe('pwned');
      await body.locator('[data-testid=show-images]').click();
      await expect.poll(() => frame.locator('img[src^="https://images.example.com"]').count()).toBe(1);

      // The composer on the ticket: to the requester, the subject naming the ticket.
      await page.click('[data-testid=email-compose]');
      const composer = page.locator('[data-testid=email-composer]');
      await expect.poll(() => composer.getByText('zhao.lei@example.com').count()).toBeGreaterThan(0);
      expect(await composer.locator('[data-testid=email-subject]').inputValue()).toMatch(/^\[#\d+\] Broken hinge$/);
      await page.keyboard.press('Escape');

      // The same mail in the inbox's conversation.
      await page.goto(`${server.url}/inbox/${conversationId}`);
      const inInbox = page.locator('[data-testid=message] [data-testid=message-html]');
      await inInbox.frameLocator('iframe').locator('b', { hasText: 'hinge' }).waitFor();
      expect(await inInbox.frameLocator('iframe').locator('script').count()).toBe(0);
    });
  }, 90_000);
});
