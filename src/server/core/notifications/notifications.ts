// Notifications to users: written by modules inside their own transactions, listed unread first, marked read by their user.
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db, DbOrTrx } from '../db/database.js';
import type { Actor } from '../auth/actor.js';
import { notFound } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import { decodeCursor, pageOf, type Page } from '../pagination.js';

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  /** Values for saying the notification in the reader's language, by kind (e.g. lead.assigned: name, steps). */
  params: z.record(z.string(), z.unknown()).nullable(),
  read: z.boolean(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notificationSchema>;

export interface NewNotification {
  userId: string;
  kind: string;
  title: string;
  body?: string | null;
  entity?: string | null;
  entityId?: string | null;
  params?: Record<string, unknown> | null;
}

/** Call inside the transaction of the change the notification is about, so both happen or neither. */
export async function createNotification(trx: DbOrTrx, n: NewNotification): Promise<string> {
  const id = newId();
  await trx
    .insertInto('notifications')
    .values({ id, userId: n.userId, kind: n.kind, title: n.title, body: n.body ?? null, entity: n.entity ?? null, entityId: n.entityId ?? null, params: n.params ? JSON.stringify(n.params) : null, readAt: null, createdAt: nowIso() })
    .execute();
  return id;
}

type Row = { id: string; kind: string; title: string; body: string | null; entity: string | null; entityId: string | null; params: string | null; readAt: string | null; createdAt: string };
const toNotification = (r: Row): Notification => ({ ...r, params: r.params ? (JSON.parse(r.params) as Record<string, unknown>) : null, read: r.readAt !== null });

/** The actor's notifications: unread first, newest first within each group. */
export async function listNotifications(db: Db, actor: Actor, query: { limit: number; cursor?: string; unread?: 'true' | 'false' }): Promise<Page<Notification>> {
  const readFlag = sql<number>`case when read_at is null then 0 else 1 end`;
  let q = db.kysely
    .selectFrom('notifications')
    .select(['id', 'kind', 'title', 'body', 'entity', 'entityId', 'params', 'readAt', 'createdAt', readFlag.as('readFlag')])
    .where('userId', '=', actor.id)
    .orderBy(readFlag)
    .orderBy('id', 'desc')
    .limit(query.limit + 1);
  if (query.unread === 'true') q = q.where('readAt', 'is', null);
  if (query.unread === 'false') q = q.where('readAt', 'is not', null);
  if (query.cursor) {
    const [flag, id] = decodeCursor(query.cursor, 2) as [number, string];
    q = q.where((eb) => eb.or([eb(readFlag, '>', flag), eb.and([eb(readFlag, '=', flag), eb('id', '<', id)])]));
  }
  const page = pageOf(await q.execute(), query.limit, (r) => [Number(r.readFlag), r.id]);
  return { data: page.data.map(({ readFlag: _f, ...r }) => toNotification(r)), nextCursor: page.nextCursor };
}

export async function markNotificationRead(db: Db, actor: Actor, id: string): Promise<Notification> {
  const row = await db.kysely.selectFrom('notifications').selectAll().where('id', '=', id).where('userId', '=', actor.id).executeTakeFirst();
  if (!row) throw notFound('Notification');
  if (row.readAt) return toNotification(row);
  const readAt = nowIso();
  await db.kysely.updateTable('notifications').set({ readAt }).where('id', '=', id).execute();
  return toNotification({ ...row, readAt });
}

export async function countUnread(db: Db, actor: Actor): Promise<number> {
  const r = await db.kysely.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('userId', '=', actor.id).where('readAt', 'is', null).executeTakeFirst();
  return Number(r?.n ?? 0);
}
