// Won/lost reasons admins manage: listed for the close-reason modal, added, renamed, reordered and removed.
import { z } from 'zod';
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { AppError, notFound } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { writeAudit } from '../../../core/audit/audit-log.js';

export const closeReasonKind = z.enum(['won', 'lost']);
export const closeReasonInput = z.strictObject({ kind: closeReasonKind, label: z.string().trim().min(1).max(200) });
export const closeReasonPatch = z.strictObject({ label: z.string().trim().min(1).max(200).optional(), position: z.number().int().min(0).max(10_000).optional() });
export const closeReasonQuery = z.object({ kind: closeReasonKind.optional() });
export const closeReasonSchema = z.object({ id: z.string(), kind: closeReasonKind, label: z.string(), position: z.number() });
export type CloseReason = z.infer<typeof closeReasonSchema>;

const columns = ['id', 'kind', 'label', 'position'] as const;

export async function listCloseReasons(db: Db, kind?: 'won' | 'lost'): Promise<CloseReason[]> {
  let q = db.kysely.selectFrom('dealCloseReasons').select(columns).orderBy('kind', 'desc').orderBy('position').orderBy('id');
  if (kind) q = q.where('kind', '=', kind);
  return q.execute();
}

async function assertFree(db: Db, kind: 'won' | 'lost', label: string, except?: string) {
  let q = db.kysely.selectFrom('dealCloseReasons').select('id').where('kind', '=', kind).where((eb) => eb(eb.fn('lower', ['label']), '=', label.toLowerCase()));
  if (except) q = q.where('id', '!=', except);
  if (await q.executeTakeFirst()) throw new AppError('conflict', 'That reason is already in the list', [{ path: 'label', message: 'duplicate' }]);
}

async function getReason(db: Db, id: string): Promise<CloseReason> {
  const r = await db.kysely.selectFrom('dealCloseReasons').select(columns).where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('Close reason');
  return r;
}

export async function addCloseReason(db: Db, actor: Actor, input: z.infer<typeof closeReasonInput>): Promise<CloseReason> {
  await assertFree(db, input.kind, input.label);
  const now = nowIso();
  const last = await db.kysely.selectFrom('dealCloseReasons').select((eb) => eb.fn.max('position').as('p')).where('kind', '=', input.kind).executeTakeFirst();
  const row = { id: newId(), kind: input.kind, label: input.label, position: last?.p == null ? 0 : Number(last.p) + 1, createdAt: now, updatedAt: now };
  await db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('dealCloseReasons').values(row).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'create', entity: 'deal_close_reason', entityId: row.id, after: row });
  });
  return getReason(db, row.id);
}

export async function changeCloseReason(db: Db, actor: Actor, id: string, patch: z.infer<typeof closeReasonPatch>): Promise<CloseReason> {
  const before = await getReason(db, id);
  if (patch.label !== undefined) await assertFree(db, before.kind, patch.label, id);
  await db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('dealCloseReasons').set({ ...patch, updatedAt: nowIso() }).where('id', '=', id).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'deal_close_reason', entityId: id, before, after: { ...before, ...patch } });
  });
  return getReason(db, id);
}

/** Deals already closed with this reason keep their text. */
export async function removeCloseReason(db: Db, actor: Actor, id: string): Promise<void> {
  const before = await getReason(db, id);
  await db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('dealCloseReasons').where('id', '=', id).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'delete', entity: 'deal_close_reason', entityId: id, before });
  });
}
