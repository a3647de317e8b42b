// Satisfaction surveys on both engines: a solved ticket gets one survey, sent by e-mail (one-click links) and into
// the ticket's chat; the signed link reads and answers it; a tampered or expired link is refused; the answer is on
// the ticket's timeline and the contact's 360° view; a low score opens one follow-up task (assignee, else owner).
process.env.RAPPORT_OUTBOX_LAG_MS = '0';
process.env.SMTP_URL = 'smtp://127.0.0.1:9'; // mail is "configured": queued in the outbox (the test reads it there)
process.env.RAPPORT_PUBLIC_URL = 'https://crm.example.com';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import type { Db } from '../../../core/db/database.js';
import { appendMessage } from '../conversations/append-message.js';
import { surveyToken } from './survey-token.js';

let t: TestApp;
let db: Db;
let contactId: string;
let ownerId: string;
let agentId: string;
let n = 1000;

/** A ticket opened and solved through the tickets API (a chat conversation turned into it when asked). */
async function solvedTicket(opts: { contactId: string | null; assigneeId?: string | null; language?: string; chat?: boolean }) {
  let conversationId: string | undefined;
  if (opts.chat) conversationId = (await appendMessage(db, { channelKind: 'chat', visitorId: `v-${++n}`, contactId: opts.contactId }, { direction: 'in', authorKind: 'contact', bodyText: 'help' })).conversation.id;
  const created = await t.json('POST', '/api/v1/tickets', t.admin, { subject: `Refund ${++n}`, contactId: opts.contactId, assigneeId: opts.assigneeId ?? null, language: opts.language ?? null, channel: opts.chat ? 'chat' : 'email', ...(conversationId && { conversationId }) });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id: string = created.body.id;
  const solve = async () => {
    const res = await t.json('PATCH', `/api/v1/tickets/${id}`, t.admin, { status: 'solved' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  await solve();
  await t.app.worker.drain();
  return { id, number: created.body.number as number, solve };
}

const tokenOf = async (ticketId: string) => {
  const s = await db.kysely.selectFrom('surveys').selectAll().where('ticketId', '=', ticketId).executeTakeFirstOrThrow();
  return { survey: s, token: await surveyToken(db.kysely, s.id, s.expiresAt) };
};
const answer = (token: string, body: unknown) => t.json('POST', `/api/v1/survey-responses/${token}`, {}, body);

beforeAll(async () => {
  t = await startTestApp();
  db = (t.app as unknown as { db: Db }).db;
  ownerId = (await t.json('POST', '/api/v1/users', t.admin, { email: 'owner@example.com', name: 'Owner', password: 'owner-password-1', role: 'sales' })).body.id;
  agentId = (await t.json('POST', '/api/v1/users', t.admin, { email: 'agent@example.com', name: 'Agent', password: 'agent-password-1', role: 'support' })).body.id;
  contactId = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: '陈静', emails: ['chen@example.com'], ownerId })).body.id;
});
afterAll(() => t.close());

describe('surveys', () => {
  it('a solved ticket sends one survey by e-mail and into its chat; the one-click link records the score', async () => {
    const ticket = await solvedTicket({ contactId, assigneeId: agentId, language: 'zh-CN', chat: true });
    const { survey, token } = await tokenOf(ticket.id);
    expect(survey).toMatchObject({ state: 'sent', sentVia: 'email,chat', contactId, assigneeId: agentId });
    const mail = await db.kysely.selectFrom('mailOutbox').selectAll().where('kind', '=', 'survey').executeTakeFirstOrThrow();
    expect(mail).toMatchObject({ toAddress: 'chen@example.com', subject: `您对工单 #${ticket.number} 的服务满意吗？` });
    expect(mail.body).toContain(`https://crm.example.com/s/${token}?score=5`);
    const chat = await db.kysely.selectFrom('messages as m').innerJoin('conversations as c', 'c.id', 'm.conversationId').select(['m.bodyText', 'm.authorKind']).where('c.ticketId', '=', ticket.id).where('m.direction', '=', 'out').execute();
    expect(chat).toEqual([{ authorKind: 'bot', bodyText: expect.stringContaining(`https://crm.example.com/s/${token}`) }]);

    const page = await t.json('GET', `/api/v1/survey-responses/${token}`, {});
    expect(page.body).toMatchObject({ ticketNumber: ticket.number, language: 'zh-CN', csat: null, answeredAt: null });
    const answered = await answer(token, { csat: 5 });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ csat: 5, nps: null, answeredAt: expect.any(String) });
    expect((await answer(token, { nps: 9, comment: '服务很好' })).body).toMatchObject({ csat: 5, nps: 9, comment: '服务很好' });
    const events = await db.kysely.selectFrom('ticket_events').select(['kind', 'data', 'body']).where('ticketId', '=', ticket.id).where('kind', '=', 'survey').execute();
    expect(events.map((e) => JSON.parse(e.data))).toEqual([expect.objectContaining({ csat: 5, nps: null, changed: false }), expect.objectContaining({ csat: 5, nps: 9, changed: true })]);
    const overview = await t.json('GET', `/api/v1/contacts/${contactId}/overview`, t.admin);
    expect(overview.body.scores).toEqual(expect.arrayContaining([{ key: 'lastCsat', label: 'Last CSAT', value: 5, max: 5 }, { key: 'lastNps', label: 'Last NPS', value: 9, max: 10 }]));
    expect(survey.followUpTaskId).toBeNull();
    const forAgents = await t.json('GET', `/api/v1/tickets/${ticket.id}/survey`, t.admin);
    expect(forAgents.body).toMatchObject({ state: 'sent', sentVia: ['email', 'chat'], csat: 5, nps: 9, comment: '服务很好', link: `https://crm.example.com/s/${token}` });
    expect((await t.json('GET', `/api/v1/tickets/${ticket.id}/survey`, await t.login('owner@example.com', 'owner-password-1'))).status).toBe(404);

    expect((await t.json('PATCH', `/api/v1/tickets/${ticket.id}`, t.admin, { status: 'open' })).status).toBe(200);
    await ticket.solve(); // solved again: not asked twice
    await t.app.worker.drain();
    expect(await db.kysely.selectFrom('surveys').select('id').where('ticketId', '=', ticket.id).execute()).toHaveLength(1);
  });

  it('refuses a tampered or expired link and bad scores', async () => {
    const ticket = await solvedTicket({ contactId });
    const { survey, token } = await tokenOf(ticket.id);
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    for (const bad of [flip(token, token.length - 1), flip(token, 3), token.replace(/\.(\d+)\./, (_m, e) => `.${Number(e) + 86400}.`), 'nonsense']) {
      const res = await t.json('GET', `/api/v1/survey-responses/${encodeURIComponent(bad)}`, {});
      expect(res.status, bad).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect((await answer(encodeURIComponent(bad), { csat: 1 })).status).toBe(404);
    }
    const expired = await surveyToken(db.kysely, survey.id, new Date(Date.now() - 1000).toISOString());
    const late = await answer(expired, { csat: 1 });
    expect(late.status).toBe(400);
    expect(late.body.detail).toBe('This survey link has expired');
    expect((await answer(token, { csat: 6 })).status).toBe(422);
    expect((await answer(token, { nps: -1 })).status).toBe(422);
    expect((await answer(token, {})).status).toBe(422);
    expect((await db.kysely.selectFrom('surveys').select('csat').where('id', '=', survey.id).executeTakeFirstOrThrow()).csat).toBeNull();
  });

  it('a low score opens one follow-up task for the assignee, else for the contact\'s owner; a ticket without a customer gets no survey', async () => {
    const withAgent = await solvedTicket({ contactId, assigneeId: agentId });
    const a = await tokenOf(withAgent.id);
    expect(a.survey.sentVia).toBe('email');
    await answer(a.token, { csat: 2, comment: 'Took a week' });
    await answer(a.token, { nps: 3 });
    const agent = await t.login('agent@example.com', 'agent-password-1');
    const agentTasks = (await t.json('GET', `/api/v1/tasks?assignee=${agentId}`, t.admin)).body.data;
    expect(agentTasks).toHaveLength(1);
    expect(agentTasks[0]).toMatchObject({ contactId, assigneeId: agentId, subject: `Follow up on a low satisfaction score (CSAT 2/5) for ticket #${withAgent.number}` });
    expect(agentTasks[0].body).toContain('Took a week');
    expect(agent).toBeTruthy();

    const noAgent = await solvedTicket({ contactId });
    await answer((await tokenOf(noAgent.id)).token, { nps: 6 });
    const ownerTasks = (await t.json('GET', `/api/v1/tasks?assignee=${ownerId}`, t.admin)).body.data;
    expect(ownerTasks.map((x: any) => x.subject)).toEqual([`Follow up on a low satisfaction score (NPS 6/10) for ticket #${noAgent.number}`]);

    const happy = await solvedTicket({ contactId });
    await answer((await tokenOf(happy.id)).token, { csat: 3, nps: 7 });
    expect((await t.json('GET', `/api/v1/tasks?assignee=${ownerId}`, t.admin)).body.data).toHaveLength(1);

    // The answers are part of the person's data export.
    const exported = (await t.json('GET', `/api/v1/contacts/${contactId}/data-export`, t.admin)).body;
    expect(exported.related['service.surveys'].map((x: any) => x.comment)).toContain('Took a week');

    const anonymous = await solvedTicket({ contactId: null });
    expect(await db.kysely.selectFrom('surveys').select('id').where('ticketId', '=', anonymous.id).execute()).toHaveLength(0);
  });
});
