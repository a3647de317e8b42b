// Test helpers of SLA and routing: users in teams, tickets opened through the tickets service, time moved forward.
import { expect, vi } from 'vitest';
import type { TestApp } from '../../../test/test-app.js';
import { systemActor } from '../../../core/auth/actor.js';
import { createTicket } from '../tickets/create-ticket.js';
import { updateTicket } from '../tickets/update-ticket.js';
import type { TicketInput, TicketPatch } from '../tickets/ticket-schemas.js';

export const always = { name: 'Always', timeZone: 'UTC', week: Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]), holidays: [] };

export async function addUser(t: TestApp, key: string, name: string, role: string, teamId: string | null): Promise<{ id: string; headers: Record<string, string> }> {
  const res = await t.json('POST', '/api/v1/users', t.admin, { email: `${key}@example.com`, name, password: 'password-123', role, teamId });
  expect(res.status).toBe(201);
  return { id: res.body.id, headers: await t.login(`${key}@example.com`, 'password-123') };
}

export async function addTeam(t: TestApp, name: string, managerId?: string): Promise<string> {
  const team = (await t.json('POST', '/api/v1/teams', t.admin, { name })).body;
  if (managerId) await t.json('PATCH', `/api/v1/teams/${team.id}`, t.admin, { managerId });
  return team.id;
}

/** Opens a ticket as the system would (a channel, an integration) and lets routing and SLA react. */
export async function openTicket(t: TestApp, input: TicketInput): Promise<any> {
  const ticket = await createTicket(t.app.db, systemActor, input);
  await t.app.worker.drain();
  return (await t.app.db.kysely.selectFrom('tickets').selectAll().where('id', '=', ticket.id).executeTakeFirstOrThrow());
}

export async function changeTicket(t: TestApp, id: string, patch: TicketPatch): Promise<void> {
  await updateTicket(t.app.db, systemActor, id, patch);
  await t.app.worker.drain();
}

/** Moves the clock (Date only; timers and I/O stay real) to `minutes` after `from`, then runs the worker. */
export async function at(t: TestApp, from: string, minutes: number): Promise<void> {
  vi.setSystemTime(new Date(new Date(from).getTime() + minutes * 60_000));
  await t.app.worker.drain();
}

export const slaEvents = async (t: TestApp, ticketId: string) =>
  (await t.app.db.kysely.selectFrom('ticket_events').select(['data']).where('ticketId', '=', ticketId).where('kind', '=', 'sla').orderBy('createdAt').orderBy('id').execute()).map((e) => JSON.parse(e.data));

export const notificationsOf = async (t: TestApp, headers: Record<string, string>, kind: string) => (await t.json('GET', '/api/v1/notifications?limit=100', headers)).body.data.filter((n: any) => n.kind === kind);
