// Admin CRUD of the ordered ticket routing rules, and the match of a rule's conditions against a ticket.
import type { Selectable } from 'kysely';
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { AppError, notFound } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { RoutingRulesTable } from './routing-tables.js';
import type { RoutingConditions, RoutingRule, RoutingRuleInput, RoutingRulePatch } from './routing-schemas.js';

type Row = Selectable<RoutingRulesTable> & { teamName: string | null };
const toRule = (r: Row): RoutingRule => ({ id: r.id, name: r.name, position: r.position, conditions: JSON.parse(r.conditions), teamId: r.teamId, teamName: r.teamName, priority: r.priority as RoutingRule['priority'], strategy: r.strategy, skill: r.skill, active: r.active === 1, createdAt: r.createdAt, updatedAt: r.updatedAt });
const ruleQuery = (db: DbOrTrx) => db.selectFrom('routing_rules as r').leftJoin('teams as t', 't.id', 'r.teamId').selectAll('r').select('t.name as teamName');

export async function listRoutingRules(db: DbOrTrx): Promise<RoutingRule[]> {
  return (await ruleQuery(db).orderBy('r.position').orderBy('r.id').execute()).map(toRule);
}

async function getRule(db: DbOrTrx, id: string): Promise<RoutingRule> {
  const r = await ruleQuery(db).where('r.id', '=', id).executeTakeFirst();
  if (!r) throw notFound('Routing rule');
  return toRule(r);
}

export interface TicketFacts {
  channel: string;
  category: string | null;
  language: string | null;
  tier: string;
  text: string;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Every condition given must hold; a language 'zh' matches 'zh-CN' (the primary subtag). */
export function ruleMatches(c: RoutingConditions, f: TicketFacts): boolean {
  if (c.channels?.length && !c.channels.includes(f.channel as never)) return false;
  if (c.categories?.length && !(f.category && c.categories.some((x) => same(x, f.category!)))) return false;
  if (c.languages?.length && !(f.language && c.languages.some((x) => same(x, f.language!) || same(x, f.language!.split('-')[0]!)))) return false;
  if (c.tiers?.length && !c.tiers.includes(f.tier as never)) return false;
  if (c.keywords?.length) {
    const text = f.text.toLowerCase();
    if (!c.keywords.some((k) => text.includes(k.toLowerCase()))) return false;
  }
  return true;
}

async function checkTeam(db: DbOrTrx, teamId: string) {
  if (!(await db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst())) throw new AppError('validation', 'That team does not exist', [{ path: 'teamId', message: 'unknown team' }]);
}

const columns = (r: Omit<RoutingRuleInput, 'position'>) => ({ name: r.name, conditions: JSON.stringify(r.conditions), teamId: r.teamId, priority: r.priority, strategy: r.strategy, skill: r.skill, active: r.active ? 1 : 0 });

export async function createRoutingRule(db: Db, actor: Actor, input: RoutingRuleInput): Promise<RoutingRule> {
  await checkTeam(db.kysely, input.teamId);
  const last = await db.kysely.selectFrom('routing_rules').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst();
  const now = nowIso();
  const id = newId();
  return db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('routing_rules').values({ id, position: input.position ?? Number(last?.p ?? -1) + 1, ...columns(input), lastUserId: null, createdAt: now, updatedAt: now }).execute();
    const after = await getRule(trx, id);
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'create', entity: 'routing_rule', entityId: id, after });
    return after;
  });
}

export async function updateRoutingRule(db: Db, actor: Actor, id: string, patch: RoutingRulePatch): Promise<RoutingRule> {
  const before = await getRule(db.kysely, id);
  const next = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as RoutingRule;
  if (patch.teamId) await checkTeam(db.kysely, patch.teamId);
  return db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('routing_rules').set({ ...columns(next), position: next.position, updatedAt: nowIso() }).where('id', '=', id).execute();
    const after = await getRule(trx, id);
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'routing_rule', entityId: id, before, after });
    return after;
  });
}

export async function deleteRoutingRule(db: Db, actor: Actor, id: string): Promise<void> {
  const before = await getRule(db.kysely, id);
  await db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('routing_rules').where('id', '=', id).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'delete', entity: 'routing_rule', entityId: id, before });
  });
}
