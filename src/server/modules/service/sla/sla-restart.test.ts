// SLA timers are durable: a timer set by one server fires in a new server started on the same database after the
// first one stopped (nothing of the timer is kept in process memory). Both engines.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { createServer } from '../../../server.js';
import { addTeam, addUser, always, openTicket } from './sla-test-helpers.js';

process.env.RAPPORT_OUTBOX_LAG_MS = '0';

let t: TestApp;
let second: FastifyInstance | undefined;
const dataDir = mkdtempSync(path.join(tmpdir(), 'rapport-sla-restart-'));
afterAll(async () => {
  await second?.close();
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
  vi.useRealTimers();
});

const breachEvents = (app: FastifyInstance, ticketId: string) =>
  app.db.kysely.selectFrom('ticket_events').select('data').where('ticketId', '=', ticketId).where('kind', '=', 'sla').execute().then((rows) => rows.map((r) => JSON.parse(r.data)).filter((d) => d.event === 'breach'));

describe('SLA timer across a restart', () => {
  it('breaches in a new server process on the same database', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-01T08:00:00Z'));
    t = await startTestApp();
    const manager = await addUser(t, 'max', 'Max Manager', 'manager', null);
    const teamId = await addTeam(t, 'Support', manager.id);
    await addUser(t, 'amy', 'Amy Agent', 'support', teamId);
    expect((await t.json('POST', '/api/v1/business-calendars', t.admin, always)).status).toBe(201);
    expect((await t.json('POST', '/api/v1/sla-policies', t.admin, { name: 'Fast', firstResponseMinutes: 30 })).status).toBe(201);
    const ticket = await openTicket(t, { subject: 'Printer on fire', teamId });
    const timer = await t.app.db.kysely.selectFrom('ticket_sla').selectAll().where('ticketId', '=', ticket.id).executeTakeFirstOrThrow();
    expect(timer.nextCheckAt).toBe('2026-06-01T08:30:00.000Z');

    // The first server stops before the timer is due.
    await t.app.close();

    // Time passes; a new server starts on the same database with its worker running on its own.
    vi.setSystemTime(new Date('2026-06-01T08:31:00Z'));
    second = await createServer({ databaseUrl: t.databaseUrl, dataDir, logLevel: 'silent', webDir: '/nonexistent', adminEmail: '', adminPassword: '', worker: true, outboundAllow: '' });
    let breaches: any[] = [];
    for (let i = 0; i < 100 && breaches.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      breaches = await breachEvents(second, ticket.id);
    }
    expect(breaches).toEqual([{ event: 'breach', target: 'firstResponse', dueAt: '2026-06-01T08:30:00.000Z' }]);
    const row = await second.db.kysely.selectFrom('ticket_sla').selectAll().where('ticketId', '=', ticket.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ firstResponseBreachedAt: '2026-06-01T08:31:00.000Z', nextCheckAt: null });
    const told = await second.db.kysely.selectFrom('notifications').select(['kind', 'title']).where('userId', '=', manager.id).where('kind', '=', 'sla.breach').execute();
    expect(told).toEqual([{ kind: 'sla.breach', title: `SLA breached (first response): #${ticket.number} Printer on fire` }]);
  });
});
