// Complaints (ARF feedback reports, RFC 5965) about marketing e-mail, on both engines: a report built by hand after
// RFC 5965's example, naming a campaign e-mail we delivered through a real SMTP peer, goes through the inbound e-mail
// path (stored raw, then processed) and suppresses the address with reason complaint, withdraws e-mail consent with
// source 'complaint', records the complaint on the recipient (report) and the timeline, opens no conversation or
// ticket, and the next campaign skips the address even after consent is granted again. A report that only carries
// the original's headers with our signed List-Unsubscribe link works the same way for campaigns and journey e-mails;
// a forged report (unknown Message-ID) and a not-spam report change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendQueuedMail } from '../../../core/mail/mail-outbox.js';
import type { SmtpPeer } from '../../../test/smtp-peer.js';
import type { TestApp } from '../../../test/test-app.js';
import { activeJourney, settle } from '../journeys/journey-test-helpers.js';
import { addContact, api, newCampaign, readDelivered, receiveInboundEmail, tagSegment, type Delivered, startCampaignTestApp } from './campaign-test-support.js';

process.env.RAPPORT_OUTBOX_LAG_MS = '0';

let t: TestApp;
let peer: SmtpPeer;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ t, peer, close } = await startCampaignTestApp());
}, 60_000);
afterAll(() => close());

/** An ARF report as a feedback loop sends it (RFC 5965 §B.1): a human-readable part, the machine-readable
 * message/feedback-report part and the original (the whole message, or only its headers). */
function arfReport(o: { feedbackType?: string; rcptTo?: string; original: string; headersOnly?: boolean }): string {
  return [
    'From: <abusedesk@isp.example>',
    'Date: Thu, 8 Mar 2026 17:40:36 +0800',
    'Subject: FW: Spring sale',
    'To: <help@rapport.test>',
    `Message-ID: <arf-${Math.random().toString(36).slice(2)}@isp.example>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=feedback-report;',
    '     boundary="part1_13d.2e68ed54_boundary"',
    '',
    '--part1_13d.2e68ed54_boundary',
    'Content-Type: text/plain; charset="US-ASCII"',
    'Content-Transfer-Encoding: 7bit',
    '',
    'This is an email abuse report for an email message received from IP',
    '192.0.2.1 on Thu, 8 Mar 2026 14:00:00 +0800.',
    'For more information about this format please see http://www.mipassoc.org/arf/.',
    '',
    '--part1_13d.2e68ed54_boundary',
    'Content-Type: message/feedback-report',
    '',
    `Feedback-Type: ${o.feedbackType ?? 'abuse'}`,
    'User-Agent: SomeGenerator/1.0',
    'Version: 1',
    'Original-Mail-From: <news@shop.example>',
    ...(o.rcptTo ? [`Original-Rcpt-To: <${o.rcptTo}>`] : []),
    'Arrival-Date: Thu, 8 Mar 2026 14:00:00 +0800',
    'Reporting-MTA: dns; mail.isp.example',
    'Source-IP: 192.0.2.1',
    '',
    '--part1_13d.2e68ed54_boundary',
    `Content-Type: ${o.headersOnly ? 'text/rfc822-headers' : 'message/rfc822'}`,
    'Content-Disposition: inline',
    '',
    o.original.replace(/\r?\n/g, '\r\n'),
    '--part1_13d.2e68ed54_boundary--',
    '',
  ].join('\r\n');
}

const receive = (raw: string) => receiveInboundEmail(t, raw);

const conversationsAndTickets = async () => {
  const k = t.app.db.kysely;
  const [c, tk] = await Promise.all([k.selectFrom('conversations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(), k.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()]);
  return Number(c.n) + Number(tk.n);
};
const suppression = (email: string) => t.app.db.kysely.selectFrom('emailSuppressions').select(['reason', 'contactId']).where('email', '=', email).execute();
const emailConsent = async (id: string) => (await api(t, 'GET', `/contacts/${id}`)).body.consentStatus.email;
const deliveredTo = async (to: string): Promise<Delivered[]> => Promise.all(peer.received.filter((m) => m.to.includes(to)).map(readDelivered));
const sendCampaign = async (segmentId: string) => {
  const id = await newCampaign(t, segmentId);
  expect((await api(t, 'POST', `/campaigns/${id}/schedule`, { timeZone: 'Asia/Shanghai' })).status).toBe(200);
  await t.app.worker.drain();
  return id;
};

describe('complaint (ARF) reports about marketing e-mail', () => {
  it('suppresses the complaining address, withdraws consent, counts the complaint and skips the address next time', async () => {
    const ann = await addContact(t, 'arf', { givenName: 'Ann', displayName: 'Ann Arf' }, 'ann.arf@example.com', 'granted');
    const bea = await addContact(t, 'arf', { givenName: 'Bea', displayName: 'Bea Arf' }, 'bea.arf@example.com', 'granted');
    const segmentId = await tagSegment(t, 'arf');
    const first = await sendCampaign(segmentId);
    const [mail] = await deliveredTo('ann.arf@example.com');
    expect(mail!.messageId).toMatch(/^<.+>$/);
    const before = await conversationsAndTickets();

    const original = peer.received.find((m) => m.to.includes('ann.arf@example.com'))!.raw;
    const report = arfReport({ rcptTo: 'ann.arf@example.com', original });
    const outcome = await receive(report);
    expect(outcome.state).toBe('done');
    expect(await suppression('ann.arf@example.com')).toEqual([{ reason: 'complaint', contactId: ann }]);
    expect(await emailConsent(ann)).toMatchObject({ status: 'withdrawn', source: 'complaint' });
    expect(await suppression('bea.arf@example.com')).toEqual([]);
    expect((await api(t, 'GET', `/campaigns/${first}/report`)).body).toMatchObject({ sent: 2, complaints: 1 });
    const timeline = (await api(t, 'GET', `/interactions?contactId=${ann}&type=email`)).body.data.map((i: any) => i.subject);
    expect(timeline).toContain('Marked campaign e-mail “Spring sale” as spam');
    expect(await conversationsAndTickets()).toBe(before);

    // The same report again (feedback loops resend) changes nothing.
    await receive(report);
    const events = await t.app.db.kysely.selectFrom('campaignEvents').select('kind').where('campaignId', '=', first).where('kind', '=', 'complaint').execute();
    expect(events).toHaveLength(1);

    // Someone grants consent again by hand: the suppression list still keeps the address out of the next campaign.
    expect((await api(t, 'PATCH', `/contacts/${ann}`, { consent: { email: 'granted' } })).status).toBe(200);
    const sentBefore = (await deliveredTo('ann.arf@example.com')).length;
    const next = await sendCampaign(segmentId);
    const rows = await t.app.db.kysely.selectFrom('campaignRecipients').select(['contactId', 'status', 'skipReason']).where('campaignId', '=', next).execute();
    expect(rows.sort((a, b) => (a.contactId === ann ? -1 : b.contactId === ann ? 1 : 0))).toEqual([
      { contactId: ann, status: 'skipped', skipReason: 'complaint' },
      { contactId: bea, status: 'sent', skipReason: null },
    ]);
    expect(await deliveredTo('ann.arf@example.com')).toHaveLength(sentBefore);
    expect(await conversationsAndTickets()).toBe(before);
  });

  it('matches a headers-only report by our signed List-Unsubscribe link when the Message-ID is gone', async () => {
    const cid = await addContact(t, 'arf-head', { givenName: 'Cai', displayName: '蔡' }, 'cai.arf@example.com', 'granted');
    const campaignId = await sendCampaign(await tagSegment(t, 'arf-head'));
    const [mail] = await deliveredTo('cai.arf@example.com');
    const head = mail!.head.split(/\r?\n/).filter((l) => !/^message-id:/i.test(l)).join('\r\n');
    await receive(arfReport({ original: `${head}\r\n`, headersOnly: true }));
    expect(await suppression('cai.arf@example.com')).toEqual([{ reason: 'complaint', contactId: cid }]);
    expect(await emailConsent(cid)).toMatchObject({ status: 'withdrawn', source: 'complaint' });
    expect((await api(t, 'GET', `/campaigns/${campaignId}/report`)).body.complaints).toBe(1);
  });

  it('a complaint about a journey e-mail suppresses the address and withdraws consent', async () => {
    const id = await addContact(t, 'arf-journey', { givenName: 'Dee', displayName: 'Dee' }, 'dee.arf@example.com', 'granted');
    const j = await activeJourney(t, { trigger: { kind: 'manual' }, steps: [{ id: 'hello', kind: 'email', subject: 'Welcome', body: 'Hello there.' }] });
    await api(t, 'POST', `/journeys/${j.id}/enrolments`, { contactIds: [id] });
    await settle(t);
    await sendQueuedMail(t.app.db);
    const [mail] = await deliveredTo('dee.arf@example.com');
    expect(mail!.links.unsubscribe).toMatch(/^\/mail\/u\/j\./);
    const before = await conversationsAndTickets();
    await receive(arfReport({ rcptTo: 'dee.arf@example.com', original: peer.received.find((m) => m.to.includes('dee.arf@example.com'))!.raw }));
    expect(await suppression('dee.arf@example.com')).toEqual([{ reason: 'complaint', contactId: id }]);
    expect(await emailConsent(id)).toMatchObject({ status: 'withdrawn', source: 'complaint' });
    const timeline = (await api(t, 'GET', `/interactions?contactId=${id}&type=email`)).body.data.map((i: any) => i.subject);
    expect(timeline).toContain(`Marked journey e-mail “${j.name}” as spam`);
    expect(await conversationsAndTickets()).toBe(before);
  });

  it('a forged report (unknown Message-ID) and a not-spam report change nothing and open nothing', async () => {
    const eve = await addContact(t, 'arf-forged', { givenName: 'Eve', displayName: 'Eve' }, 'eve.arf@example.com', 'granted');
    const before = await conversationsAndTickets();
    const forged = ['From: <news@shop.example>', 'To: <eve.arf@example.com>', 'Subject: Spring sale', 'Message-ID: <not-ours@shop.example>', '', 'Hello', ''].join('\r\n');
    expect((await receive(arfReport({ rcptTo: 'eve.arf@example.com', original: forged }))).state).toBe('done');
    const [mail] = peer.received.filter((m) => m.to.includes('ann.arf@example.com'));
    await receive(arfReport({ feedbackType: 'not-spam', rcptTo: 'eve.arf@example.com', original: mail!.raw }));
    expect(await suppression('eve.arf@example.com')).toEqual([]);
    expect(await emailConsent(eve)).toMatchObject({ status: 'granted' });
    expect(await conversationsAndTickets()).toBe(before);
  });
});
