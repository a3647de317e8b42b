// Ticket routing over HTTP on both engines: ordered rules on channel, language, keywords and tier → team, then
// round-robin or least-loaded among agents with the skill, within capacity and not away; signals; explanations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { addTeam, addUser, openTicket } from '../sla/sla-test-helpers.js';
import { registerRoutingSignal, unregisterRoutingSignal } from './routing-signals.js';

process.env.RAPPORT_OUTBOX_LAG_MS = '0';

let t: TestApp;
const u: Record<string, { id: string; headers: Record<string, string> }> = {};
const team: Record<string, string> = {};
const names: Record<string, string> = {};
const rule = (body: object) => t.json('POST', '/api/v1/routing-rules', t.admin, body);
const assigneeName = (id: string | null) => Object.entries(u).find(([, v]) => v.id === id)?.[0] ?? null;

beforeAll(async () => {
  t = await startTestApp();
  team.billing = await addTeam(t, 'Billing');
  team.tech = await addTeam(t, 'Tech');
  for (const [key, name, teamKey] of [['ann', 'Ann', 'billing'], ['bob', 'Bob', 'billing'], ['cat', 'Cat', 'billing'], ['dan', 'Dan', 'tech'], ['eve', 'Eve', 'tech']] as const) {
    u[key] = await addUser(t, key, name, 'support', team[teamKey]!);
    names[key] = name;
  }
});
afterAll(() => t.close());

describe('routing rules', () => {
  it('validates rules; only admins change them', async () => {
    const bad = await rule({ name: 'x', teamId: 'nope' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe('teamId');
    expect((await t.json('POST', '/api/v1/routing-rules', u.ann.headers, { name: 'x', teamId: team.billing })).status).toBe(403);
    expect((await rule({ name: 'x', teamId: team.billing, conditions: { channels: ['fax'] } })).status).toBe(422);
  });

  it('sets up rules in order', async () => {
    expect((await rule({ name: 'Chinese billing', conditions: { languages: ['zh'], keywords: ['发票', 'invoice'] }, teamId: team.billing, strategy: 'round_robin' })).status).toBe(201);
    expect((await rule({ name: 'Phone', conditions: { channels: ['phone'] }, teamId: team.tech, strategy: 'least_loaded', priority: 'high' })).status).toBe(201);
    expect((await rule({ name: 'VIP', conditions: { tiers: ['vip'] }, teamId: team.tech, strategy: 'least_loaded', skill: 'senior' })).status).toBe(201);
    const list = (await t.json('GET', '/api/v1/routing-rules', u.ann.headers)).body.data;
    expect(list.map((r: any) => [r.name, r.position, r.teamName])).toEqual([['Chinese billing', 0, 'Billing'], ['Phone', 1, 'Tech'], ['VIP', 2, 'Tech']]);
    // A change that leaves fields out keeps them.
    const patched = await t.json('PATCH', `/api/v1/routing-rules/${list[1].id}`, t.admin, { active: true });
    expect(patched.body).toMatchObject({ conditions: { channels: ['phone'] }, priority: 'high', strategy: 'least_loaded' });
  });
});

describe('picking the agent', () => {
  it('shares round-robin within the team and explains each decision', async () => {
    const got: string[] = [];
    for (let i = 0; i < 4; i++) got.push((await openTicket(t, { subject: `关于发票 ${i}`, language: 'zh-CN', channel: 'email' })).assigneeId);
    expect(got.map(assigneeName)).toEqual(['ann', 'bob', 'cat', 'ann']);
    const last = await openTicket(t, { subject: 'invoice copy', description: 'please', language: 'zh', channel: 'chat' });
    expect(assigneeName(last.assigneeId)).toBe('bob');
    expect(last.teamId).toBe(team.billing);
    expect(JSON.parse(last.routing)).toEqual([
      { kind: 'ruleMatched', params: { rule: 'Chinese billing', team: 'Billing' } },
      { kind: 'roundRobin', params: { team: 'Billing', name: 'Bob' } },
    ]);
    const ev = await t.app.db.kysely.selectFrom('ticket_events').select('data').where('ticketId', '=', last.id).where('kind', '=', 'assignment').executeTakeFirstOrThrow();
    expect(JSON.parse(ev.data)).toMatchObject({ to: { assigneeId: u.bob.id }, explanation: 'Matched routing rule “Chinese billing”, which sends tickets to team “Billing”. Round-robin among team “Billing”: Bob was next.' });
    const why = await t.json('GET', `/api/v1/tickets/${last.id}/routing`, u.bob.headers);
    expect(why.body).toEqual({ steps: JSON.parse(last.routing), explanation: 'Matched routing rule “Chinese billing”, which sends tickets to team “Billing”. Round-robin among team “Billing”: Bob was next.' });
    const notes = (await t.json('GET', '/api/v1/notifications', u.bob.headers)).body.data.filter((n: any) => n.kind === 'ticket.routed' && n.entityId === last.id);
    expect(notes[0]).toMatchObject({ params: { number: last.number, subject: 'invoice copy' } });
  });

  it('passes over agents who are away or at capacity; agents set only their own away', async () => {
    expect((await t.json('PATCH', `/api/v1/agent-status/${u.bob.id}`, u.bob.headers, { away: true })).body).toMatchObject({ away: true, name: 'Bob' });
    expect((await t.json('PATCH', `/api/v1/agent-status/${u.bob.id}`, u.bob.headers, { capacity: 99 })).status).toBe(403);
    expect((await t.json('PATCH', `/api/v1/agent-status/${u.ann.id}`, u.bob.headers, { away: true })).status).toBe(403);
    const ann = await t.json('PATCH', `/api/v1/agent-status/${u.ann.id}`, t.admin, { capacity: 2 });
    expect(ann.body).toMatchObject({ capacity: 2, openTickets: 2 });
    const next = await openTicket(t, { subject: '发票', language: 'zh-CN' });
    expect(assigneeName(next.assigneeId)).toBe('cat');
    expect(JSON.parse(next.routing)).toEqual([
      { kind: 'ruleMatched', params: { rule: 'Chinese billing', team: 'Billing' } },
      { kind: 'skipped', params: { name: 'Ann', cause: 'full', open: 2, capacity: 2 } },
      { kind: 'skipped', params: { name: 'Bob', cause: 'away', open: null, capacity: null } },
      { kind: 'roundRobin', params: { team: 'Billing', name: 'Cat' } },
    ]);
    await t.json('PATCH', `/api/v1/agent-status/${u.cat.id}`, u.cat.headers, { away: true });
    const none = await openTicket(t, { subject: '发票', language: 'zh-CN' });
    expect(none).toMatchObject({ assigneeId: null, teamId: team.billing });
    expect(JSON.parse(none.routing).at(-1)).toEqual({ kind: 'noAgent', params: { team: 'Billing' } });
    const status = (await t.json('GET', '/api/v1/agent-status', u.dan.headers)).body.data;
    expect(status.find((s: any) => s.userId === u.cat.id)).toMatchObject({ away: true, openTickets: 2 });
    // Cat comes back: the waiting ticket is routed again by the background poller, saying why.
    await t.json('PATCH', `/api/v1/agent-status/${u.cat.id}`, u.cat.headers, { away: false });
    await t.app.worker.drain();
    const routed = await t.app.db.kysely.selectFrom('tickets').selectAll().where('id', '=', none.id).executeTakeFirstOrThrow();
    expect(assigneeName(routed.assigneeId)).toBe('cat');
    expect(JSON.parse(routed.routing!)).toEqual([
      { kind: 'ruleMatched', params: { rule: 'Chinese billing', team: 'Billing' } },
      { kind: 'agentFreed', params: {} },
      { kind: 'skipped', params: { name: 'Ann', cause: 'full', open: 2, capacity: 2 } },
      { kind: 'skipped', params: { name: 'Bob', cause: 'away', open: null, capacity: null } },
      { kind: 'leastLoaded', params: { team: 'Billing', name: 'Cat', open: 2 } },
    ]);
  });

  it('gives least-loaded tickets to the agent with the fewest open, and sets the rule priority', async () => {
    const a = await openTicket(t, { subject: 'Call back', channel: 'phone' });
    const b = await openTicket(t, { subject: 'Call back 2', channel: 'phone' });
    expect([assigneeName(a.assigneeId), assigneeName(b.assigneeId)]).toEqual(['dan', 'eve']);
    expect(a.priority).toBe('high');
    expect(JSON.parse(b.routing)).toEqual([
      { kind: 'ruleMatched', params: { rule: 'Phone', team: 'Tech' } },
      { kind: 'priority', params: { from: 'normal', to: 'high' } },
      { kind: 'leastLoaded', params: { team: 'Tech', name: 'Eve', open: 0 } },
    ]);
  });

  it('routes VIP customers to agents with the skill', async () => {
    await t.json('PATCH', `/api/v1/agent-status/${u.eve.id}`, t.admin, { skills: ['Senior', 'billing'] });
    expect((await t.json('POST', '/api/v1/custom-fields', t.admin, { object: 'company', key: 'tier', label: 'Tier', type: 'select', options: ['VIP', 'Standard'] })).status).toBe(201);
    const vip = (await t.json('POST', '/api/v1/companies', t.admin, { name: 'Big Co', customFields: { tier: 'VIP' } })).body.id;
    const contact = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Dana Big', companyId: vip })).body.id;
    const ticket = await openTicket(t, { subject: 'Question', contactId: contact });
    expect(assigneeName(ticket.assigneeId)).toBe('eve');
    expect(JSON.parse(ticket.routing)).toEqual([
      { kind: 'tier', params: { tier: 'vip' } },
      { kind: 'ruleMatched', params: { rule: 'VIP', team: 'Tech' } },
      { kind: 'skillRequired', params: { skill: 'senior' } },
      { kind: 'skipped', params: { name: 'Dan', cause: 'noSkill', open: null, capacity: null } },
      { kind: 'leastLoaded', params: { team: 'Tech', name: 'Eve', open: 1 } },
    ]);
  });

  it('applies routing signals (the sentiment hook): a keyword signal raises the priority and asks for a senior agent', async () => {
    registerRoutingSignal('code-red', (_ticket, text) => (/code red|红色警报/i.test(text) ? { priorityUp: true, requireSkill: 'senior', reason: 'code red asked for' } : null));
    try {
      const calm = await openTicket(t, { subject: 'Call me', channel: 'phone' });
      expect(JSON.parse(calm.routing).some((s: any) => s.kind === 'signal')).toBe(false);
      const angry = await openTicket(t, { subject: 'CODE RED on line 3', channel: 'phone' });
      expect(angry.priority).toBe('urgent'); // the rule's high, one up
      expect(assigneeName(angry.assigneeId)).toBe('eve');
      expect(JSON.parse(angry.routing).slice(0, 3)).toEqual([
        { kind: 'signal', params: { name: 'code-red', reason: 'code red asked for', priorityUp: true, skill: 'senior' } },
        { kind: 'ruleMatched', params: { rule: 'Phone', team: 'Tech' } },
        { kind: 'priority', params: { from: 'normal', to: 'urgent' } },
      ]);
    } finally {
      unregisterRoutingSignal('code-red');
    }
  });

  it('leaves a ticket no rule and no team fits unassigned, and says so; an assigned ticket is not routed', async () => {
    const lost = await openTicket(t, { subject: 'Hello', channel: 'web' });
    expect(lost).toMatchObject({ assigneeId: null, teamId: null });
    expect(JSON.parse(lost.routing)).toEqual([{ kind: 'noRuleMatched', params: {} }]);
    const mine = await openTicket(t, { subject: '发票', language: 'zh', assigneeId: u.dan.id });
    expect(mine).toMatchObject({ assigneeId: u.dan.id, routing: null });
  });
});
