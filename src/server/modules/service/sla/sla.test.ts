// SLA over HTTP on both engines: calendars and policies, the policy chosen by priority and customer tier, live
// timers, a warning before the breach, the breach with re-assignment and the manager told, pause while pending.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { appendMessage } from '../conversations/append-message.js';
import { addTeam, addUser, always, at, changeTicket, notificationsOf, openTicket, slaEvents } from './sla-test-helpers.js';

process.env.RAPPORT_OUTBOX_LAG_MS = '0';

let t: TestApp;
const u: Record<string, { id: string; headers: Record<string, string> }> = {};
const team: Record<string, string> = {};
const policy: Record<string, string> = {};
let vipContact: string;
let plainContact: string;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-06-01T08:00:00Z'));
  t = await startTestApp();
  u.mia = await addUser(t, 'mia', 'Mia Manager', 'manager', null);
  team.support = await addTeam(t, 'Support', u.mia.id);
  team.vip = await addTeam(t, 'VIP desk');
  u.ann = await addUser(t, 'ann', 'Ann Agent', 'support', team.support);
  u.bob = await addUser(t, 'bob', 'Bob Agent', 'support', team.support);
  u.vic = await addUser(t, 'vic', 'Vic VIP', 'support', team.vip);
  await t.json('PATCH', '/api/v1/users/' + u.mia.id, t.admin, { teamId: team.support });
  vipContact = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: '王总', tags: ['VIP'] })).body.id;
  plainContact = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Pat Plain' })).body.id;
});
afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

describe('SLA settings', () => {
  it('validates calendars and policies, and only admins change them', async () => {
    const bad = await t.json('POST', '/api/v1/business-calendars', t.admin, { ...always, timeZone: 'Mars/Olympus', week: [[{ start: '09:00', end: '25:00' }], [], [], [], [], [], []] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: any) => e.path)).toEqual(['timeZone', 'week.0.0.end']);
    expect((await t.json('POST', '/api/v1/business-calendars', u.ann.headers, always)).status).toBe(403);
    const cal = await t.json('POST', '/api/v1/business-calendars', t.admin, always);
    expect(cal.status).toBe(201);
    expect(cal.body.isDefault).toBe(true);
    const noTarget = await t.json('POST', '/api/v1/sla-policies', t.admin, { name: 'Empty' });
    expect(noTarget.status).toBe(422);
    expect((await t.json('POST', '/api/v1/sla-policies', t.admin, { name: 'x', firstResponseMinutes: 5, queueTeamId: 'nope' })).body.errors[0].path).toBe('queueTeamId');
  });

  it('creates the ordered policies: VIP (own queue), urgent/high (re-assign on breach), everything else', async () => {
    const add = async (body: object) => {
      const res = await t.json('POST', '/api/v1/sla-policies', t.admin, body);
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    policy.vip = await add({ name: 'VIP', tiers: ['vip'], firstResponseMinutes: 30, resolutionMinutes: 240, warnBeforeMinutes: 10, queueTeamId: team.vip });
    policy.urgent = await add({ name: 'Urgent', priorities: ['urgent', 'high'], firstResponseMinutes: 60, resolutionMinutes: 480, warnBeforeMinutes: 15, reassignOnBreach: true });
    policy.standard = await add({ name: 'Standard', firstResponseMinutes: 240, resolutionMinutes: 2400, warnBeforeMinutes: 30 });
    const list = (await t.json('GET', '/api/v1/sla-policies', u.ann.headers)).body.data;
    expect(list.map((p: any) => [p.name, p.position])).toEqual([['VIP', 0], ['Urgent', 1], ['Standard', 2]]);
    // A change that leaves fields out keeps them.
    const patched = await t.json('PATCH', `/api/v1/sla-policies/${policy.urgent}`, t.admin, { active: true });
    expect(patched.body).toMatchObject({ priorities: ['urgent', 'high'], firstResponseMinutes: 60, reassignOnBreach: true, warnBeforeMinutes: 15 });
  });
});

describe('policy choice and timers', () => {
  it('chooses by customer tier first: a VIP requester gets the VIP policy and the VIP queue', async () => {
    const ticket = await openTicket(t, { subject: 'Invoice copy please', contactId: vipContact, priority: 'low' });
    expect(ticket.teamId).toBe(team.vip);
    expect(ticket.assigneeId).toBe(u.vic.id);
    const sla = (await t.json('GET', `/api/v1/tickets/${ticket.id}/sla`, t.admin)).body;
    expect(sla).toMatchObject({ policy: { id: policy.vip, name: 'VIP' }, tier: 'vip', paused: false, working: true });
    expect(sla.targets[0]).toMatchObject({ kind: 'firstResponse', minutes: 30, state: 'running', dueAt: new Date(Date.parse(ticket.createdAt) + 30 * 60_000).toISOString(), remainingMinutes: 30 });
    expect(sla.targets[1]).toMatchObject({ kind: 'resolution', minutes: 240, remainingMinutes: 240 });
  });

  it('chooses by priority for other customers, and re-targets when the priority changes', async () => {
    const ticket = await openTicket(t, { subject: 'How do I export?', contactId: plainContact, teamId: team.support });
    let sla = (await t.json('GET', `/api/v1/tickets/${ticket.id}/sla`, t.admin)).body;
    expect(sla).toMatchObject({ policy: { name: 'Standard' }, tier: 'standard' });
    await changeTicket(t, ticket.id, { priority: 'urgent' });
    sla = (await t.json('GET', `/api/v1/tickets/${ticket.id}/sla`, t.admin)).body;
    expect(sla.policy.name).toBe('Urgent');
    expect(sla.targets[0]).toMatchObject({ minutes: 60, dueAt: new Date(Date.parse(ticket.createdAt) + 60 * 60_000).toISOString() });
    expect((await slaEvents(t, ticket.id)).map((e) => e.event)).toEqual(['started', 'policy']);
  });

  it('hides the timers of a ticket the caller may not see', async () => {
    expect((await t.json('PUT', '/api/v1/roles/support', t.admin, { visibility: 'own_team' })).status).toBe(200);
    const ticket = await openTicket(t, { subject: 'VIP only', contactId: vipContact });
    expect((await t.json('GET', `/api/v1/tickets/${ticket.id}/sla`, u.ann.headers)).status).toBe(404);
    expect((await t.json('GET', `/api/v1/tickets/${ticket.id}/sla`, u.vic.headers)).status).toBe(200);
    await t.json('PUT', '/api/v1/roles/support', t.admin, { visibility: 'all' });
  });

  it('warns the assignee before the breach, then records the breach, re-assigns and tells the manager', async () => {
    const ticket = await openTicket(t, { subject: 'Site down', contactId: plainContact, priority: 'high', teamId: team.support });
    const first = ticket.assigneeId;
    expect([u.ann.id, u.bob.id]).toContain(first);
    const firstAgent = first === u.ann.id ? u.ann : u.bob;
    const other = first === u.ann.id ? u.bob : u.ann;
    await at(t, ticket.createdAt, 40);
    expect(await notificationsOf(t, firstAgent.headers, 'sla.warning')).toEqual([]);
    await at(t, ticket.createdAt, 46); // 60 − 15 minutes: the warning
    const warnings = (await notificationsOf(t, firstAgent.headers, 'sla.warning')).filter((n: any) => n.entityId === ticket.id);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ params: { number: ticket.number, target: 'firstResponse' } });
    await at(t, ticket.createdAt, 47);
    expect((await notificationsOf(t, firstAgent.headers, 'sla.warning')).filter((n: any) => n.entityId === ticket.id)).toHaveLength(1); // once
    await at(t, ticket.createdAt, 61); // the breach
    const after = await t.app.db.kysely.selectFrom('tickets').selectAll().where('id', '=', ticket.id).executeTakeFirstOrThrow();
    expect(after.assigneeId).toBe(other.id);
    const steps = JSON.parse(after.routing!);
    expect(steps[0]).toEqual({ kind: 'slaBreach', params: { target: 'firstResponse' } });
    expect(steps).toContainEqual({ kind: 'skipped', params: { name: firstAgent === u.ann ? 'Ann Agent' : 'Bob Agent', cause: 'current', open: null, capacity: null } });
    const breach = (await notificationsOf(t, u.mia.headers, 'sla.breach')).filter((n: any) => n.entityId === ticket.id);
    expect(breach).toHaveLength(1);
    expect(breach[0].body).toMatch(new RegExp(`^The first-response SLA was breached\\. ${firstAgent === u.ann ? 'Ann' : 'Bob'} Agent had the ticket already, skipped\\. Fewest open tickets among team “Support”: ${other === u.ann ? 'Ann' : 'Bob'} Agent \\(\\d+ open\\)\\.$`));
    expect((await notificationsOf(t, other.headers, 'ticket.routed')).some((n: any) => n.entityId === ticket.id)).toBe(true);
    expect((await slaEvents(t, ticket.id)).map((e) => e.event)).toEqual(['started', 'warning', 'breach', 'escalated']);
    const sla = (await t.json('GET', `/api/v1/tickets/${ticket.id}/sla`, t.admin)).body;
    expect(sla.targets[0]).toMatchObject({ state: 'breached', remainingMinutes: -1 });
    expect(sla.targets[1]).toMatchObject({ state: 'running' });
    // A late first reply is still recorded, as met late.
    const conv = await appendMessage(t.app.db, { channelKind: 'email', externalThreadId: `thread-${ticket.id}`, contactId: plainContact }, { direction: 'in', authorKind: 'contact', bodyText: 'Help' });
    await t.app.db.kysely.updateTable('conversations').set({ ticketId: ticket.id }).where('id', '=', conv.conversation.id).execute();
    await at(t, ticket.createdAt, 70);
    await appendMessage(t.app.db, { conversationId: conv.conversation.id, channelKind: 'email' }, { direction: 'out', authorKind: 'agent', authorId: other.id, bodyText: 'Looking now' });
    await t.app.worker.drain();
    expect((await t.json('GET', `/api/v1/tickets/${ticket.id}/sla`, t.admin)).body.targets[0]).toMatchObject({ state: 'met_late', remainingMinutes: null });
  });

  it('counts the first public agent reply (not an internal note) as the first response', async () => {
    const ticket = await openTicket(t, { subject: 'Question', contactId: plainContact, teamId: team.support });
    const conv = await appendMessage(t.app.db, { channelKind: 'chat', externalThreadId: `chat-${ticket.id}`, contactId: plainContact }, { direction: 'in', authorKind: 'contact', bodyText: 'Hi' });
    await t.app.db.kysely.updateTable('conversations').set({ ticketId: ticket.id }).where('id', '=', conv.conversation.id).execute();
    await appendMessage(t.app.db, { conversationId: conv.conversation.id, channelKind: 'chat' }, { direction: 'out', authorKind: 'agent', bodyText: 'note', private: true });
    await t.app.worker.drain();
    expect((await t.json('GET', `/api/v1/tickets/${ticket.id}/sla`, t.admin)).body.targets[0].state).toBe('running');
    await at(t, ticket.createdAt, 12);
    await appendMessage(t.app.db, { conversationId: conv.conversation.id, channelKind: 'chat' }, { direction: 'out', authorKind: 'agent', bodyText: 'Hello!' });
    await t.app.worker.drain();
    const sla = (await t.json('GET', `/api/v1/tickets/${ticket.id}/sla`, t.admin)).body;
    expect(sla.targets[0]).toMatchObject({ state: 'met', metAt: new Date(Date.parse(ticket.createdAt) + 12 * 60_000).toISOString() });
  });

  it('pauses while pending on the customer and moves the due time by the pause; solving meets the resolution', async () => {
    const ticket = await openTicket(t, { subject: 'Need logs', contactId: plainContact, teamId: team.support });
    await changeTicket(t, ticket.id, { status: 'open' });
    await at(t, ticket.createdAt, 100);
    await changeTicket(t, ticket.id, { status: 'pending' });
    let sla = (await t.json('GET', `/api/v1/tickets/${ticket.id}/sla`, t.admin)).body;
    expect(sla).toMatchObject({ paused: true });
    expect(sla.targets[0]).toMatchObject({ state: 'paused', remainingMinutes: 140 });
    await at(t, ticket.createdAt, 400); // past the original due time (240): no breach while paused
    sla = (await t.json('GET', `/api/v1/tickets/${ticket.id}/sla`, t.admin)).body;
    expect(sla.targets[0]).toMatchObject({ state: 'paused', remainingMinutes: 140, breachedAt: null });
    await changeTicket(t, ticket.id, { status: 'open' });
    sla = (await t.json('GET', `/api/v1/tickets/${ticket.id}/sla`, t.admin)).body;
    expect(sla.targets[0]).toMatchObject({ state: 'running', remainingMinutes: 140, dueAt: new Date(Date.parse(ticket.createdAt) + 540 * 60_000).toISOString() });
    await changeTicket(t, ticket.id, { status: 'solved' });
    sla = (await t.json('GET', `/api/v1/tickets/${ticket.id}/sla`, t.admin)).body;
    expect(sla.targets.map((x: any) => x.state)).toEqual(['met', 'met']);
    expect((await slaEvents(t, ticket.id)).map((e) => e.event)).toEqual(['started', 'paused', 'resumed', 'met']);
  });

  it('re-targets a priority change from creation plus the time spent paused, also during a pause', async () => {
    const mins = (from: string, m: number) => new Date(Date.parse(from) + m * 60_000).toISOString();
    const sla = async (id: string) => (await t.json('GET', `/api/v1/tickets/${id}/sla`, t.admin)).body;
    // Paused 300 minutes (10 → 310), then high priority: Urgent's 60/480 minutes count from creation plus the pause.
    const after = await openTicket(t, { subject: 'Paused, then urgent', contactId: plainContact, teamId: team.support });
    await changeTicket(t, after.id, { status: 'open' });
    await at(t, after.createdAt, 10);
    await changeTicket(t, after.id, { status: 'pending' });
    await at(t, after.createdAt, 310);
    await changeTicket(t, after.id, { status: 'open' });
    await at(t, after.createdAt, 320);
    await changeTicket(t, after.id, { priority: 'high' });
    let s = await sla(after.id);
    expect(s.policy.name).toBe('Urgent');
    expect(s.targets[0]).toMatchObject({ state: 'running', minutes: 60, dueAt: mins(after.createdAt, 360), remainingMinutes: 40, breachedAt: null });
    expect(s.targets[1]).toMatchObject({ state: 'running', dueAt: mins(after.createdAt, 780) });
    // Urgent while paused (since minute 10): the new policy's minutes left are kept, and the due time moves on resume.
    const during = await openTicket(t, { subject: 'Urgent while paused', contactId: plainContact, teamId: team.support });
    await changeTicket(t, during.id, { status: 'open' });
    await at(t, during.createdAt, 10);
    await changeTicket(t, during.id, { status: 'pending' });
    await at(t, during.createdAt, 100);
    await changeTicket(t, during.id, { priority: 'urgent' });
    s = await sla(during.id);
    expect(s).toMatchObject({ paused: true, policy: { name: 'Urgent' } });
    expect(s.targets.map((x: any) => [x.state, x.remainingMinutes])).toEqual([['paused', 50], ['paused', 470]]);
    await at(t, during.createdAt, 200);
    await changeTicket(t, during.id, { status: 'open' });
    s = await sla(during.id);
    expect(s.targets[0]).toMatchObject({ state: 'running', dueAt: mins(during.createdAt, 250), breachedAt: null });
    expect(s.targets[1]).toMatchObject({ state: 'running', dueAt: mins(during.createdAt, 670) });
  });
});
