// Reads the inbox: conversations the actor may see (assignee or team, as tickets), with the names they may see, the
// list's filters and keyset pages, unread counts per view, and a conversation's messages.
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import { unionCount, unionPageIds, visibilityAlternatives, type Condition } from '../../../core/db/keyset-union.js';
import { visibleTo, type Actor } from '../../../core/auth/actor.js';
import { notFound } from '../../../core/errors.js';
import { decodeCursor, keysetAfter, pageOf, type Page } from '../../../core/pagination.js';
import type { Conversation, ConversationListQuery, InboxMessage } from './inbox-schemas.js';

/** Conversations (alias cv) with the contact name only when the actor may see the contact; not yet filtered. */
export function conversationQuery(db: DbOrTrx, actor: Actor) {
  return db
    .selectFrom('conversations as cv')
    .leftJoin('contacts as c', (j) => j.onRef('c.id', '=', 'cv.contactId').on((eb) => visibleTo(eb, actor, 'c.ownerId', 'c.teamId')))
    .leftJoin('users as u', 'u.id', 'cv.assigneeId')
    .leftJoin('widget_visitors as wv', 'wv.id', 'cv.visitorId')
    .selectAll('cv')
    .select(['c.displayName as contactName', 'u.name as assigneeName', 'wv.name as visitorName', 'wv.email as visitorEmail']);
}

/** Where the actor may see the conversation (alias cv): its assignee, its team, or everyone for visibility 'all'. */
export const conversationVisible = (actor: Actor) => (eb: any) => visibleTo(eb, actor, 'cv.assigneeId', 'cv.teamId');

type Row = Awaited<ReturnType<ReturnType<typeof conversationQuery>['executeTakeFirstOrThrow']>>;

export function toConversation(r: Row): Conversation {
  return {
    id: r.id,
    channelKind: r.channelKind,
    channelId: r.channelId,
    status: r.status,
    subject: r.subject,
    contactId: r.contactId,
    contactName: r.contactName ?? null,
    visitorName: r.visitorName ?? null,
    visitorEmail: r.visitorEmail ?? null,
    assigneeId: r.assigneeId,
    assigneeName: r.assigneeName ?? null,
    teamId: r.teamId,
    ticketId: r.ticketId,
    language: r.language,
    lastMessageAt: r.lastMessageAt,
    lastMessagePreview: r.lastMessagePreview,
    unreadCount: Number(r.unreadCount),
    createdAt: r.createdAt,
  };
}

/** The filter of one inbox view, on conversations aliased cv. */
function viewFilter(actor: Actor, view: ConversationListQuery['view']) {
  return (eb: any) => {
    if (view === 'mine') return eb('cv.assigneeId', '=', actor.id);
    if (view === 'unassigned') return eb('cv.assigneeId', 'is', null);
    if (view === 'team') return eb('cv.teamId', '=', actor.teamId ?? '');
    return eb.lit(true);
  };
}

/** Visibility as alternatives within one view: none for "mine" and "my team's" (they keep to it by themselves), only
 * the team for "unassigned" (assigned to me is impossible there). */
function visibleIn(actor: Actor, view: ConversationListQuery['view']): Condition[] {
  if (view === 'mine' || (view === 'team' && actor.teamId !== null)) return [];
  return visibilityAlternatives(actor, 'cv.assigneeId', 'cv.teamId', view === 'unassigned');
}

export async function listConversations(db: Db, actor: Actor, query: ConversationListQuery): Promise<Page<Conversation>> {
  const filtered = <O>(q: SelectQueryBuilder<any, any, O>) => {
    let f = q.where(viewFilter(actor, query.view));
    if (query.status !== 'any') f = f.where('cv.status', '=', query.status);
    if (query.channel) f = f.where('cv.channelKind', '=', query.channel);
    return query.cursor ? f.where(keysetAfter('cv.lastMessageAt', 'cv.id', decodeCursor(query.cursor, 2), 'desc')) : f;
  };
  let q = filtered(conversationQuery(db.kysely, actor));
  // "Assigned to me OR my team's": each alternative reads its own index range newest first; the page is the first ids
  // of their union (one OR would collect and sort every conversation the team sees).
  const alternatives = visibleIn(actor, query.view);
  if (alternatives.length > 1) {
    const k = db.kysely as unknown as Kysely<any>;
    const parts = alternatives.map((c) => filtered(k.selectFrom('conversations as cv').select(['cv.id as id', 'cv.lastMessageAt as k'])).where(c).orderBy('cv.lastMessageAt', 'desc').orderBy('cv.id', 'desc').limit(query.limit + 1));
    const ids = await unionPageIds(k, parts, 'desc', query.limit + 1);
    if (!ids.length) return { data: [], nextCursor: null };
    q = q.where('cv.id', 'in', ids);
  } else if (alternatives.length) q = q.where(alternatives[0]!);
  const rows = await q.orderBy('cv.lastMessageAt', 'desc').orderBy('cv.id', 'desc').limit(query.limit + 1).execute();
  return pageOf(rows.map(toConversation), query.limit, (c) => [c.lastMessageAt, c.id]);
}

/** The unread badge's condition written out literally: SQLite uses the partial indexes of migration 0134 only for
 * the very same terms (a bound parameter does not match the index's literal). */
const UNREAD_OPEN = sql<boolean>`cv.status in ('open', 'pending') and cv.unread_count > 0`;

/** Counts stop here: the badge says "999+" rather than scanning a huge backlog on every refresh. */
export const UNREAD_CAP = 999;

/** Open or pending conversations with unread customer messages, per view. */
export async function unreadCounts(db: Db, actor: Actor): Promise<Record<'mine' | 'unassigned' | 'team' | 'all', number>> {
  const count = async (view: ConversationListQuery['view']) => {
    const k = db.kysely as unknown as Kysely<any>;
    const base = k.selectFrom('conversations as cv').select('cv.id').where(viewFilter(actor, view)).where(UNREAD_OPEN);
    const alternatives = visibleIn(actor, view);
    return unionCount(k, alternatives.length ? alternatives.map((c) => base.where(c)) : [base], UNREAD_CAP);
  };
  const [mine, unassigned, team, all] = await Promise.all([count('mine'), count('unassigned'), actor.teamId ? count('team') : Promise.resolve(0), count('all')]);
  return { mine, unassigned, team, all };
}

export async function getConversation(db: DbOrTrx, actor: Actor, id: string): Promise<Conversation> {
  const row = await conversationQuery(db, actor).where('cv.id', '=', id).where(conversationVisible(actor)).executeTakeFirst();
  if (!row) throw notFound('Conversation');
  return toConversation(row);
}

/** Messages with their author's name (agents by user name); newest first by page. */
export function messageQuery(db: DbOrTrx) {
  return db
    .selectFrom('messages as m')
    .leftJoin('users as au', (j) => j.onRef('au.id', '=', 'm.authorId').on('m.authorKind', '=', 'agent'))
    .select(['m.id', 'm.conversationId', 'm.direction', 'm.authorKind', 'm.authorId', 'm.bodyText', 'm.status', 'm.private', 'm.createdAt', 'au.name as authorName'])
    .select((eb) => eb('m.bodyHtml', 'is not', null).as('hasHtml'));
}

type MessageRow = Awaited<ReturnType<ReturnType<typeof messageQuery>['executeTakeFirstOrThrow']>>;

export const toMessage = (r: MessageRow): InboxMessage => ({
  id: r.id,
  conversationId: r.conversationId,
  direction: r.direction,
  authorKind: r.authorKind,
  authorId: r.authorId,
  authorName: r.authorName ?? null,
  bodyText: r.bodyText,
  hasHtml: Boolean(r.hasHtml),
  status: r.status,
  private: Boolean(r.private),
  createdAt: r.createdAt,
});

/** A page of a conversation's messages, newest first; `withPrivate` false leaves agents' notes out (the visitor's view). */
export async function listMessages(db: DbOrTrx, conversationId: string, opts: { limit: number; cursor?: string; withPrivate: boolean }): Promise<Page<InboxMessage>> {
  let q = messageQuery(db).where('m.conversationId', '=', conversationId);
  if (!opts.withPrivate) q = q.where('m.private', '=', 0);
  if (opts.cursor) q = q.where(keysetAfter('m.createdAt', 'm.id', decodeCursor(opts.cursor, 2), 'desc'));
  const rows = await q.orderBy('m.createdAt', 'desc').orderBy('m.id', 'desc').limit(opts.limit + 1).execute();
  return pageOf(rows.map(toMessage), opts.limit, (m) => [m.createdAt, m.id]);
}

export async function findMessage(db: DbOrTrx, id: string): Promise<InboxMessage | undefined> {
  const row = await messageQuery(db).where('m.id', '=', id).executeTakeFirst();
  return row ? toMessage(row) : undefined;
}

/** Marks the conversation read by agents. */
export async function markRead(db: DbOrTrx, id: string): Promise<void> {
  await db.updateTable('conversations').set({ unreadCount: 0 }).where('id', '=', id).where('unreadCount', '>', 0).execute();
}

