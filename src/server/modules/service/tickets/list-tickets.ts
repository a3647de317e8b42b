// The ticket list: filters (status, priority, assignee incl. "me"/"unassigned", team, channel, tag, requester,
// company, q on subject and number), sort, keyset cursors and a total (estimated beyond 100,000), always within
// ticket visibility.
import { sql, type Expression, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../../core/db/database.js';
import { crossConditions, unionPageIds, visibilityAlternatives, type Condition } from '../../../core/db/keyset-union.js';
import type { Actor } from '../../../core/auth/actor.js';
import { AppError } from '../../../core/errors.js';
import { decodeCursor, keysetAfter, pageOf, type Page } from '../../../core/pagination.js';
import type { Database } from '../../../db-schema.js';
import { COUNT_CAP, estimateCount, searchPredicate, type RecordCount } from '../../customers/index.js';
import { ticketQuery, ticketVisible, toTicket } from './ticket-repository.js';
import type { Ticket, TicketFilters, TicketListQuery } from './ticket-schemas.js';

const priorityRank = sql<number>`(case t.priority when 'urgent' then 4 when 'high' then 3 when 'normal' then 2 else 1 end)`;
const statusRank = sql<number>`(case t.status when 'new' then 1 when 'open' then 2 when 'pending' then 3 when 'on_hold' then 4 when 'solved' then 5 else 6 end)`;
const sorts: Record<string, { key: string | Expression<unknown>; value: (t: Ticket) => string | number }> = {
  createdAt: { key: 't.createdAt', value: (t) => t.createdAt },
  updatedAt: { key: 't.updatedAt', value: (t) => t.updatedAt },
  number: { key: 't.number', value: (t) => t.number },
  priority: { key: priorityRank, value: (t) => ({ urgent: 4, high: 3, normal: 2, low: 1 })[t.priority] },
  status: { key: statusRank, value: (t) => ({ new: 1, open: 2, pending: 3, on_hold: 4, solved: 5, closed: 6 })[t.status] },
};

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/** A filter on my own tickets or my team's already keeps to what I may see (and its index answers it alone). */
const keepsToOwn = (actor: Actor, f: TicketFilters) => f.assigneeId === 'me' || f.assigneeId === actor.id || (actor.teamId !== null && (f.teamId === 'mine' || f.teamId === actor.teamId));

/** The list's WHERE on tickets aliased t: visibility (unless the caller splits it), merged tickets hidden, the filters. */
export function filterTickets<O>(db: Db, actor: Actor, query: SelectQueryBuilder<any, any, O>, f: TicketFilters, visibility = true): SelectQueryBuilder<any, any, O> {
  let q = (visibility && !keepsToOwn(actor, f) ? query.where(ticketVisible(actor)) : query).where('t.mergedIntoId', 'is', null);
  if (f.status?.length) q = q.where('t.status', 'in', f.status);
  if (f.priority?.length) q = q.where('t.priority', 'in', f.priority);
  if (f.assigneeId === 'unassigned') q = q.where('t.assigneeId', 'is', null);
  else if (f.assigneeId) q = q.where('t.assigneeId', '=', f.assigneeId === 'me' ? actor.id : f.assigneeId);
  if (f.teamId) q = q.where('t.teamId', '=', f.teamId === 'mine' ? (actor.teamId ?? '') : f.teamId);
  if (f.channel) q = q.where('t.channel', '=', f.channel);
  if (f.tag) q = q.where(sql<boolean>`t.tags like ${'%' + likeEscape(JSON.stringify(f.tag)) + '%'} escape '\\'`);
  if (f.contactId) q = q.where('t.contactId', '=', f.contactId);
  if (f.companyId) q = q.where('t.companyId', '=', f.companyId);
  const text = f.q?.trim();
  if (text) {
    const num = /^#?\d{1,9}$/.test(text) ? Number(text.replace('#', '')) : null;
    const found = sql<boolean>`t.id in (select s.entity_id from search_index s where s.entity = 'ticket' and ${searchPredicate(db.engine, text)})`;
    q = q.where((eb) => (num !== null ? eb.or([eb('t.number', '=', num), found as never]) : (found as never)));
  }
  return q;
}

export async function listTickets(db: Db, actor: Actor, query: TicketListQuery): Promise<Page<Ticket>> {
  const raw = query.sort ?? '-createdAt';
  const desc = raw.startsWith('-');
  const name = desc ? raw.slice(1) : raw;
  const sort = sorts[name];
  if (!sort) throw new AppError('validation', `Cannot sort tickets by "${name}"`, [{ path: 'sort', message: `one of ${Object.keys(sorts).join(', ')} (prefix - for descending)` }]);
  const dir = desc ? 'desc' : 'asc';
  const key = typeof sort.key === 'string' ? sql.ref(sort.key) : sort.key;
  const after = query.cursor ? keysetAfter(sort.key, 't.id', decodeCursor(query.cursor, 2), dir) : null;
  const branches = name === 'createdAt' ? createdAtBranches(actor, query) : [];
  let q = filterTickets(db, actor, ticketQuery(db.kysely, actor), query, branches.length === 0);
  if (branches.length) {
    // Each alternative reads its own index range in creation order; the page is the first ids of their union.
    const k = db.kysely as unknown as Kysely<any>;
    const parts = branches.map((c) => {
      const b = filterTickets(db, actor, k.selectFrom('tickets as t').select(['t.id as id', 't.createdAt as k']), { ...query, status: undefined }, false).where(c);
      return (after ? b.where(after) : b).orderBy('t.createdAt', dir).orderBy('t.id', dir).limit(query.limit + 1);
    });
    const ids = await unionPageIds(k, parts, dir, query.limit + 1);
    if (!ids.length) return { data: [], nextCursor: null };
    q = q.where('t.id', 'in', ids);
  } else if (after) q = q.where(after);
  const rows = await q.orderBy(key as never, dir).orderBy('t.id', dir).limit(query.limit + 1).execute();
  return pageOf(rows.map(toTicket), query.limit, (t) => [sort.value(t), t.id]);
}

/**
 * A rep's "assigned to me OR my team's" and a list of statuses, as alternatives each answered by an index on
 * (assignee | team | status…, created_at, id); none when one index range already answers the query in order.
 */
function createdAtBranches(actor: Actor, f: TicketFilters): Condition[] {
  const statuses: Condition[] = (f.status?.length ?? 0) > 1 ? f.status!.map((s) => (eb) => eb('t.status', '=', s)) : f.status?.length ? [(eb) => eb('t.status', '=', f.status![0]!)] : [];
  const visible = keepsToOwn(actor, f) ? [] : visibilityAlternatives(actor, 't.assigneeId', 't.teamId', f.assigneeId !== undefined);
  const all = crossConditions(visible, statuses);
  return all.length > 1 ? all : [];
}

export const TICKET_COUNT_CAP = COUNT_CAP;

const anyFilter = (f: TicketFilters) => Object.values(f).some((v) => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== ''));

/** How many tickets the filters match: exact up to the cap, beyond it a fast estimate flagged as such (as contacts). */
export async function countTickets(db: Db, actor: Actor, filters: TicketFilters, cap = TICKET_COUNT_CAP): Promise<RecordCount> {
  const k = db.kysely as unknown as Kysely<Database>;
  const matching = filterTickets(db, actor, k.selectFrom('tickets as t').select(sql<number>`1`.as('one')), filters);
  const row = await k.selectFrom(matching.limit(cap + 1).as('x')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const n = Number(row.n);
  if (n <= cap) return { total: n, estimated: false };
  // Merged tickets are always left out, so the table's size alone is never the answer.
  return estimateCount(db, cap, {
    table: 'tickets',
    unfiltered: false,
    planned: matching.compile(),
    sampleHits: async (sample) => {
      const hits = filterTickets(db, actor, k.selectFrom(sample.as('t')).select(sql<number>`1`.as('one')), filters);
      return Number((await k.selectFrom(hits.as('x')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    },
  });
}
