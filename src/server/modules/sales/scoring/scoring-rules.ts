// Admin CRUD of scoring rules; every change is audited, emitted, and queues a recompute of all lead scores.
import type { Selectable } from 'kysely';
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { AppError, notFound } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { enqueueJob } from '../../../core/jobs/job-queue.js';
import type { LeadScoringRulesTable } from './scoring-tables.js';
import type { ScoringRule } from './compute-score.js';
import { scoringRuleInput, type ScoringRuleInput, type ScoringRulePatch, type ScoringRuleView } from './scoring-schemas.js';

export const RECOMPUTE_ALL_JOB = 'lead-scoring.recompute-all';
type Row = Selectable<LeadScoringRulesTable>;

export function toRuleView(r: Row): ScoringRuleView {
  return { id: r.id, kind: r.kind, name: r.name, field: r.field, operator: r.operator, value: r.value === null ? null : JSON.parse(r.value), event: r.event, points: r.points, halfLifeDays: r.halfLifeDays, active: r.active === 1, createdAt: r.createdAt, updatedAt: r.updatedAt };
}

/** The active rules in the shape the arithmetic takes. */
export async function loadActiveRules(db: DbOrTrx): Promise<ScoringRule[]> {
  const rows = await db.selectFrom('leadScoringRules').selectAll().where('active', '=', 1).orderBy('createdAt').orderBy('id').execute();
  return rows.map((r) =>
    r.kind === 'attribute'
      ? { id: r.id, kind: 'attribute' as const, name: r.name, field: r.field!, operator: r.operator as 'equals' | 'contains' | 'in', value: JSON.parse(r.value!), points: r.points }
      : { id: r.id, kind: 'behaviour' as const, name: r.name, event: r.event!, points: r.points, halfLifeDays: r.halfLifeDays },
  );
}

export async function listScoringRules(db: Db): Promise<ScoringRuleView[]> {
  return (await db.kysely.selectFrom('leadScoringRules').selectAll().orderBy('createdAt').orderBy('id').execute()).map(toRuleView);
}

function toRow(input: ScoringRuleInput) {
  if (input.kind === 'attribute' && input.operator === 'in' && !Array.isArray(input.value)) throw new AppError('validation', 'The "in" operator takes a list of values', [{ path: 'value', message: 'a list of values for "in"' }]);
  return input.kind === 'attribute'
    ? { kind: input.kind, name: input.name, field: input.field, operator: input.operator, value: JSON.stringify(input.value), event: null, points: input.points, halfLifeDays: null, active: input.active === false ? 0 : 1 }
    : { kind: input.kind, name: input.name, field: null, operator: null, value: null, event: input.event, points: input.points, halfLifeDays: input.halfLifeDays ?? null, active: input.active === false ? 0 : 1 };
}

/** One queued recompute is enough however many rules change before it runs. */
async function queueRecompute(db: Db, actor: Actor) {
  const queued = await db.kysely.selectFrom('jobs').select('id').where('type', '=', RECOMPUTE_ALL_JOB).where('status', '=', 'queued').executeTakeFirst();
  if (!queued) await enqueueJob(db, RECOMPUTE_ALL_JOB, {}, actor.id === 'system' ? null : actor.id);
}

export async function createScoringRule(db: Db, actor: Actor, input: ScoringRuleInput): Promise<ScoringRuleView> {
  const now = nowIso();
  const row = { id: newId(), ...toRow(input), createdAt: now, updatedAt: now };
  const view = toRuleView(row);
  await db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('leadScoringRules').values(row).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'create', entity: 'lead_scoring_rule', entityId: row.id, after: view });
    await emitEvent(trx, 'lead_scoring_rule.created', 'lead_scoring_rule', row.id, view);
  });
  await queueRecompute(db, actor);
  return view;
}

export async function updateScoringRule(db: Db, actor: Actor, id: string, patch: ScoringRulePatch): Promise<ScoringRuleView> {
  const before = await db.kysely.selectFrom('leadScoringRules').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw notFound('Scoring rule');
  const current = toRuleView(before);
  const foreign = (current.kind === 'attribute' ? ['event', 'halfLifeDays'] : ['field', 'operator', 'value']).filter((k) => patch[k as keyof ScoringRulePatch] !== undefined);
  if (foreign.length) throw new AppError('validation', `A ${current.kind} rule has no ${foreign.join(' or ')}`, foreign.map((path) => ({ path, message: `not a field of a ${current.kind} rule` })));
  const merged = current.kind === 'attribute'
    ? { kind: 'attribute', name: patch.name ?? current.name, field: patch.field ?? current.field, operator: patch.operator ?? current.operator, value: patch.value ?? current.value, points: patch.points ?? current.points, active: patch.active ?? current.active }
    : { kind: 'behaviour', name: patch.name ?? current.name, event: patch.event ?? current.event, points: patch.points ?? current.points, halfLifeDays: patch.halfLifeDays !== undefined ? patch.halfLifeDays : current.halfLifeDays, active: patch.active ?? current.active };
  const parsed = scoringRuleInput.safeParse(merged);
  if (!parsed.success) throw new AppError('validation', `These fields do not fit a ${current.kind} rule`, parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  const after = { ...before, ...toRow(parsed.data), updatedAt: nowIso() };
  const view = toRuleView(after);
  await db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('leadScoringRules').set(after).where('id', '=', id).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'lead_scoring_rule', entityId: id, before: current, after: view });
    await emitEvent(trx, 'lead_scoring_rule.updated', 'lead_scoring_rule', id, view);
  });
  await queueRecompute(db, actor);
  return view;
}

export async function deleteScoringRule(db: Db, actor: Actor, id: string): Promise<void> {
  const before = await db.kysely.selectFrom('leadScoringRules').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw notFound('Scoring rule');
  await db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('leadScoringRules').where('id', '=', id).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'delete', entity: 'lead_scoring_rule', entityId: id, before: toRuleView(before) });
    await emitEvent(trx, 'lead_scoring_rule.deleted', 'lead_scoring_rule', id, { id });
  });
  await queueRecompute(db, actor);
}
