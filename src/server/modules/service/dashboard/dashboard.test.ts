// The service dashboard against a hand-computed fixture on both engines: open tickets by status/priority/team,
// first-response and resolution medians and p90 (interpolated), the daily backlog, CSAT/NPS, channel mix and SLA
// attainment; admins see everything (or one team), a manager their team, an agent their own tickets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import type { Db } from '../../../core/db/database.js';
import { newId } from '../../../core/ids.js';

let t: TestApp;
let db: Db;
const who: Record<string, Record<string, string>> = {};
const ids: Record<string, string> = {};
const team: Record<string, string> = {};
const URL_ = '/api/v1/service/dashboard?from=2026-11-01&to=2026-11-07';

const at = (day: string, hm: string) => `2026-${day}T${hm}:00.000Z`;
const plus = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

async function ticket(key: string, o: { team: string; assignee: string | null; created: string; fr?: number; solved?: number; closed?: string; status: string; priority: string; channel: string }) {
  const id = newId();
  ids[key] = id;
  const number = Object.keys(ids).length;
  await db.kysely.insertInto('tickets').values({ id, number, subject: key, description: null, status: o.status as never, priority: o.priority as never, category: null, channel: o.channel as never, language: null, contactId: null, companyId: null, assigneeId: o.assignee ? ids[o.assignee]! : null, teamId: team[o.team]!, tags: '[]', customFields: '{}', dealId: null, orderId: null, mergedIntoId: null, routing: null, firstRespondedAt: o.fr !== undefined ? plus(o.created, o.fr) : null, solvedAt: o.solved !== undefined ? plus(o.created, o.solved) : null, closedAt: o.closed ?? null, createdBy: null, createdAt: o.created, updatedAt: o.created }).execute();
}

async function survey(key: string, csat: number | null, nps: number | null, answeredAt: string) {
  await db.kysely.insertInto('surveys').values({ id: newId(), ticketId: ids[key]!, contactId: null, state: 'sent', sentVia: 'email', language: null, expiresAt: '2027-01-01T00:00:00.000Z', csat, nps, comment: null, answeredAt, followUpTaskId: null, assigneeId: null, teamId: null, createdAt: answeredAt, sentAt: answeredAt }).execute();
}

async function sla(key: string, o: { frMet?: boolean; frBreached?: boolean; resMet?: boolean; resBreached?: boolean }) {
  const d = '2026-11-10T00:00:00.000Z';
  await db.kysely.insertInto('ticket_sla').values({ ticketId: ids[key]!, policyId: 'p', policyName: 'Standard', calendarId: null, firstResponseMinutes: 60, firstResponseWarnAt: null, firstResponseDueAt: d, firstResponseWarnedAt: null, firstResponseBreachedAt: o.frBreached ? d : null, firstResponseMetAt: o.frMet ? d : null, resolutionMinutes: 600, resolutionWarnAt: null, resolutionDueAt: d, resolutionWarnedAt: null, resolutionBreachedAt: o.resBreached ? d : null, resolutionMetAt: o.resMet ? d : null, pausedAt: null, firstResponseLeftMinutes: null, resolutionLeftMinutes: null, nextCheckAt: null, createdAt: d, updatedAt: d }).execute();
}

async function user(key: string, role: string, teamKey: string) {
  const res = await t.json('POST', '/api/v1/users', t.admin, { email: `${key}@example.com`, name: key, password: 'dash-password-1', role, teamId: team[teamKey] });
  ids[key] = res.body.id;
  who[key] = await t.login(`${key}@example.com`, 'dash-password-1');
}

beforeAll(async () => {
  t = await startTestApp();
  db = (t.app as unknown as { db: Db }).db;
  team.A = (await t.json('POST', '/api/v1/teams', t.admin, { name: 'Team A' })).body.id;
  team.B = (await t.json('POST', '/api/v1/teams', t.admin, { name: 'Team B' })).body.id;
  await t.json('PUT', '/api/v1/roles/manager', t.admin, { visibility: 'own_team' });
  await user('mA', 'manager', 'A');
  await user('a1', 'support', 'A');
  await user('a2', 'support', 'A');
  await user('b1', 'support', 'B');
  await ticket('T1', { team: 'A', assignee: 'a1', created: at('11-01', '09:00'), fr: 10, solved: 120, status: 'solved', priority: 'normal', channel: 'email' });
  await ticket('T2', { team: 'A', assignee: 'a1', created: at('11-01', '10:00'), fr: 20, solved: 1440, status: 'solved', priority: 'normal', channel: 'chat' });
  await ticket('T3', { team: 'A', assignee: 'a2', created: at('11-02', '09:00'), fr: 30, solved: 240, closed: at('11-03', '09:00'), status: 'closed', priority: 'normal', channel: 'phone' });
  await ticket('T4', { team: 'A', assignee: 'a2', created: at('11-03', '09:00'), fr: 40, status: 'open', priority: 'high', channel: 'email' });
  await ticket('T5', { team: 'B', assignee: 'b1', created: at('11-03', '12:00'), fr: 50, solved: 2880, status: 'solved', priority: 'normal', channel: 'im' });
  await ticket('T6', { team: 'B', assignee: 'b1', created: at('11-04', '08:00'), status: 'new', priority: 'urgent', channel: 'email' });
  await ticket('T7', { team: 'A', assignee: 'a1', created: at('10-30', '08:00'), fr: 5, status: 'pending', priority: 'normal', channel: 'email' });
  await ticket('T8', { team: 'A', assignee: null, created: at('11-06', '15:00'), status: 'new', priority: 'low', channel: 'web' });
  await survey('T1', 5, 10, at('11-02', '08:00'));
  await survey('T2', 2, 6, at('11-03', '08:00'));
  await survey('T5', 4, null, at('11-05', '18:00'));
  await survey('T3', 1, 0, at('11-09', '08:00')); // after the range
  await sla('T1', { frMet: true, resMet: true });
  await sla('T2', { frMet: true, resBreached: true });
  await sla('T5', { frBreached: true });
});
afterAll(() => t.close());

describe('GET /service/dashboard', () => {
  it('an admin sees every team: the numbers of the fixture', async () => {
    const res = await t.json('GET', URL_, t.admin);
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.scope).toBe('all');
    expect(d.range).toEqual({ from: '2026-11-01', to: '2026-11-07' });
    expect(d.open).toEqual({
      total: 4,
      byStatus: [{ status: 'new', count: 2 }, { status: 'open', count: 1 }, { status: 'pending', count: 1 }],
      byPriority: [{ priority: 'high', count: 1 }, { priority: 'low', count: 1 }, { priority: 'normal', count: 1 }, { priority: 'urgent', count: 1 }],
      byTeam: [{ teamId: team.A, teamName: 'Team A', count: 3 }, { teamId: team.B, teamName: 'Team B', count: 1 }],
    });
    expect(d.firstResponse).toEqual({ count: 5, medianMinutes: 30, p90Minutes: 46 });
    expect(d.resolution).toEqual({ count: 4, medianMinutes: 840, p90Minutes: 2448 });
    expect(d.backlog.map((x: any) => [x.date.slice(5), x.open, x.created, x.solved])).toEqual([
      ['11-01', 2, 2, 1],
      ['11-02', 1, 1, 2],
      ['11-03', 3, 2, 0],
      ['11-04', 4, 1, 0],
      ['11-05', 3, 0, 1],
      ['11-06', 4, 1, 0],
      ['11-07', 4, 0, 0],
    ]);
    expect(d.channels).toEqual([{ channel: 'email', count: 3 }, { channel: 'chat', count: 1 }, { channel: 'im', count: 1 }, { channel: 'phone', count: 1 }, { channel: 'web', count: 1 }]);
    expect(d.satisfaction).toEqual({
      responses: 3,
      csatAverage: 3.7,
      csatSatisfiedPct: 66.7,
      nps: 0,
      npsResponses: 2,
      trend: [
        { period: '2026-11-02', responses: 1, csatAverage: 5, nps: 100 },
        { period: '2026-11-03', responses: 1, csatAverage: 2, nps: -100 },
        { period: '2026-11-05', responses: 1, csatAverage: 4, nps: null },
      ],
    });
    expect(d.sla).toEqual({
      firstResponse: { met: 2, breached: 1, running: 0, attainmentPct: 66.7 },
      resolution: { met: 1, breached: 1, running: 1, attainmentPct: 50 },
    });
    expect(d.slaNote).toBeNull();
  });

  it('one team when asked; a manager sees the team, an agent only their own tickets', async () => {
    const b = (await t.json('GET', `${URL_}&teamId=${team.B}`, t.admin)).body;
    expect(b.open.total).toBe(1);
    expect(b.firstResponse).toEqual({ count: 1, medianMinutes: 50, p90Minutes: 50 });
    expect(b.resolution).toEqual({ count: 1, medianMinutes: 2880, p90Minutes: 2880 });

    const m = (await t.json('GET', URL_, who.mA!)).body;
    expect(m.scope).toBe('team');
    expect(m.open.total).toBe(3);
    expect(m.firstResponse).toEqual({ count: 4, medianMinutes: 25, p90Minutes: 37 });
    expect(m.resolution).toEqual({ count: 3, medianMinutes: 240, p90Minutes: 1200 });
    expect(m.open.byTeam).toEqual([{ teamId: team.A, teamName: 'Team A', count: 3 }]);

    const a = (await t.json('GET', URL_, who.a1!)).body;
    expect(a.scope).toBe('own');
    expect(a.open).toMatchObject({ total: 1, byStatus: [{ status: 'pending', count: 1 }] });
    expect(a.firstResponse).toEqual({ count: 2, medianMinutes: 15, p90Minutes: 19 });
    expect(a.satisfaction).toMatchObject({ responses: 2, csatAverage: 3.5, nps: 0 });
    expect(a.channels).toEqual([{ channel: 'chat', count: 1 }, { channel: 'email', count: 1 }]);
    expect(a.sla.resolution).toEqual({ met: 1, breached: 1, running: 0, attainmentPct: 50 });
    // Another team's filter shows nothing of it to an agent.
    expect((await t.json('GET', `${URL_}&teamId=${team.B}`, who.a1!)).body.open.total).toBe(0);
  });

  it('says when no SLA applies, and refuses a reversed or too long range', async () => {
    const empty = (await t.json('GET', '/api/v1/service/dashboard?from=2025-01-01&to=2025-01-31', t.admin)).body;
    expect(empty).toMatchObject({ sla: null, slaNote: 'No ticket created in this range is under an SLA policy', firstResponse: { count: 0, medianMinutes: null, p90Minutes: null } });
    expect(empty.backlog).toHaveLength(31);
    const reversed = await t.json('GET', '/api/v1/service/dashboard?from=2026-11-07&to=2026-11-01', t.admin);
    expect(reversed.status).toBe(422);
    expect((await t.json('GET', '/api/v1/service/dashboard?from=2024-01-01&to=2026-01-01', t.admin)).status).toBe(422);
    expect((await t.json('GET', '/api/v1/service/dashboard?from=2026-13-01', t.admin)).status).toBe(422);
  });
});
