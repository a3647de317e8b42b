// Records one call from a telephony system: the calls row (unique by the system's call id) first, then the `call`
// interaction on the contact's timeline, the message in the caller's phone conversation and, for a missed inbound
// call from a known customer, a task for the contact's owner. Each step is skipped when already done, so a retry
// after a crash finishes the work without doubling any of it.
import type { Selectable } from 'kysely';
import type { Db } from '../../../core/db/database.js';
import { systemActor } from '../../../core/auth/actor.js';
import { newId, nowIso } from '../../../core/ids.js';
import { logInteraction } from '../../interactions/index.js';
import { appendMessage } from '../conversations/append-message.js';
import type { CallsTable } from './phone-tables.js';
import type { Call, CallInput } from './call-schemas.js';
import { matchContactByPhone, normaliseNumber } from './match-caller.js';

export type CallRecord = Selectable<CallsTable>;
const MISSED = new Set(['missed', 'voicemail', 'busy']);
const TIMELINE_TEXT = 20_000;

export const toCall = (r: CallRecord): Call => ({
  id: r.id,
  callId: r.externalId,
  direction: r.direction,
  status: r.status,
  from: r.fromNumber,
  to: r.toNumber,
  customerNumber: r.customerNumber,
  contactId: r.contactId,
  agentId: r.agentId,
  startedAt: r.startedAt,
  durationSeconds: r.durationSeconds,
  recordingUrl: r.recordingUrl,
  transcript: r.transcript,
  interactionId: r.interactionId,
  conversationId: r.conversationId,
  taskId: r.taskId,
  createdAt: r.createdAt,
});

export const findCall = (db: Db, externalId: string) => db.kysely.selectFrom('calls').selectAll().where('externalId', '=', externalId).executeTakeFirst();

async function insertCall(db: Db, input: CallInput, rawId: string | null): Promise<CallRecord> {
  const from = await normaliseNumber(db.kysely, input.from);
  const to = await normaliseNumber(db.kysely, input.to);
  const customer = input.direction === 'inbound' ? from : to;
  const contact = customer.valid ? await matchContactByPhone(db.kysely, customer.number) : null;
  const agent = input.agentEmail
    ? await db.kysely.selectFrom('users').select('id').where('email', '=', input.agentEmail.toLowerCase()).where('active', '=', 1).executeTakeFirst()
    : undefined;
  const row: CallRecord = {
    id: newId(),
    externalId: input.callId,
    direction: input.direction,
    status: input.status,
    fromNumber: from.number,
    toNumber: to.number,
    customerNumber: customer.number,
    contactId: contact?.id ?? null,
    agentId: agent?.id ?? null,
    startedAt: new Date(input.startedAt).toISOString(),
    durationSeconds: input.durationSeconds,
    recordingUrl: input.recordingUrl ?? null,
    transcript: input.transcript ?? null,
    interactionId: null,
    conversationId: null,
    messageId: null,
    taskId: null,
    inboundRawId: rawId,
    createdAt: nowIso(),
  };
  // Two deliveries of one call racing: the unique call id lets one insert win; the other reads the winner's row.
  await db.kysely.insertInto('calls').values(row).onConflict((oc) => oc.column('externalId').doNothing()).execute();
  return (await findCall(db, input.callId))!;
}

const minutes = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

function summary(c: CallRecord): string {
  const who = c.direction === 'inbound' ? `Inbound call from ${c.customerNumber}` : `Outbound call to ${c.customerNumber}`;
  return MISSED.has(c.status) ? `${who} (${c.status})` : `${who} (${minutes(c.durationSeconds)})`;
}

function bodyOf(c: CallRecord): string {
  const parts = [c.recordingUrl ? `Recording: ${c.recordingUrl}` : null, c.transcript ? `Transcript:\n${c.transcript}` : null].filter(Boolean);
  return parts.join('\n\n').slice(0, TIMELINE_TEXT);
}

/** Stores the call and everything that follows from it; returns the call and whether it was new. */
export async function recordCall(db: Db, input: CallInput, rawId: string | null = null): Promise<{ call: Call; created: boolean }> {
  const existing = await findCall(db, input.callId);
  let row = existing ?? (await insertCall(db, input, rawId));
  const created = !existing && row.inboundRawId === rawId;
  const set = async (patch: Partial<CallRecord>) => {
    await db.kysely.updateTable('calls').set(patch).where('id', '=', row.id).execute();
    row = { ...row, ...patch };
  };
  if (row.contactId && !row.interactionId) {
    const i = await logInteraction(db, systemActor, {
      type: 'call',
      contactId: row.contactId,
      subject: summary(row),
      body: bodyOf(row) || null,
      occurredAt: row.startedAt,
      direction: row.direction,
      durationSeconds: row.durationSeconds,
      outcome: row.status,
    });
    await set({ interactionId: i.id });
  }
  if (!row.conversationId) {
    const stored = await appendMessage(
      db,
      { channelKind: 'phone', externalThreadId: `tel:${row.customerNumber}`, contactId: row.contactId, subject: row.customerNumber },
      {
        direction: row.direction === 'inbound' ? 'in' : 'out',
        authorKind: row.direction === 'inbound' ? 'contact' : 'agent',
        authorId: row.direction === 'inbound' ? row.contactId : row.agentId,
        bodyText: [summary(row), row.transcript].filter(Boolean).join('\n\n').slice(0, TIMELINE_TEXT),
        externalId: `call:${row.externalId}`,
        headers: { callId: row.externalId, status: row.status, durationSeconds: row.durationSeconds, recordingUrl: row.recordingUrl },
        status: row.direction === 'inbound' ? 'received' : 'sent',
        createdAt: row.startedAt,
      },
    );
    await set({ conversationId: stored.conversation.id, messageId: stored.message.id });
  }
  if (row.contactId && row.direction === 'inbound' && MISSED.has(row.status) && !row.taskId) {
    const owner = await db.kysely
      .selectFrom('contacts as c')
      .leftJoin('users as u', 'u.id', 'c.ownerId')
      .select(['c.ownerId', 'c.displayName', 'u.active'])
      .where('c.id', '=', row.contactId)
      .executeTakeFirst();
    const task = await logInteraction(db, systemActor, {
      type: 'task',
      contactId: row.contactId,
      subject: `Call back ${owner?.displayName ?? row.customerNumber}: missed call from ${row.customerNumber}`,
      dueAt: new Date(Date.now() + 4 * 3600_000).toISOString(),
      assigneeId: owner?.ownerId && owner.active === 1 ? owner.ownerId : null,
    });
    await set({ taskId: task.id });
  }
  return { call: toCall(row), created };
}
