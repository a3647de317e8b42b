// Who else has a ticket open: each agent's page sends a heartbeat every ~10 s and gets back the other agents seen
// in the last 30 s ("Zhang Wei is also viewing"); leaving the page removes the row.
import { z } from 'zod';
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { nowIso } from '../../../core/ids.js';
import { visibleTicketRow } from './ticket-repository.js';

export const VIEWER_TTL_MS = 30_000;

export const viewerSchema = z.object({ userId: z.string(), name: z.string(), seenAt: z.string() });
export type Viewer = z.infer<typeof viewerSchema>;

export async function heartbeat(db: Db, actor: Actor, ticketId: string): Promise<Viewer[]> {
  await visibleTicketRow(db.kysely, actor, ticketId);
  const at = nowIso();
  await db.kysely
    .insertInto('ticket_viewers')
    .values({ ticketId, userId: actor.id, seenAt: at })
    .onConflict((oc) => oc.columns(['ticketId', 'userId']).doUpdateSet({ seenAt: at }))
    .execute();
  const since = new Date(Date.now() - VIEWER_TTL_MS).toISOString();
  // Old rows of this ticket are dropped on the way, so the table stays as small as the number of open pages.
  await db.kysely.deleteFrom('ticket_viewers').where('ticketId', '=', ticketId).where('seenAt', '<', since).execute();
  return db.kysely
    .selectFrom('ticket_viewers as v')
    .innerJoin('users as u', 'u.id', 'v.userId')
    .select(['v.userId', 'u.name', 'v.seenAt'])
    .where('v.ticketId', '=', ticketId)
    .where('v.userId', '!=', actor.id)
    .orderBy('v.seenAt', 'desc')
    .execute();
}

export async function leaveTicket(db: Db, actor: Actor, ticketId: string): Promise<void> {
  await db.kysely.deleteFrom('ticket_viewers').where('ticketId', '=', ticketId).where('userId', '=', actor.id).execute();
}
