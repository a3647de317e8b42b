// Reads leads (lead details joined with their contact, owner and score), scoped to what the actor may see.
import { sql } from 'kysely';
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import { visibleTo, type Actor } from '../../../core/auth/actor.js';
import { notFound } from '../../../core/errors.js';
import { decodeCursor, keysetAfter, pageOf, type Page } from '../../../core/pagination.js';
import type { Lead, LeadListQuery } from './lead-schemas.js';
import { readStoredSteps } from '../assignment/legacy-assignment-steps.js';

const scoreExpr = sql<number>`s.score`;

export const leadQuery = (db: DbOrTrx) =>
  db
    .selectFrom('leadDetails as ld')
    .innerJoin('contacts as c', 'c.id', 'ld.contactId')
    .leftJoin('companies as co', 'co.id', 'c.companyId')
    .leftJoin('users as u', 'u.id', 'c.ownerId')
    .innerJoin('leadScores as s', 's.contactId', 'ld.contactId')
    .selectAll('ld')
    .select(['c.displayName', 'c.primaryEmail', 'c.primaryPhone', 'c.title', 'c.companyId', 'co.name as companyName', 'c.lifecycleStage', 'c.ownerId', 'u.name as ownerName', 'c.teamId', 's.score', scoreExpr.as('sortScore')]);

type Row = Awaited<ReturnType<ReturnType<typeof leadQuery>['executeTakeFirstOrThrow']>>;

export function toLead(r: Row): Lead {
  return {
    contactId: r.contactId,
    displayName: r.displayName,
    email: r.primaryEmail,
    phone: r.primaryPhone,
    title: r.title,
    companyId: r.companyId,
    companyName: r.companyName,
    lifecycleStage: r.lifecycleStage,
    ownerId: r.ownerId,
    ownerName: r.ownerName,
    teamId: r.teamId,
    status: r.status,
    source: r.source,
    utm: { source: r.utmSource, medium: r.utmMedium, campaign: r.utmCampaign, term: r.utmTerm, content: r.utmContent },
    formName: r.formName,
    message: r.message,
    assignment: { status: r.assignmentStatus, ruleId: r.assignmentRuleId, explanation: r.assignmentExplanation, steps: readStoredSteps(r.assignmentSteps), assignedAt: r.assignedAt, reassignCount: Number(r.reassignCount) },
    score: r.score ?? null,
    lastTouchedAt: r.lastTouchedAt,
    convertedAt: r.convertedAt,
    dealId: r.dealId,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** A lead the actor may see, or 404 (a lead out of scope looks exactly like one that does not exist). */
export async function getLead(db: Db, actor: Actor, contactId: string): Promise<Lead> {
  const row = await leadQuery(db.kysely).where('ld.contactId', '=', contactId).where((eb) => visibleTo(eb, actor, 'c.ownerId', 'c.teamId')).executeTakeFirst();
  if (!row) throw notFound('Lead');
  return toLead(row);
}

export async function listLeads(db: Db, actor: Actor, query: LeadListQuery): Promise<Page<Lead>> {
  const sort = query.sort ?? '-createdAt';
  const desc = sort.startsWith('-');
  const byScore = sort.endsWith('score');
  const dir = desc ? 'desc' : 'asc';
  let q = leadQuery(db.kysely).where((eb) => visibleTo(eb, actor, 'c.ownerId', 'c.teamId'));
  if (query.owner === 'me') q = q.where('c.ownerId', '=', actor.id);
  else if (query.owner === 'none') q = q.where('c.ownerId', 'is', null);
  else if (query.owner) q = q.where('c.ownerId', '=', query.owner);
  if (query.status) q = q.where('ld.status', '=', query.status);
  if (query.source) q = q.where('ld.source', '=', query.source);
  if (query.minScore !== undefined) q = q.where(scoreExpr, '>=', query.minScore);
  if (query.maxScore !== undefined) q = q.where(scoreExpr, '<=', query.maxScore);
  if (query.q) {
    const like = `%${query.q.toLowerCase()}%`;
    q = q.where((eb) => eb.or([eb(eb.fn('lower', ['c.displayName']), 'like', like), eb('c.primaryEmail', 'like', like)]));
  }
  if (query.cursor) {
    q = q.where(byScore ? keysetAfter(scoreExpr, 's.contactId', decodeCursor(query.cursor, 2), dir) : keysetAfter('ld.createdAt', 'ld.contactId', decodeCursor(query.cursor, 2), dir));
  }
  q = (byScore ? q.orderBy('s.score', dir).orderBy('s.contactId', dir) : q.orderBy('ld.createdAt', dir).orderBy('ld.contactId', dir)).limit(query.limit + 1);
  const page = pageOf(await q.execute(), query.limit, (r) => [byScore ? Number(r.sortScore) : r.createdAt, r.contactId]);
  return { data: page.data.map(toLead), nextCursor: page.nextCursor };
}

export async function listActivity(db: DbOrTrx, contactId: string, limit = 50) {
  const rows = await db.selectFrom('leadActivity').select(['id', 'kind', 'occurredAt', 'detail']).where('contactId', '=', contactId).orderBy('occurredAt', 'desc').limit(limit).execute();
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}
