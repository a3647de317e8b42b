// The mail servers an administrator configures (a mailbox's IMAP host, the SMTP server of Settings → Email) go through
// the outbound policy like every other connection, on both engines: a private address is refused when saved and again
// when Rapport connects (settings stored before the check), unless RAPPORT_OUTBOUND_ALLOW allows it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { startSmtpPeer, type SmtpPeer } from '../../../test/smtp-peer.js';
import { queueMail, sendQueuedMail } from '../../../core/mail/mail-outbox.js';
import { setSmtpSettings } from '../../../core/mail/smtp-settings.js';
import { updateMailboxState } from './mailboxes.js';

let peer: SmtpPeer;
beforeAll(async () => {
  delete process.env.SMTP_URL;
  peer = await startSmtpPeer();
});
afterAll(() => peer.close());

async function queuedOutcome(t: TestApp) {
  await queueMail(t.app.db.kysely, { to: 'someone@example.com', subject: 'Guarded', body: 'Hello', kind: 'test.guard' });
  await sendQueuedMail(t.app.db);
  return t.app.db.kysely.selectFrom('mailOutbox').select(['status', 'lastError']).where('kind', '=', 'test.guard').orderBy('createdAt', 'desc').executeTakeFirstOrThrow();
}

describe('without RAPPORT_OUTBOUND_ALLOW', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('refuses a private SMTP host or URL in Settings → Email, and a private IMAP host for a mailbox', async () => {
    for (const body of [{ host: '127.0.0.1', port: peer.port }, { host: '10.1.2.3' }, { url: `smtp://127.0.0.1:${peer.port}` }, { host: '[::1]' }]) {
      const res = await t.json('PUT', '/api/v1/email/settings', t.admin, { ...body, fromAddress: 'help@rapport.test' });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.detail).toContain('RAPPORT_OUTBOUND_ALLOW');
    }
    expect((await t.json('GET', '/api/v1/email/settings', t.admin)).body.source).toBe('none');
    const box = await t.json('POST', '/api/v1/email/mailboxes', t.admin, { name: 'Help', address: 'help@rapport.test', imapHost: '192.168.1.20', imapPort: 143 });
    expect(box.status).toBe(422);
    expect(box.body.errors?.[0]?.path ?? JSON.stringify(box.body)).toContain('imapHost');
  });

  it('refuses again when connecting to settings stored before the check: no mail reaches the private peer, no IMAP login', async () => {
    await setSmtpSettings(t.app.db.kysely, { host: '127.0.0.1', port: peer.port, secure: false, fromAddress: 'help@rapport.test' });
    const outcome = await queuedOutcome(t);
    expect(outcome.status).toBe('queued'); // retried later, as any failed attempt
    expect(outcome.lastError).toContain('RAPPORT_OUTBOUND_ALLOW');
    expect(peer.received).toHaveLength(0);

    const box = await t.json('POST', '/api/v1/email/mailboxes', t.admin, { name: 'Help', address: 'help2@rapport.test' });
    expect(box.status).toBe(201);
    await updateMailboxState(t.app.db, box.body.id, { imapHost: '127.0.0.1', imapPort: 143 });
    const poll = await t.json('POST', `/api/v1/email/mailboxes/${box.body.id}/poll`, t.admin);
    expect(poll.status).toBe(422);
    const listed = (await t.json('GET', '/api/v1/email/mailboxes', t.admin)).body.data.find((m: { id: string }) => m.id === box.body.id);
    expect(listed.lastError).toContain('RAPPORT_OUTBOUND_ALLOW');
  });
});

describe('with RAPPORT_OUTBOUND_ALLOW=127.0.0.1', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ outboundAllow: '127.0.0.1' })));
  afterAll(() => t.close());

  it('accepts the local SMTP server and delivers through it', async () => {
    const put = await t.json('PUT', '/api/v1/email/settings', t.admin, { host: '127.0.0.1', port: peer.port, secure: false, fromAddress: 'help@rapport.test' });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(await queuedOutcome(t)).toEqual({ status: 'sent', lastError: null });
    expect(peer.received.map((m) => m.to)).toEqual([['someone@example.com']]);
    const box = await t.json('POST', '/api/v1/email/mailboxes', t.admin, { name: 'Local', address: 'local@rapport.test', imapHost: '127.0.0.1', imapPort: 143 });
    expect(box.status).toBe(201);
  });
});
