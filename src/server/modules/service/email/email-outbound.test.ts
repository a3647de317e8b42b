// E-mail out, on both engines: the organisation's SMTP settings (encrypted at rest, admins only), the composer on a
// contact (template, attachment, cc) delivered to a real SMTP peer with a Message-ID and logged on the timeline, and an
// agent's reply in the thread delivered with In-Reply-To / References.
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { startSmtpPeer, type SmtpPeer } from '../../../test/smtp-peer.js';
import { appendMessage } from '../conversations/append-message.js';

let t: TestApp;
let peer: SmtpPeer;
let contactId: string;

beforeAll(async () => {
  delete process.env.SMTP_URL;
  t = await startTestApp({ outboundAllow: '127.0.0.1' }); // the SMTP and IMAP peers are local
  peer = await startSmtpPeer();
  contactId = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: '李娜', emails: ['li.na@example.com'] })).body.id;
});
afterAll(async () => {
  await peer.close();
  await t.close();
});

describe('e-mail settings', () => {
  it('keeps the SMTP password encrypted, never shows it, and is for administrators only', async () => {
    expect((await t.json('POST', '/api/v1/email/send', t.admin, { to: ['x@example.com'], subject: 'Hi', body: 'Hi', contactId })).status).toBe(409);
    const put = await t.json('PUT', '/api/v1/email/settings', t.admin, { host: '127.0.0.1', port: peer.port, secure: false, user: 'crm', password: 'smtp-Secret-42', fromAddress: 'service@rapport.test', fromName: 'Rapport Service' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ host: '127.0.0.1', port: peer.port, user: 'crm', hasPassword: true, source: 'settings', fromAddress: 'service@rapport.test' });
    expect(JSON.stringify(put.body)).not.toContain('smtp-Secret-42');
    const stored = await t.app.db.kysely.selectFrom('settings').select('value').where('key', '=', 'mail.smtp').executeTakeFirstOrThrow();
    expect(stored.value).not.toContain('smtp-Secret-42');
    expect(stored.value).not.toContain('127.0.0.1');
    // Saving again without a password keeps it.
    expect((await t.json('PUT', '/api/v1/email/settings', t.admin, { host: '127.0.0.1', port: peer.port, user: 'crm', fromAddress: 'service@rapport.test', fromName: 'Rapport Service' })).body.hasPassword).toBe(true);
    await t.json('POST', '/api/v1/users', t.admin, { email: 'agent.mail@example.com', name: 'Agent Mail', password: 'agent-password-1', role: 'support' });
    const agent = await t.login('agent.mail@example.com', 'agent-password-1');
    expect((await t.json('GET', '/api/v1/email/settings', agent)).status).toBe(403);
  });
});

describe('the composer', () => {
  it('sends from a contact with a template, an attachment and cc, and logs it on the timeline', async () => {
    const tpl = await t.json('POST', '/api/v1/email/templates', t.admin, { name: 'Welcome', language: 'zh-CN', subject: '欢迎 {{contact.displayName}}', body: '{{contact.displayName}}，您好！来自 {{user.name}}。{{unknown.thing}}' });
    expect(tpl.status).toBe(201);
    const rendered = await t.json('POST', `/api/v1/email/templates/${tpl.body.id}/render`, t.admin, { contactId });
    expect(rendered.body).toEqual({ subject: '欢迎 李娜', body: expect.stringMatching(/^李娜，您好！来自 .+。$/) });

    const up = await t.app.inject({ method: 'POST', url: '/api/v1/email/attachments?fileName=quote.pdf', headers: { ...t.admin, 'content-type': 'application/pdf' }, payload: Buffer.from('%PDF-1.4 quote') });
    expect(up.statusCode).toBe(201);
    const file = up.json();
    expect(file).toMatchObject({ name: 'quote.pdf', contentType: 'application/pdf', size: 14 });

    const sent = await t.json('POST', '/api/v1/email/send', t.admin, { to: ['li.na@example.com'], cc: ['boss@example.com'], subject: rendered.body.subject, body: rendered.body.body, attachmentIds: [file.id], contactId });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ status: 'queued', externalId: expect.stringMatching(/^<.+@rapport\.test>$/), interactionId: expect.any(String) });
    // The same upload cannot be sent twice.
    expect((await t.json('POST', '/api/v1/email/send', t.admin, { to: ['li.na@example.com'], subject: 'again', body: 'again', attachmentIds: [file.id], contactId })).status).toBe(422);

    await t.app.worker.drain();
    expect(peer.received).toHaveLength(1);
    const mail = await simpleParser(peer.received[0]!.raw);
    expect(peer.received[0]!.to.sort()).toEqual(['boss@example.com', 'li.na@example.com']);
    expect(mail.messageId).toBe(sent.body.externalId);
    expect(mail.subject).toBe('欢迎 李娜');
    expect(mail.from?.text).toContain('service@rapport.test');
    expect(mail.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([['quote.pdf', '%PDF-1.4 quote']]);

    const msg = await t.app.db.kysely.selectFrom('messages').selectAll().where('id', '=', sent.body.messageId).executeTakeFirstOrThrow();
    expect(msg).toMatchObject({ status: 'sent', direction: 'out', authorKind: 'agent' });
    const timeline = (await t.json('GET', `/api/v1/interactions?contactId=${contactId}`, t.admin)).body.data;
    expect(timeline.find((i: any) => i.id === sent.body.interactionId)).toMatchObject({ type: 'email', direction: 'outbound', subject: '欢迎 李娜' });

    // An agent's reply in that thread (as the inbox or a ticket would store it) goes out threaded.
    await appendMessage(t.app.db, { conversationId: sent.body.conversationId, channelKind: 'email' }, { direction: 'out', authorKind: 'agent', bodyText: 'Following up.' });
    await appendMessage(t.app.db, { conversationId: sent.body.conversationId, channelKind: 'email' }, { direction: 'out', authorKind: 'agent', bodyText: 'internal only', private: true });
    await t.app.worker.drain();
    expect(peer.received).toHaveLength(2);
    const reply = await simpleParser(peer.received[1]!.raw);
    expect(reply.inReplyTo).toBe(sent.body.externalId);
    expect(reply.references).toEqual(sent.body.externalId);
    expect(reply.subject).toBe('Re: 欢迎 李娜');
    expect(reply.text?.trim()).toBe('Following up.');
  });

  it('refuses a record the sender may not see, and mail about nothing', async () => {
    const rep = (await t.json('POST', '/api/v1/users', t.admin, { email: 'rep.mail@example.com', name: 'Rep Mail', password: 'rep-password-1', role: 'sales' })).body;
    const headers = await t.login('rep.mail@example.com', 'rep-password-1');
    expect((await t.json('POST', '/api/v1/email/send', headers, { to: ['li.na@example.com'], subject: 'Hi', body: 'Hi', contactId })).status).toBe(404);
    expect((await t.json('POST', '/api/v1/email/send', headers, { to: ['li.na@example.com'], subject: 'Hi', body: 'Hi' })).status).toBe(422);
    expect((await t.json('POST', '/api/v1/email/send', headers, { to: ['not-an-address'], subject: 'Hi', body: 'Hi', contactId })).status).toBe(422);
    expect(rep.id).toBeTruthy();
  });
});
