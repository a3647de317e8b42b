// The A/B subject test on both engines: the test share gets subject A or B, the rest waits; after the wait the subject
// with more opens wins and the rest is sent with it, each recipient still once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpPeer, type SmtpPeer } from '../../../test/smtp-peer.js';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { pickAbWinners } from './ab-winner.js';
import { addContact, api, newCampaign, readDelivered, tagSegment } from './campaign-test-support.js';
import { resetTrackingLimits } from './tracking-routes.js';

let t: TestApp;
let peer: SmtpPeer;
const N = 40;

beforeAll(async () => {
  peer = await startSmtpPeer();
  process.env.SMTP_URL = `smtp://127.0.0.1:${peer.port}`;
  t = await startTestApp({ outboundAllow: '127.0.0.1' });
  resetTrackingLimits();
  for (let i = 0; i < N; i++) await addContact(t, 'ab', { givenName: `AB${i}`, displayName: `AB ${i}` }, `ab${i}@example.com`, 'granted');
}, 60_000);
afterAll(async () => {
  await t.close();
  await peer.close();
});

describe('A/B test of the subject', () => {
  it('sends the test share first, then the winner to the rest', async () => {
    const segmentId = await tagSegment(t, 'ab');
    const id = await newCampaign(t, segmentId, { subject: 'Subject A', abSubject: 'Subject B', abSharePercent: 50, abMetric: 'open', abWaitMinutes: 60 });
    expect((await api(t, 'POST', `/campaigns/${id}/schedule`, {})).status).toBe(200);
    await t.app.worker.drain();
    const groups = await t.app.db.kysely.selectFrom('campaignRecipients').select(['variant', 'status']).where('campaignId', '=', id).execute();
    const test = groups.filter((g) => g.variant !== 'rest');
    const rest = groups.filter((g) => g.variant === 'rest');
    expect(test.length).toBeGreaterThan(0);
    expect(rest.length).toBeGreaterThan(0);
    expect(test.every((g) => g.status === 'sent')).toBe(true);
    expect(rest.every((g) => g.status === 'pending')).toBe(true);
    expect(peer.received).toHaveLength(test.length);
    expect((await api(t, 'GET', `/campaigns/${id}`)).body.status).toBe('sending');

    // Everyone who got subject B opens it; nobody opens A.
    const delivered = await Promise.all(peer.received.map(readDelivered));
    const b = delivered.filter((d) => d.subject === 'Subject B');
    expect(b.length).toBeGreaterThan(0);
    for (const d of b) expect((await t.app.inject({ method: 'GET', url: d.links.open })).statusCode).toBe(200);

    expect(await pickAbWinners(t.app.db)).toBe(0); // the wait is not over
    expect(await pickAbWinners(t.app.db, new Date(Date.now() + 61 * 60_000))).toBe(1);
    await t.app.worker.drain();
    const camp = (await api(t, 'GET', `/campaigns/${id}`)).body;
    expect(camp).toMatchObject({ status: 'sent', abWinner: 'b' });
    expect(peer.received).toHaveLength(N);
    expect(new Set(peer.received.map((m) => m.to[0])).size).toBe(N);
    const later = await Promise.all(peer.received.slice(test.length).map(readDelivered));
    expect(later.every((d) => d.subject === 'Subject B')).toBe(true);
    const report = (await api(t, 'GET', `/campaigns/${id}/report`)).body;
    expect(report.variants.map((v: { variant: string }) => v.variant)).toEqual(['a', 'b', 'rest']);
  });
});
