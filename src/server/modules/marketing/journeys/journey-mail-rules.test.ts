// Journey e-mails follow the campaigns' rules, through a real SMTP peer on both engines: the campaigns' template (escaped
// variables, footer), List-Unsubscribe + one-click POST headers, signed /mail/* links; a one-click unsubscribe from a
// journey e-mail stops the journey's next e-mail and the next campaign; an address on the suppression list (bounced)
// gets no journey e-mail although the contact consented.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendQueuedMail } from '../../../core/mail/mail-outbox.js';
import type { SmtpPeer } from '../../../test/smtp-peer.js';
import type { TestApp } from '../../../test/test-app.js';
import { addContact, newCampaign, readDelivered, tagSegment, startCampaignTestApp } from '../campaigns/campaign-test-support.js';
import { suppress } from '../campaigns/suppression.js';
import { activeJourney, api, endWait, enrolmentsOf, runsOf, settle } from './journey-test-helpers.js';

process.env.RAPPORT_OUTBOX_LAG_MS = '0';

let t: TestApp;
let peer: SmtpPeer;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ t, peer, close } = await startCampaignTestApp());
}, 60_000);
afterAll(() => close());

const twoMails = {
  trigger: { kind: 'manual' },
  steps: [
    { id: 'hello', kind: 'email', subject: 'Hi {{contact.givenName | "there"}}', body: 'Welcome {{contact.givenName | "friend"}}! Start at https://shop.example/start.' },
    { id: 'pause', kind: 'wait', amount: 1, unit: 'days' },
    { id: 'again', kind: 'email', subject: 'Still there?', body: 'Here is more.' },
  ],
};

const delivered = async (to: string) => {
  await sendQueuedMail(t.app.db);
  return Promise.all(peer.received.filter((m) => m.to.includes(to)).map(readDelivered));
};

describe('journey e-mails follow the campaigns’ rules', () => {
  it('a one-click unsubscribe from a journey e-mail stops the next journey e-mail and the next campaign', async () => {
    const id = await addContact(t, 'jr-unsub', { givenName: '<b>Ann</b>', displayName: 'Ann' }, 'ann.journey@example.com', 'granted');
    const j = await activeJourney(t, twoMails);
    await api(t, 'POST', `/journeys/${j.id}/enrolments`, { contactIds: [id] });
    await settle(t);
    const [first] = await delivered('ann.journey@example.com');
    expect(first!.subject).toBe('Hi <b>Ann</b>');
    expect(first!.html).toContain('Welcome &lt;b&gt;Ann&lt;/b&gt;!');
    expect(first!.head).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(first!.head).toContain(`List-Unsubscribe: <https://crm.example${first!.links.unsubscribe}>`);
    expect(first!.links.unsubscribe).toMatch(/^\/mail\/u\/j\./);
    // The link in the text is tracked and goes where the author wrote; the pixel counts the open for the branch.
    const click = await t.app.inject({ url: first!.links.click[0]! });
    expect([click.statusCode, click.headers.location]).toEqual([302, 'https://shop.example/start']);
    expect((await t.app.inject({ url: first!.links.open })).headers['content-type']).toBe('image/gif');
    const [e] = await enrolmentsOf(t, j.id);
    expect((await t.app.db.kysely.selectFrom('journeyEmailEvents').select('kind').where('enrolmentId', '=', e!.id).orderBy('kind').execute()).map((r) => r.kind)).toEqual(['clicked', 'opened']);

    // The page asks first; the mail client's one-click POST unsubscribes.
    const ask = await t.app.inject({ url: first!.links.unsubscribe });
    expect(ask.body).toContain('an***@example.com');
    const post = await t.app.inject({ method: 'POST', url: first!.links.unsubscribe, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(post.statusCode).toBe(200);
    expect(await t.app.db.kysely.selectFrom('emailSuppressions').select(['reason', 'contactId']).where('email', '=', 'ann.journey@example.com').execute()).toEqual([{ reason: 'unsubscribed', contactId: id }]);
    expect((await api(t, 'GET', `/contacts/${id}`)).body.consentStatus.email.status).toBe('withdrawn');

    await endWait(t, e!.id);
    await settle(t);
    expect((await runsOf(t, e!.id)).find((r) => r.stepId === 'again')).toMatchObject({ outcome: 'skipped' });
    expect(await delivered('ann.journey@example.com')).toHaveLength(1);

    const campaignId = await newCampaign(t, await tagSegment(t, 'jr-unsub'));
    await api(t, 'POST', `/campaigns/${campaignId}/schedule`, { timeZone: 'UTC' });
    await t.app.worker.drain();
    const rows = await t.app.db.kysely.selectFrom('campaignRecipients').select(['status', 'skipReason']).where('campaignId', '=', campaignId).execute();
    expect(rows).toEqual([{ status: 'skipped', skipReason: expect.stringMatching(/no_consent|unsubscribed/) }]);
    expect(await delivered('ann.journey@example.com')).toHaveLength(1);
  });

  it('an address on the suppression list gets no journey e-mail, though its contact consented', async () => {
    const id = await addContact(t, 'jr-bounce', { givenName: 'Bo', displayName: 'Bo' }, 'bo.bounced@example.com', 'granted');
    await suppress(t.app.db.kysely, 'Bo.Bounced@example.com', 'hard_bounce');
    const j = await activeJourney(t, { trigger: { kind: 'manual' }, steps: [twoMails.steps[0]] });
    await api(t, 'POST', `/journeys/${j.id}/enrolments`, { contactIds: [id] });
    await settle(t);
    const [e] = await enrolmentsOf(t, j.id);
    expect(await runsOf(t, e!.id)).toEqual([{ stepId: 'hello', outcome: 'skipped', detail: 'suppressed (hard_bounce)' }]);
    expect(await delivered('bo.bounced@example.com')).toEqual([]);
  });

  it('refuses altered journey links and a campaign token used as a journey one', async () => {
    const id = await addContact(t, 'jr-forge', { givenName: 'Cy', displayName: 'Cy' }, 'cy.journey@example.com', 'granted');
    const j = await activeJourney(t, { trigger: { kind: 'manual' }, steps: [twoMails.steps[0]] });
    await api(t, 'POST', `/journeys/${j.id}/enrolments`, { contactIds: [id] });
    await settle(t);
    const [mail] = await delivered('cy.journey@example.com');
    const token = mail!.links.click[0]!.split('/').pop()!;
    for (const bad of [token.replace('.hello.', '.other.'), token.replace('.0.', '.1.'), token.slice(2), `j.${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}.hello.0.${token.slice(-24)}`]) {
      const res = await t.app.inject({ url: `/mail/c/${bad}` });
      expect(res.statusCode, bad).toBe(404);
      expect(res.headers.location).toBeUndefined();
    }
    expect((await t.app.inject({ method: 'POST', url: `/mail/u/${mail!.links.unsubscribe.split('/').pop()!.replace(/.$/, 'A')}x` })).statusCode).toBe(404);
    expect(await t.app.db.kysely.selectFrom('emailSuppressions').select('email').where('email', '=', 'cy.journey@example.com').execute()).toEqual([]);
  });
});
