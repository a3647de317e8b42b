// E-mail in, on both engines, read from a private Dovecot over IMAP: a customer's reply threads into the conversation
// the composer started (attachment kept under the data dir, on the contact's timeline), re-polling fetches nothing
// twice, a bounce marks the sent message failed, auto-replies (en/zh) open nothing, an unknown sender opens a new
// conversation without a contact, malformed input is rejected with a reason, HTML is served sanitised, and the
// built-in SMTP receiver stores what it accepts.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { startSmtpPeer, type SmtpPeer } from '../../../test/smtp-peer.js';
import { startDovecot, type Dovecot } from '../../../test/dovecot.js';
import { dataDir } from '../../../core/files/data-dir.js';
import { processInbound, storeInbound } from '../conversations/inbound-store.js';
import { startSmtpReceiver } from './smtp-receiver.js';
import { deliveryReport } from '../../../test/delivery-report.js';

let t: TestApp;
let peer: SmtpPeer;
let imap: Dovecot;
let mailboxId: string;
let contactId: string;
let sent: { messageId: string; conversationId: string; externalId: string };

const mail = (lines: string[]) => lines.join('\r\n');
const poll = async () => (await t.json('POST', `/api/v1/email/mailboxes/${mailboxId}/poll`, t.admin)).body;
const conversations = () => t.app.db.kysely.selectFrom('conversations').selectAll().where('channelKind', '=', 'email').execute();

beforeAll(async () => {
  t = await startTestApp({ outboundAllow: '127.0.0.1' }); // the SMTP and IMAP peers are local
  peer = await startSmtpPeer();
  imap = await startDovecot();
  await t.json('PUT', '/api/v1/email/settings', t.admin, { url: `smtp://127.0.0.1:${peer.port}`, fromAddress: 'help@rapport.test' });
  const box = await t.json('POST', '/api/v1/email/mailboxes', t.admin, { name: 'Help desk', address: 'help@rapport.test', imapHost: imap.host, imapPort: imap.port, imapSecure: false, imapUser: imap.user, imapPassword: imap.password });
  expect(box.status).toBe(201);
  expect(box.body).toMatchObject({ hasPassword: true, lastUid: 0 });
  expect(JSON.stringify(box.body)).not.toContain(imap.password);
  mailboxId = box.body.id;
  contactId = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Wang Fang', emails: ['wang.fang@example.com'] })).body.id;
  sent = (await t.json('POST', '/api/v1/email/send', t.admin, { to: ['wang.fang@example.com'], subject: 'Your order 1042', body: 'It ships tomorrow.', contactId })).body;
  await t.app.worker.drain();
});
afterAll(async () => {
  await imap?.stop();
  await peer?.close();
  await t?.close();
});

describe('inbound e-mail over IMAP', () => {
  it('threads a reply into the same conversation, keeps its attachment and logs it on the timeline; a re-poll adds nothing', async () => {
    await imap.deliver(
      mail([
        'From: Wang Fang <wang.fang@example.com>',
        'To: help@rapport.test',
        'Subject: Re: Your order 1042',
        'Message-ID: <reply-1@example.com>',
        `In-Reply-To: ${sent.externalId}`,
        `References: ${sent.externalId}`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Thanks! The invoice is attached.',
        '--b1',
        'Content-Type: application/pdf; name="invoice.pdf"',
        'Content-Disposition: attachment; filename="invoice.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('%PDF-1.4 invoice').toString('base64'),
        '--b1--',
        '',
      ]),
    );
    expect(await poll()).toEqual({ fetched: 1, skipped: 0 });
    const msgs = await t.app.db.kysely.selectFrom('messages').selectAll().where('conversationId', '=', sent.conversationId).orderBy('createdAt').execute();
    expect(msgs.map((m) => [m.direction, m.bodyText])).toEqual([
      ['out', 'It ships tomorrow.'],
      ['in', 'Thanks! The invoice is attached.'],
    ]);
    const files = JSON.parse(msgs[1]!.attachments) as { id: string; name: string; size: number }[];
    expect(files).toEqual([expect.objectContaining({ name: 'invoice.pdf', size: 16 })]);
    const row = await t.app.db.kysely.selectFrom('email_files').selectAll().where('id', '=', files[0]!.id).executeTakeFirstOrThrow();
    expect(row.messageId).toBe(msgs[1]!.id);
    expect(existsSync(path.join(dataDir(), row.path))).toBe(true);
    const download = await t.app.inject({ method: 'GET', url: `/api/v1/email/files/${row.id}`, headers: t.admin });
    expect(download.body).toBe('%PDF-1.4 invoice');
    const timeline = (await t.json('GET', `/api/v1/interactions?contactId=${contactId}&type=email`, t.admin)).body.data;
    expect(timeline.map((i: any) => i.direction).sort()).toEqual(['inbound', 'outbound']);
    expect(await poll()).toEqual({ fetched: 0, skipped: 0 });
    expect((await conversations()).length).toBe(1);
  });

  it('recognises a bounce (the sent message fails) and auto-replies in English and Chinese, opening nothing', async () => {
    await imap.deliver(deliveryReport({ to: 'help@rapport.test', messageId: '<bounce-1@mx.example.com>', returnedType: 'text/rfc822-headers', returned: [`Message-ID: ${sent.externalId}`, 'Subject: Your order 1042'] }));
    await imap.deliver(mail(['From: Li <li@example.com>', 'To: help@rapport.test', 'Subject: Out of office', 'Auto-Submitted: auto-replied', 'Message-ID: <ooo-1@example.com>', '', 'I am away until Monday.', '']));
    await imap.deliver(mail(['From: Zhao <zhao@example.com>', 'To: help@rapport.test', 'Subject: =?UTF-8?B?6Ieq5Yqo5Zue5aSN77ya5oiR5Zyo5LyR5YGH?=', 'Message-ID: <ooo-2@example.com>', '', '我在休假。', '']));
    await imap.deliver(mail(['From: Sun <sun@example.com>', 'To: help@rapport.test', 'Subject: Weekly digest', 'Precedence: bulk', 'Message-ID: <bulk-1@example.com>', '', 'News.', '']));
    expect(await poll()).toEqual({ fetched: 4, skipped: 0 });
    const original = await t.app.db.kysely.selectFrom('messages').selectAll().where('id', '=', sent.messageId).executeTakeFirstOrThrow();
    expect(original.status).toBe('failed');
    expect(JSON.parse(original.headers).bounce).toContain('550 5.1.1 User unknown');
    expect((await conversations()).length).toBe(1);
  });

  it('opens a new conversation for an unknown sender and serves its HTML sanitised, remote images held back', async () => {
    await imap.deliver(
      mail([
        'From: Stranger <new.customer@example.org>',
        'To: help@rapport.test',
        'Subject: Question about pricing',
        'Message-ID: <new-1@example.org>',
        'MIME-Version: 1.0',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p onclick="alert(1)">Hello <b>team</b></p><script>alert(2)</script><img src="https://tracker.example.org/pixel.gif"><a href="javascript:alert(3)">x</a><iframe src="https://evil.example"></iframe>',
        '',
      ]),
    );
    expect((await poll()).fetched).toBe(1);
    const conv = (await conversations()).find((c) => c.externalThreadId === '<new-1@example.org>')!;
    expect(conv).toMatchObject({ contactId: null, subject: 'Question about pricing', channelId: mailboxId, unreadCount: 1 });
    const msg = await t.app.db.kysely.selectFrom('messages').selectAll().where('conversationId', '=', conv.id).executeTakeFirstOrThrow();
    expect(JSON.parse(msg.headers)).toMatchObject({ fromAddress: 'new.customer@example.org' });
    const safe = (await t.json('GET', `/api/v1/email/messages/${msg.id}/html`, t.admin)).body;
    expect(safe.blockedImages).toBe(1);
    expect(safe.html).toContain('<b>team</b>');
    expect(safe.html).toContain('data-remote-src="https://tracker.example.org/pixel.gif"');
    expect(safe.html).not.toMatch(/<script|onclick|javascript:|<iframe| src="https:/i);
    const shown = (await t.json('GET', `/api/v1/email/messages/${msg.id}/html?images=true`, t.admin)).body;
    expect(shown.html).toContain('src="https://tracker.example.org/pixel.gif"');
  });

  it('rejects malformed input with a reason and keeps it; the SMTP receiver stores what it accepts', async () => {
    for (const payload of ['not json', JSON.stringify({ raw: Buffer.from('\u0000\u0001 garbage without headers').toString('base64'), via: 'api' }), JSON.stringify({ raw: Buffer.from('Subject: no sender\r\n\r\nbody').toString('base64'), via: 'api' })]) {
      const id = await storeInbound(t.app.db, 'email', null, payload);
      const outcome = await processInbound(t.app.db, id);
      expect(outcome.state).toBe('rejected');
      expect(outcome.error).toMatch(/not valid JSON|Malformed/);
    }
    const receiver = await startSmtpReceiver(t.app.db, { port: 0, host: '127.0.0.1' });
    try {
      const tx = createTransport({ host: '127.0.0.1', port: receiver.port, secure: false, ignoreTLS: true });
      await tx.sendMail({ from: 'wang.fang@example.com', to: 'help@rapport.test', subject: 'Re: Your order 1042', text: 'One more thing.', messageId: '<smtp-1@example.com>', inReplyTo: '<reply-1@example.com>' });
      await expect(tx.sendMail({ from: 'x@example.com', to: 'nobody@rapport.test', subject: 'x', text: 'x' })).rejects.toThrow(/550/);
    } finally {
      await receiver.close();
    }
    const msg = await t.app.db.kysely.selectFrom('messages').selectAll().where('externalId', '=', '<smtp-1@example.com>').executeTakeFirstOrThrow();
    expect(msg.conversationId).toBe(sent.conversationId);
  });
});
