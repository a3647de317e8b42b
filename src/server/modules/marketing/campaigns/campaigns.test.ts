// A campaign to a segment delivered through a real SMTP peer, on both engines: per-recipient personalisation (escaped,
// with fallbacks), consent and suppression, List-Unsubscribe headers, an open and a click followed through the signed
// tracking URLs (forged ones refused), the one-click unsubscribe honoured on the very next send, the report and ROI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmtpPeer } from '../../../test/smtp-peer.js';
import type { TestApp } from '../../../test/test-app.js';
import { addContact, api, newCampaign, readDelivered, tagSegment, type Delivered, startCampaignTestApp } from './campaign-test-support.js';

let t: TestApp;
let peer: SmtpPeer;
let close: () => Promise<void>;
const ids: Record<string, string> = {};
let segmentId = '';

beforeAll(async () => {
  ({ t, peer, close } = await startCampaignTestApp());
  ids.ann = await addContact(t, 'spring', { givenName: 'Ann', displayName: 'Ann Lee' }, 'ann@example.com', 'granted');
  ids.bob = await addContact(t, 'spring', { givenName: '<b>Bob</b>', displayName: 'Bob' }, 'bob@example.com', 'granted');
  ids.wei = await addContact(t, 'spring', { displayName: '王伟' }, 'wei@example.com', 'granted');
  ids.nora = await addContact(t, 'spring', { givenName: 'Nora', displayName: 'Nora' }, 'nora@example.com', 'unknown');
  ids.walt = await addContact(t, 'spring', { givenName: 'Walt', displayName: 'Walt' }, 'walt@example.com', 'withdrawn');
  segmentId = await tagSegment(t, 'spring');
}, 60_000);
afterAll(() => close());

const send = async (campaignId: string) => {
  const res = await api(t, 'POST', `/campaigns/${campaignId}/schedule`, { timeZone: 'Asia/Shanghai' });
  expect(res.status).toBe(200);
  await t.app.worker.drain();
};

describe('a campaign to a segment', () => {
  let delivered: Delivered[] = [];
  let campaignId = '';

  it('delivers one personalised message per consenting member, with one-click unsubscribe headers', async () => {
    campaignId = await newCampaign(t, segmentId);
    await send(campaignId);
    expect((await api(t, 'GET', `/campaigns/${campaignId}`)).body).toMatchObject({ status: 'sent', stats: { audience: 5, sent: 3 } });
    expect(peer.received.map((m) => m.to[0]).sort()).toEqual(['ann@example.com', 'bob@example.com', 'wei@example.com']);
    delivered = await Promise.all(peer.received.map(readDelivered));
    const by = (to: string) => delivered.find((d) => d.to === to)!;
    expect(by('ann@example.com').subject).toBe('Hi Ann, spring sale');
    expect(by('wei@example.com').subject).toBe('Hi there, spring sale');
    expect(by('ann@example.com').html).toContain('Hello Ann!');
    expect(by('wei@example.com').html).toContain('Hello 朋友!');
    expect(by('bob@example.com').html).toContain('Hello &lt;b&gt;Bob&lt;/b&gt;!');
    expect(by('ann@example.com').html).not.toContain('<script>');
    for (const d of delivered) {
      expect(d.head).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
      expect(d.head).toContain(`List-Unsubscribe: <https://crm.example${d.links.unsubscribe}>`);
      expect(d.links.click).toHaveLength(1);
    }
    const rows = await t.app.db.kysely.selectFrom('campaignRecipients').select(['email', 'messageId', 'status', 'skipReason']).where('campaignId', '=', campaignId).execute();
    expect(new Set(rows.map((r) => r.messageId)).size).toBe(5);
    for (const d of delivered) expect(rows.find((r) => r.email === d.to)!.messageId).toBe(d.messageId);
    expect(rows.filter((r) => r.status === 'skipped').map((r) => r.skipReason)).toEqual(['no_consent', 'no_consent']);
  });

  it('records an open and a click through the signed URLs and refuses forged ones', async () => {
    const ann = delivered.find((d) => d.to === 'ann@example.com')!;
    const open = await t.app.inject({ method: 'GET', url: ann.links.open });
    expect(open.statusCode).toBe(200);
    expect(open.headers['content-type']).toBe('image/gif');
    await t.app.inject({ method: 'GET', url: ann.links.open });
    const click = await t.app.inject({ method: 'GET', url: ann.links.click[0]! });
    expect(click.statusCode).toBe(302);
    expect(click.headers.location).toBe('https://shop.example/sale?x=1&y=2');
    const token = ann.links.click[0]!.split('/').pop()!;
    const [rid, idx, mac] = token.split('.');
    const forged = [`${rid}.${Number(idx) + 1}.${mac}`, `${rid}.${idx}.${mac!.slice(0, -1)}${mac!.endsWith('A') ? 'B' : 'A'}`, `${rid}.${mac}`, 'https%3A%2F%2Fevil.example', `${rid}.0.${'x'.repeat(500)}`];
    for (const f of forged) {
      const res = await t.app.inject({ method: 'GET', url: `/mail/c/${f}`, headers: { 'accept-language': 'zh-CN' } });
      expect([400, 404, 414]).toContain(res.statusCode);
      expect(res.headers.location).toBeUndefined();
    }
    const report = (await api(t, 'GET', `/campaigns/${campaignId}/report`)).body;
    expect(report).toMatchObject({ audience: 5, sent: 3, delivered: 3, skipped: { no_consent: 2 }, opens: { unique: 1, total: 2 }, clicks: { unique: 1, total: 1 }, links: [{ url: 'https://shop.example/sale?x=1&y=2', clicks: 1, unique: 1 }] });
    const timeline = await api(t, 'GET', `/interactions?contactId=${ids.ann}`);
    expect(timeline.body.data.map((i: { subject: string }) => i.subject)).toEqual(expect.arrayContaining(['Opened campaign e-mail “Spring sale”', 'Clicked a link in campaign e-mail “Spring sale”']));
    const overview = await api(t, 'GET', `/contacts/${ids.ann}/overview`);
    const marketing = overview.body.sections.find((s: { key: string }) => s.key === 'marketing');
    expect(marketing.items[0]).toMatchObject({ campaignId, name: 'Spring sale', status: 'sent' });
    expect(marketing.items[0].openedAt).not.toBeNull();
  });

  it('attributes orders within the window to the campaign (ROI against its cost)', async () => {
    const order = await api(t, 'POST', '/orders', { contactId: ids.ann, currency: 'CNY', items: [{ name: 'Coat', quantity: 1, unitPrice: 3000 }] });
    expect(order.status).toBe(201);
    await api(t, 'POST', '/orders', { contactId: ids.bob, currency: 'CNY', orderedAt: '2020-01-01T00:00:00.000Z', items: [{ name: 'Old coat', quantity: 1, unitPrice: 999 }] });
    const report = (await api(t, 'GET', `/campaigns/${campaignId}/report`)).body;
    expect(report.roi).toMatchObject({ attributionDays: 7, cost: 1000, orders: 1, buyers: 1, revenue: [{ currency: 'CNY', amount: order.body.total }] });
    expect(report.roi.roi).toBeCloseTo((order.body.total - 1000) / 1000);
  });

  it('honours a one-click unsubscribe on the very next send, in the recipient’s language', async () => {
    const bob = delivered.find((d) => d.to === 'bob@example.com')!;
    const page = await t.app.inject({ method: 'GET', url: bob.links.unsubscribe });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<form method="post">');
    const post = await t.app.inject({ method: 'POST', url: bob.links.unsubscribe, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(post.statusCode).toBe(200);
    expect(post.body).toContain('You are unsubscribed');
    const consent = await api(t, 'GET', `/contacts/${ids.bob}/consent`);
    expect(consent.body.current.email).toMatchObject({ status: 'withdrawn', source: 'unsubscribe' });
    // Consent granted again by mistake: the suppression list still keeps the address out.
    await api(t, 'PATCH', `/contacts/${ids.bob}`, { consent: { email: 'granted' } });

    const zh = await newCampaign(t, segmentId, { name: '春季', language: 'zh-CN' });
    const before = peer.received.length;
    await send(zh);
    const next = peer.received.slice(before).map((m) => m.to[0]).sort();
    expect(next).toEqual(['ann@example.com', 'wei@example.com']);
    const skipped = await t.app.db.kysely.selectFrom('campaignRecipients').select('skipReason').where('campaignId', '=', zh).where('contactId', '=', ids.bob).executeTakeFirstOrThrow();
    expect(skipped.skipReason).toBe('unsubscribed');
    const wei = await readDelivered(peer.received.slice(before).find((m) => m.to[0] === 'wei@example.com')!);
    const zhPage = await t.app.inject({ method: 'GET', url: wei.links.unsubscribe });
    expect(zhPage.body).toContain('<html lang="zh-CN">');
    expect(zhPage.body).toContain('退订');
    expect(wei.html).toContain('退订');
  });

  it('previews as a chosen contact and refuses to schedule without an audience', async () => {
    const preview = await api(t, 'POST', '/campaigns/preview', { subject: 'Hi {{contact.givenName | "朋友"}}', blocks: [{ type: 'text', text: 'Dear {{contact.displayName}}' }], contactId: ids.ann, language: 'en' });
    expect(preview.status).toBe(200);
    expect(preview.body.subject).toBe('Hi Ann');
    expect(preview.body.html).toContain('Dear Ann Lee');
    expect(preview.body.mjml).toContain('<mjml');
    const bare = await api(t, 'POST', '/campaigns', { name: 'No audience', subject: 'x', blocks: [{ type: 'text', text: 'x' }] });
    const res = await api(t, 'POST', `/campaigns/${bare.body.id}/schedule`, {});
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: 'segmentId', message: 'required' }]);
  });

  it('schedules at a wall-clock time in a time zone, and cancelling returns it to draft', async () => {
    const id = await newCampaign(t, segmentId, { name: 'Later' });
    const res = await api(t, 'POST', `/campaigns/${id}/schedule`, { sendAt: '2031-03-01T09:00', timeZone: 'Asia/Shanghai' });
    expect(res.body).toMatchObject({ status: 'scheduled', scheduledAt: '2031-03-01T01:00:00.000Z', timeZone: 'Asia/Shanghai' });
    const job = await t.app.db.kysely.selectFrom('jobs').select(['runAt', 'status']).where('id', '=', res.body.jobId).executeTakeFirstOrThrow();
    expect(job).toEqual({ runAt: '2031-03-01T01:00:00.000Z', status: 'queued' });
    const cancelled = await api(t, 'POST', `/campaigns/${id}/cancel`);
    expect(cancelled.body.status).toBe('draft');
  });
});
