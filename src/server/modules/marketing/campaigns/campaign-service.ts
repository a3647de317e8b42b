// Campaign use cases: create, edit (drafts only), list with delivery stats, schedule (a durable job due at the wall
// time in the chosen zone), cancel, delete.
import { sql } from 'kysely';
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db/database.js';
import { AppError, notFound } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { cancelJob, enqueueJob } from '../../../core/jobs/job-queue.js';
import { contactScopeSql } from '../../customers/index.js';
import { localToInstant } from '../../service/index.js';
import type { CampaignsTable } from './campaign-tables.js';
import type { Campaign, CreateCampaignBody, PatchCampaignBody } from './campaign-schemas.js';
import { SEND_JOB } from './send-campaign.js';

type Row = CampaignsTable & { segmentName: string | null };

async function statsOf(db: Db, actor: Actor, ids: string[]) {
  const out = new Map<string, Campaign['stats']>();
  if (!ids.length) return out;
  const rows = await db.kysely
    .selectFrom('campaignRecipients as cr')
    .innerJoin('contacts as r', 'r.id', 'cr.contactId')
    .select((eb) => [
      'cr.campaignId',
      eb.fn.countAll<number>().as('audience'),
      eb.fn.sum<number>(sql`case when cr.status = 'sent' then 1 else 0 end`).as('sent'),
      eb.fn.count<number>('cr.openedAt').as('opened'),
      eb.fn.count<number>('cr.clickedAt').as('clicked'),
    ])
    .where('cr.campaignId', 'in', ids)
    .where(contactScopeSql(db, actor, true))
    .groupBy('cr.campaignId')
    .execute();
  for (const r of rows) {
    const sent = Number(r.sent ?? 0);
    out.set(r.campaignId, { audience: Number(r.audience), sent, opened: Number(r.opened), clicked: Number(r.clicked), openRate: sent ? Number(r.opened) / sent : 0, clickRate: sent ? Number(r.clicked) / sent : 0 });
  }
  return out;
}

const empty = { audience: 0, sent: 0, opened: 0, clicked: 0, openRate: 0, clickRate: 0 };

function toCampaign(r: Row, stats: Campaign['stats'] | undefined): Campaign {
  return {
    id: r.id, name: r.name, status: r.status, segmentId: r.segmentId, segmentName: r.segmentName, language: r.language, subject: r.subject, preheader: r.preheader, blocks: JSON.parse(r.blocks), fromName: r.fromName,
    throttlePerMinute: Number(r.throttlePerMinute), cost: Number(r.cost), currency: r.currency, attributionDays: Number(r.attributionDays), abSubject: r.abSubject, abSharePercent: Number(r.abSharePercent), abMetric: r.abMetric,
    abWaitMinutes: Number(r.abWaitMinutes), abWinner: r.abWinner, scheduledAt: r.scheduledAt, timeZone: r.timeZone, jobId: r.jobId, createdBy: r.createdBy, createdAt: r.createdAt, updatedAt: r.updatedAt, startedAt: r.startedAt, finishedAt: r.finishedAt,
    stats: stats ?? empty,
  };
}

const baseQuery = (db: Db) => db.kysely.selectFrom('campaigns as c').leftJoin('segments as s', 's.id', 'c.segmentId').selectAll('c').select('s.name as segmentName');

export async function findCampaign(db: Db, id: string): Promise<Row> {
  const r = await baseQuery(db).where('c.id', '=', id).executeTakeFirst();
  if (!r) throw notFound('Campaign');
  return r as Row;
}

export async function getCampaign(db: Db, actor: Actor, id: string): Promise<Campaign> {
  const r = await findCampaign(db, id);
  return toCampaign(r, (await statsOf(db, actor, [id])).get(id));
}

export async function listCampaigns(db: Db, actor: Actor, opts: { status?: string; limit: number; cursor?: string }): Promise<{ data: Campaign[]; nextCursor: string | null }> {
  let q = baseQuery(db).orderBy('c.createdAt', 'desc').orderBy('c.id', 'desc').limit(opts.limit + 1);
  if (opts.status) q = q.where('c.status', '=', opts.status as CampaignsTable['status']);
  if (opts.cursor) {
    const [at, id] = Buffer.from(opts.cursor, 'base64url').toString().split('|');
    q = q.where((eb) => eb.or([eb('c.createdAt', '<', at!), eb.and([eb('c.createdAt', '=', at!), eb('c.id', '<', id!)])]));
  }
  const rows = (await q.execute()) as Row[];
  const page = rows.slice(0, opts.limit);
  const stats = await statsOf(db, actor, page.map((r) => r.id));
  const last = page[page.length - 1];
  return { data: page.map((r) => toCampaign(r, stats.get(r.id))), nextCursor: rows.length > opts.limit && last ? Buffer.from(`${last.createdAt}|${last.id}`).toString('base64url') : null };
}

async function assertSegment(db: Db, segmentId: string | null | undefined) {
  if (segmentId && !(await db.kysely.selectFrom('segments').select('id').where('id', '=', segmentId).executeTakeFirst())) {
    throw new AppError('validation', 'No such segment', [{ path: 'segmentId', message: 'not found' }]);
  }
}

export async function createCampaign(db: Db, actor: Actor, body: CreateCampaignBody): Promise<Campaign> {
  await assertSegment(db, body.segmentId);
  const now = nowIso();
  const id = newId();
  await db.kysely
    .insertInto('campaigns')
    .values({
      id, name: body.name, status: 'draft', segmentId: body.segmentId ?? null, snapshotId: null, language: body.language, subject: body.subject, preheader: body.preheader ?? null, blocks: JSON.stringify(body.blocks), compiled: null, fromName: body.fromName ?? null,
      scheduledAt: null, timeZone: null, throttlePerMinute: body.throttlePerMinute, cost: body.cost, currency: body.currency, attributionDays: body.attributionDays, jobId: null, abSubject: body.abSubject || null, abSharePercent: body.abSharePercent,
      abMetric: body.abMetric, abWaitMinutes: body.abWaitMinutes, abWinner: null, createdBy: actor.id === 'system' ? null : actor.id, createdAt: now, updatedAt: now, startedAt: null, finishedAt: null,
    })
    .execute();
  return getCampaign(db, actor, id);
}

export async function updateCampaign(db: Db, actor: Actor, id: string, body: PatchCampaignBody): Promise<Campaign> {
  const c = await findCampaign(db, id);
  // Cost and the attribution window may change after sending (the bill comes later); the message may not.
  const lateFields = Object.keys(body).every((k) => k === 'cost' || k === 'attributionDays' || k === 'name' || k === 'currency');
  if (c.status !== 'draft' && !lateFields) throw new AppError('conflict', 'Only a draft campaign can be changed; cancel the schedule first');
  await assertSegment(db, body.segmentId);
  const { blocks, abSubject, ...rest } = body;
  await db.kysely
    .updateTable('campaigns')
    .set({ ...rest, ...(blocks && { blocks: JSON.stringify(blocks) }), ...(abSubject !== undefined && { abSubject: abSubject || null }), updatedAt: nowIso() })
    .where('id', '=', id)
    .execute();
  return getCampaign(db, actor, id);
}

/** Queues the send now or at a wall-clock time in a time zone. */
export async function scheduleCampaign(db: Db, actor: Actor, id: string, opts: { sendAt?: string; timeZone: string }): Promise<Campaign> {
  const c = await findCampaign(db, id);
  if (c.status !== 'draft') throw new AppError('conflict', 'Only a draft campaign can be scheduled');
  if (!c.segmentId) throw new AppError('validation', 'Choose the audience segment first', [{ path: 'segmentId', message: 'required' }]);
  if (!JSON.parse(c.blocks).length) throw new AppError('validation', 'The e-mail has no content yet', [{ path: 'blocks', message: 'add at least one block' }]);
  try {
    new Intl.DateTimeFormat('en', { timeZone: opts.timeZone });
  } catch {
    throw new AppError('validation', 'Unknown time zone', [{ path: 'timeZone', message: 'an IANA zone such as Asia/Shanghai' }]);
  }
  const at = opts.sendAt ? new Date(localToInstant(opts.timeZone, Date.parse(`${opts.sendAt}:00Z`))).toISOString() : nowIso();
  const job = await enqueueJob(db, SEND_JOB, { campaignId: id }, actor.id === 'system' ? null : actor.id, { runAt: at });
  const set = await db.kysely.updateTable('campaigns').set({ status: 'scheduled', scheduledAt: at, timeZone: opts.timeZone, jobId: job.id, updatedAt: nowIso() }).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
  if (Number(set.numUpdatedRows) !== 1) {
    await cancelJob(db, job.id);
    throw new AppError('conflict', 'Only a draft campaign can be scheduled');
  }
  return getCampaign(db, actor, id);
}

/** Stops a scheduled or sending campaign: recipients not yet sent stay unsent. A scheduled one returns to draft. */
export async function cancelCampaign(db: Db, actor: Actor, id: string): Promise<Campaign> {
  const c = await findCampaign(db, id);
  if (c.status !== 'scheduled' && c.status !== 'sending') throw new AppError('conflict', 'Only a scheduled or sending campaign can be cancelled');
  if (c.jobId) await cancelJob(db, c.jobId);
  const next = c.status === 'scheduled' && !c.snapshotId ? 'draft' : 'cancelled';
  await db.kysely.updateTable('campaigns').set({ status: next, jobId: next === 'draft' ? null : c.jobId, scheduledAt: next === 'draft' ? null : c.scheduledAt, updatedAt: nowIso(), ...(next === 'cancelled' && { finishedAt: nowIso() }) }).where('id', '=', id).where('status', '=', c.status).execute();
  return getCampaign(db, actor, id);
}

export async function deleteCampaign(db: Db, id: string): Promise<void> {
  const c = await findCampaign(db, id);
  if (c.status === 'scheduled' || c.status === 'sending') throw new AppError('conflict', 'Cancel the campaign before deleting it');
  await db.kysely.deleteFrom('campaigns').where('id', '=', id).execute();
}
