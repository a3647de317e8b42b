// Bounces of journey e-mails, end to end: a journey e-mail delivered to a real SMTP peer carries the Message-ID
// <outbox row@domain>; a delivery report (RFC 3464) returning it goes through the inbound e-mail path (stored raw,
// then processed), suppresses the address as hard_bounce, notes it once on the timeline, and the journey's next e-mail
// to that contact is skipped. A report naming a made-up id of our shape changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendQueuedMail } from '../../../core/mail/mail-outbox.js';
import type { SmtpPeer } from '../../../test/smtp-peer.js';
import type { TestApp } from '../../../test/test-app.js';
import { deliveryReport } from '../../../test/delivery-report.js';
import { addContact, api, readDelivered, receiveInboundEmail, startCampaignTestApp } from '../campaigns/campaign-test-support.js';
import { activeJourney, runsOf, settle } from './journey-test-helpers.js';

process.env.RAPPORT_OUTBOX_LAG_MS = '0';

let t: TestApp;
let peer: SmtpPeer;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ t, peer, close } = await startCampaignTestApp());
}, 60_000);
afterAll(() => close());

const receive = (raw: string) => receiveInboundEmail(t, raw);
const bounceOf = (messageId: string) =>
  deliveryReport({ to: 'help@rapport.test', messageId: `<dsn-${Math.random().toString(36).slice(2)}@mx.example.com>`, returnedType: 'text/rfc822-headers', returned: [`Message-ID: ${messageId}`, 'Subject: Welcome'] });
const suppression = (email: string) => t.app.db.kysely.selectFrom('emailSuppressions').select(['reason', 'contactId']).where('email', '=', email).execute();
const bounceNotes = async (contactId: string) => (await api(t, 'GET', `/interactions?contactId=${contactId}&type=email`)).body.data.filter((i: any) => /bounced/.test(i.subject));

describe('bounces of journey e-mails', () => {
  it('a hard bounce suppresses the address, is noted once, and the next journey e-mail is skipped', async () => {
    const id = await addContact(t, 'jb', { givenName: 'Fay', displayName: 'Fay' }, 'fay.bounce@example.com', 'granted');
    const j = await activeJourney(t, { trigger: { kind: 'manual' }, steps: [{ id: 'hello', kind: 'email', subject: 'Welcome', body: 'Hello there.' }] });
    await api(t, 'POST', `/journeys/${j.id}/enrolments`, { contactIds: [id] });
    await settle(t);
    await sendQueuedMail(t.app.db);
    const sent = peer.received.find((m) => m.to.includes('fay.bounce@example.com'))!;
    const { messageId } = await readDelivered(sent);
    const row = await t.app.db.kysely.selectFrom('mailOutbox').select(['id', 'messageId']).where('toAddress', '=', 'fay.bounce@example.com').executeTakeFirstOrThrow();
    expect(messageId).toBe(row.messageId);
    expect(messageId).toMatch(new RegExp(`^<${row.id}@`));

    expect((await receive(bounceOf(messageId))).state).toBe('done');
    expect(await suppression('fay.bounce@example.com')).toEqual([{ reason: 'hard_bounce', contactId: id }]);
    expect(await bounceNotes(id)).toMatchObject([{ subject: `Journey e-mail “${j.name}” bounced` }]);

    // The report again (mail servers resend) adds nothing; the journey's next e-mail to the contact is skipped.
    await receive(bounceOf(messageId));
    expect(await bounceNotes(id)).toHaveLength(1);
    const again = await activeJourney(t, { trigger: { kind: 'manual' }, steps: [{ id: 'again', kind: 'email', subject: 'Still there?', body: 'Hello again.' }] });
    await api(t, 'POST', `/journeys/${again.id}/enrolments`, { contactIds: [id] });
    await settle(t);
    const enrolment = await t.app.db.kysely.selectFrom('journeyEnrolments').select('id').where('journeyId', '=', again.id).executeTakeFirstOrThrow();
    expect(await runsOf(t, enrolment.id)).toEqual([{ stepId: 'again', outcome: 'skipped', detail: 'suppressed (hard_bounce)' }]);
  });

  it('a report naming an id of our shape that we never sent changes nothing', async () => {
    const id = await addContact(t, 'jb-forged', { givenName: 'Gus', displayName: 'Gus' }, 'gus.bounce@example.com', 'granted');
    expect((await receive(bounceOf('<0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b@rapport.local>'))).state).toBe('done');
    expect(await suppression('gus.bounce@example.com')).toEqual([]);
    expect(await bounceNotes(id)).toEqual([]);
  });
});
