// Who may see an e-mail conversation (and so read a message's HTML or reply): its assignee and team, the assignee and
// team of its ticket, and whoever may see its contact (the mail is on that contact's timeline too); admins all.
import type { Actor } from '../../../core/auth/actor.js';
import { visibleTo } from '../../../core/auth/actor.js';
import { contactVisibleTo } from '../../../core/auth/record-scope.js';
import type { Db } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import type { ConversationsTable } from '../tables.js';

export async function visibleConversation(db: Db, actor: Actor, id: string): Promise<ConversationsTable> {
  const row = await db.kysely
    .selectFrom('conversations as c')
    .leftJoin('tickets as t', 't.id', 'c.ticketId')
    .selectAll('c')
    .where('c.id', '=', id)
    .where((eb) =>
      eb.or([
        visibleTo(eb, actor, 'c.assigneeId', 'c.teamId'),
        eb.and([eb('t.id', 'is not', null), visibleTo(eb, actor, 't.assigneeId', 't.teamId')]),
        eb.and([eb('c.contactId', 'is not', null), contactVisibleTo(eb, actor, 'c.contactId')]),
      ]),
    )
    .executeTakeFirst();
  if (!row) throw notFound('Conversation');
  return row;
}
