// Macros (canned replies): a name, the reply in English and Chinese with {{variables}}, and optional actions
// (status, priority, tags) applied with the reply. Everyone reads them; managers and admins write them.
import { z } from 'zod';
import type { Db } from '../../../../core/db/database.js';
import type { Actor } from '../../../../core/auth/actor.js';
import { notFound } from '../../../../core/errors.js';
import { newId, nowIso } from '../../../../core/ids.js';
import { ticketPriorities } from '../../tables.js';
import type { MacrosTable } from '../ticket-tables.js';

export const macroActions = z.strictObject({
  status: z.enum(['open', 'pending', 'on_hold', 'solved']).optional(),
  priority: z.enum(ticketPriorities).optional(),
  addTags: z.array(z.string().trim().min(1).max(50)).max(10).optional(),
});
export const macroInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  bodyEn: z.string().trim().min(1, 'a macro needs its English text').max(10_000),
  bodyZh: z.string().trim().max(10_000).nullish(),
  actions: macroActions.default({}),
});
export const macroPatch = macroInput.partial();
export const macroSchema = z.object({ id: z.string(), name: z.string(), bodyEn: z.string(), bodyZh: z.string().nullable(), actions: macroActions, createdAt: z.string(), updatedAt: z.string() });
export type Macro = z.infer<typeof macroSchema>;

const toMacro = (r: MacrosTable): Macro => ({ id: r.id, name: r.name, bodyEn: r.bodyEn, bodyZh: r.bodyZh, actions: macroActions.parse(JSON.parse(r.actions)), createdAt: r.createdAt, updatedAt: r.updatedAt });

export async function listMacros(db: Db, q?: string): Promise<Macro[]> {
  let query = db.kysely.selectFrom('macros').selectAll().orderBy('name').orderBy('id').limit(500);
  if (q) query = query.where((eb) => eb(eb.fn('lower', ['name']), 'like', `%${q.toLowerCase().replace(/[\\%_]/g, '')}%`));
  return (await query.execute()).map(toMacro);
}

export async function getMacro(db: Db, id: string): Promise<Macro> {
  const row = await db.kysely.selectFrom('macros').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Macro');
  return toMacro(row);
}

export async function createMacro(db: Db, actor: Actor, raw: z.input<typeof macroInput>): Promise<Macro> {
  const input = macroInput.parse(raw);
  const at = nowIso();
  const row: MacrosTable = { id: newId(), name: input.name, bodyEn: input.bodyEn, bodyZh: input.bodyZh || null, actions: JSON.stringify(input.actions), createdBy: actor.id === 'system' ? null : actor.id, createdAt: at, updatedAt: at };
  await db.kysely.insertInto('macros').values(row).execute();
  return toMacro(row);
}

export async function updateMacro(db: Db, id: string, patch: z.infer<typeof macroPatch>): Promise<Macro> {
  await getMacro(db, id);
  await db.kysely
    .updateTable('macros')
    .set({
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.bodyEn !== undefined && { bodyEn: patch.bodyEn }),
      ...(patch.bodyZh !== undefined && { bodyZh: patch.bodyZh || null }),
      ...(patch.actions !== undefined && { actions: JSON.stringify(patch.actions) }),
      updatedAt: nowIso(),
    })
    .where('id', '=', id)
    .execute();
  return getMacro(db, id);
}

export async function deleteMacro(db: Db, id: string): Promise<void> {
  await getMacro(db, id);
  await db.kysely.deleteFrom('macros').where('id', '=', id).execute();
}
