// Chooses who gets a lead: the first active rule whose conditions fit, then its strategy within the team, and says
// why as steps (matched rule East China for region 上海; round-robin among team East: 王芳 was next).
import type { DbOrTrx } from '../../../core/db/database.js';
import type { LeadFacts } from '../leads/lead-facts.js';
import type { AssignmentRule, Conditions } from './assignment-schemas.js';
import { listAssignmentRules } from './assignment-rules.js';
import { explainSteps, type AssignmentStep, type StepFact } from './assignment-steps.js';

export interface Assignee {
  ruleId: string | null;
  userId: string | null;
  userName: string | null;
  teamId: string | null;
  steps: AssignmentStep[];
  explanation: string;
}

const conditionFacts: [keyof Conditions, string][] = [
  ['regions', 'region'],
  ['cities', 'city'],
  ['countries', 'country'],
  ['industries', 'industry'],
  ['companySizes', 'companySize'],
  ['sources', 'source'],
];

export function ruleMatches(conditions: Conditions, facts: Record<string, unknown>): boolean {
  return conditionFacts.every(([cond, fact]) => {
    const wanted = conditions[cond];
    if (!wanted?.length) return true;
    const have = facts[fact];
    return typeof have === 'string' && wanted.some((w) => w.toLowerCase() === have.trim().toLowerCase());
  });
}

/** Who a team's leads go to: its active sales reps, or all its active members when it has none. */
async function teamMembers(db: DbOrTrx, teamId: string): Promise<{ id: string; name: string }[]> {
  const users = await db.selectFrom('users').select(['id', 'name', 'role']).where('teamId', '=', teamId).where('active', '=', 1).orderBy('id').execute();
  const reps = users.filter((u) => u.role === 'sales');
  return reps.length ? reps : users;
}

async function openLeadCounts(db: DbOrTrx, userIds: string[]): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('leadDetails as ld')
    .innerJoin('contacts as c', 'c.id', 'ld.contactId')
    .select(['c.ownerId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('c.ownerId', 'in', userIds)
    .where('ld.status', 'in', ['new', 'working'])
    .groupBy('c.ownerId')
    .execute();
  return new Map(rows.map((r) => [r.ownerId!, Number(r.n)]));
}

/** The rule's pick and the steps saying how it was made (who was skipped, then who got it and why). */
async function pickInRule(db: DbOrTrx, rule: AssignmentRule, exclude: string | null): Promise<{ id: string | null; name: string | null; steps: AssignmentStep[] }> {
  const team = rule.teamName;
  if (rule.strategy === 'user') {
    const u = await db.selectFrom('users').select(['id', 'name', 'active']).where('id', '=', rule.userId!).executeTakeFirst();
    if (u && Number(u.active) === 1 && u.id !== exclude) return { id: u.id, name: u.name, steps: [{ kind: 'namedUser', params: { name: u.name } }] };
    const skipped: AssignmentStep[] = u ? [{ kind: 'skipped', params: { name: u.name, cause: u.id === exclude ? 'previousOwner' : 'inactive' } }] : [];
    return { id: null, name: null, steps: [...skipped, { kind: 'noRep', params: { team: null } }] };
  }
  const all = await teamMembers(db, rule.teamId!);
  const left = all.find((m) => m.id === exclude);
  const skipped: AssignmentStep[] = left ? [{ kind: 'skipped', params: { name: left.name, cause: 'previousOwner' } }] : [];
  const members = all.filter((m) => m.id !== exclude);
  if (members.length === 0) return { id: null, name: null, steps: [...skipped, { kind: 'noRep', params: { team } }] };
  if (rule.strategy === 'least_loaded') {
    const counts = await openLeadCounts(db, members.map((m) => m.id));
    const best = members.reduce((a, b) => ((counts.get(b.id) ?? 0) < (counts.get(a.id) ?? 0) ? b : a));
    return { ...best, steps: [...skipped, { kind: 'leastLoaded', params: { team, name: best.name, open: counts.get(best.id) ?? 0 } }] };
  }
  const last = (await db.selectFrom('leadAssignmentRules').select('lastUserId').where('id', '=', rule.id).executeTakeFirst())?.lastUserId ?? '';
  const next = members.find((m) => m.id > last) ?? members[0]!;
  await db.updateTable('leadAssignmentRules').set({ lastUserId: next.id }).where('id', '=', rule.id).execute();
  return { ...next, steps: [...skipped, { kind: 'roundRobin', params: { team, name: next.name } }] };
}

function factsShown(facts: Record<string, unknown>): StepFact[] {
  return conditionFacts.flatMap(([, f]) => (facts[f] ? [{ field: f, value: String(facts[f]) }] : []));
}

/** The lead's facts a rule's conditions asked for: why the rule matched. */
function factsMatched(conditions: Conditions, facts: Record<string, unknown>): StepFact[] {
  return conditionFacts.flatMap(([cond, f]) => (conditions[cond]?.length && typeof facts[f] === 'string' ? [{ field: f, value: String(facts[f]).trim() }] : []));
}

const assignee = (a: Omit<Assignee, 'explanation'>): Assignee => ({ ...a, explanation: explainSteps(a.steps) });

/** Call inside a transaction: a round-robin pick moves the rule's position. */
export async function chooseAssignee(db: DbOrTrx, facts: LeadFacts, opts: { exclude?: string | null; ruleId?: string | null; rules?: AssignmentRule[] } = {}): Promise<Assignee> {
  // A batch passes the rules it loaded once; round-robin positions are still read and moved per pick.
  const rules = (opts.rules ?? (await listAssignmentRules(db))).filter((r) => r.active);
  const rule = (opts.ruleId && rules.find((r) => r.id === opts.ruleId)) || rules.find((r) => ruleMatches(r.conditions, facts.attributes));
  if (!rule) return assignee({ ruleId: null, userId: null, userName: null, teamId: null, steps: [{ kind: 'noRuleMatched', params: { facts: factsShown(facts.attributes) } }] });
  const picked = await pickInRule(db, rule, opts.exclude ?? null);
  const steps: AssignmentStep[] = [{ kind: 'ruleMatched', params: { rule: rule.name, matched: factsMatched(rule.conditions, facts.attributes) } }, ...picked.steps];
  return assignee({ ruleId: rule.id, userId: picked.id, userName: picked.name, teamId: rule.teamId, steps });
}

/** The manager to alert about a lead: the manager of the rule's team, else of the owner's team. */
export async function managerOf(db: DbOrTrx, teamIds: (string | null)[]): Promise<string | null> {
  for (const teamId of teamIds) {
    if (!teamId) continue;
    const t = await db.selectFrom('teams').select('managerId').where('id', '=', teamId).executeTakeFirst();
    if (t?.managerId) return t.managerId;
  }
  return null;
}
