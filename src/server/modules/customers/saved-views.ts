// Saved views of the contacts and companies lists (and of other modules' lists that register): a name and the list's filters, sort and columns, personal or shared
// with the owner's team (admins see every view). Only the owner or an admin changes or deletes one.
import { z } from 'zod';
import type { Db } from '../../core/db/database.js';
import type { Actor } from '../../core/auth/actor.js';
import { AppError, notFound } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import type { SavedViewsTable } from './tables.js';
import type { Selectable } from 'kysely';

/** What a view remembers: the list's query parameters (filters, cf.<key>, q), its sort and the columns shown. */
export const savedViewState = z.strictObject({
  filters: z.record(z.string().regex(/^(cf\.)?[A-Za-z][\w-]{0,60}$/), z.string().max(200)).refine((f) => Object.keys(f).length <= 20, { error: 'at most 20 filters' }).default({}),
  sort: z.string().max(100).nullable().default(null),
  columns: z.array(z.string().max(100)).max(60).nullable().default(null),
});
export type SavedViewState = z.infer<typeof savedViewState>;

/** The lists that keep saved views: contacts and companies here; other modules register theirs ('ticket'). */
const savedViewObjects = new Set<string>(['contact', 'company']);
export function registerSavedViewObject(object: string): void {
  savedViewObjects.add(object);
}
export const savedViewObject = z.string().max(40).refine((o) => savedViewObjects.has(o), { error: 'not a list with saved views' }).describe('contact, company, ticket, …');
export const savedViewSchema = z.object({
  id: z.string(),
  object: savedViewObject,
  name: z.string(),
  shared: z.boolean(),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  teamId: z.string().nullable(),
  mine: z.boolean(),
  state: savedViewState,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

export const createSavedViewBody = z.strictObject({ object: savedViewObject, name: z.string().trim().min(1).max(80), shared: z.boolean().default(false), state: savedViewState });
export const patchSavedViewBody = z.strictObject({ name: z.string().trim().min(1).max(80).optional(), shared: z.boolean().optional(), state: savedViewState.optional() });

type Row = Selectable<SavedViewsTable> & { ownerName: string | null };

function toView(actor: Actor, r: Row): SavedView {
  return { id: r.id, object: r.object, name: r.name, shared: r.shared === 1, ownerId: r.ownerId, ownerName: r.ownerName, teamId: r.teamId, mine: r.ownerId === actor.id, state: savedViewState.parse(JSON.parse(r.state)), createdAt: r.createdAt, updatedAt: r.updatedAt };
}

function base(db: Db) {
  return db.kysely.selectFrom('savedViews as v').leftJoin('users as u', 'u.id', 'v.ownerId').selectAll('v').select('u.name as ownerName');
}

const visible = (actor: Actor, r: { ownerId: string; shared: number; teamId: string | null }) =>
  r.ownerId === actor.id || actor.role === 'admin' || (r.shared === 1 && r.teamId !== null && r.teamId === actor.teamId);

/** My views, then the views shared with my team (every shared view for an admin), by name. */
export async function listSavedViews(db: Db, actor: Actor, object: string): Promise<SavedView[]> {
  let q = base(db).where('v.object', '=', object);
  if (actor.role === 'admin') q = q.where((eb) => eb.or([eb('v.ownerId', '=', actor.id), eb('v.shared', '=', 1)]));
  else q = q.where((eb) => eb.or([eb('v.ownerId', '=', actor.id), ...(actor.teamId ? [eb.and([eb('v.shared', '=', 1), eb('v.teamId', '=', actor.teamId)])] : [])]));
  const rows = await q.orderBy('v.name').orderBy('v.id').execute();
  return rows.map((r) => toView(actor, r)).sort((a, b) => Number(b.mine) - Number(a.mine));
}

async function editable(db: Db, actor: Actor, id: string): Promise<Row> {
  const row = await base(db).where('v.id', '=', id).executeTakeFirst();
  if (!row || !visible(actor, row)) throw notFound('Saved view');
  if (row.ownerId !== actor.id && actor.role !== 'admin') throw new AppError('forbidden', 'Only the owner of a saved view or an administrator can change or delete it');
  return row;
}

export async function createSavedView(db: Db, actor: Actor, input: z.infer<typeof createSavedViewBody>): Promise<SavedView> {
  const at = nowIso();
  const id = newId();
  await db.kysely.insertInto('savedViews').values({ id, ownerId: actor.id, teamId: actor.teamId, shared: input.shared ? 1 : 0, object: input.object, name: input.name, state: JSON.stringify(input.state), createdAt: at, updatedAt: at }).execute();
  return toView(actor, (await base(db).where('v.id', '=', id).executeTakeFirst())!);
}

export async function updateSavedView(db: Db, actor: Actor, id: string, input: z.infer<typeof patchSavedViewBody>): Promise<SavedView> {
  await editable(db, actor, id);
  await db.kysely
    .updateTable('savedViews')
    .set({ ...(input.name !== undefined && { name: input.name }), ...(input.shared !== undefined && { shared: input.shared ? 1 : 0 }), ...(input.state && { state: JSON.stringify(input.state) }), updatedAt: nowIso() })
    .where('id', '=', id)
    .execute();
  return toView(actor, (await base(db).where('v.id', '=', id).executeTakeFirst())!);
}

export async function deleteSavedView(db: Db, actor: Actor, id: string): Promise<void> {
  await editable(db, actor, id);
  await db.kysely.deleteFrom('savedViews').where('id', '=', id).execute();
}
