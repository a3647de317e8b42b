// Picks the agent of a team who gets a ticket: the team's support agents (all its active members when it has none),
// less those away, at capacity or without the required skill; then round-robin or least-loaded. Says why as steps.
import type { DbOrTrx } from '../../../core/db/database.js';
import type { RoutingStep } from './routing-steps.js';
import type { RoutingStrategy } from './routing-tables.js';

export const OPEN_STATUSES = ['new', 'open', 'pending', 'on_hold'] as const;
/** Skipped agents named in an explanation at most; more would drown the sentence. */
const MAX_SKIPS_SHOWN = 5;

export interface AgentPick {
  agent: { id: string; name: string } | null;
  steps: RoutingStep[];
}

export async function openTicketCounts(db: DbOrTrx, userIds: string[]): Promise<Map<string, number>> {
  if (!userIds.length) return new Map();
  const rows = await db
    .selectFrom('tickets')
    .select(['assigneeId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('assigneeId', 'in', userIds)
    .where('status', 'in', [...OPEN_STATUSES])
    .where('mergedIntoId', 'is', null)
    .groupBy('assigneeId')
    .execute();
  return new Map(rows.map((r) => [r.assigneeId!, Number(r.n)]));
}

async function teamAgents(db: DbOrTrx, teamId: string) {
  const users = await db.selectFrom('users').select(['id', 'name', 'role']).where('teamId', '=', teamId).where('active', '=', 1).orderBy('id').execute();
  const agents = users.filter((u) => u.role === 'support');
  return agents.length ? agents : users;
}

export interface PickOptions {
  teamId: string;
  teamName: string;
  strategy: RoutingStrategy;
  skill: string | null;
  /** The round-robin position to read and move (a rule's id); none: least-loaded is used. */
  ruleId?: string | null;
  /** Never this agent (the one a breached ticket is taken from). */
  exclude?: string | null;
}

export async function pickAgent(db: DbOrTrx, o: PickOptions): Promise<AgentPick> {
  const members = await teamAgents(db, o.teamId);
  const statuses = new Map(
    (members.length ? await db.selectFrom('agent_status').selectAll().where('userId', 'in', members.map((m) => m.id)).execute() : []).map((s) => [s.userId, s]),
  );
  const counts = await openTicketCounts(db, members.map((m) => m.id));
  const steps: RoutingStep[] = o.skill ? [{ kind: 'skillRequired', params: { skill: o.skill } }] : [];
  const skips: RoutingStep[] = [];
  const eligible = members.filter((m) => {
    const st = statuses.get(m.id);
    const open = counts.get(m.id) ?? 0;
    let why: 'away' | 'full' | 'noSkill' | 'current' | null = null;
    if (m.id === o.exclude) why = 'current';
    else if (o.skill && !(st ? (JSON.parse(st.skills) as string[]) : []).includes(o.skill)) why = 'noSkill';
    else if (st?.away === 1) why = 'away';
    else if (st?.capacity != null && open >= st.capacity) why = 'full';
    if (why) skips.push({ kind: 'skipped', params: { name: m.name, cause: why, open: why === 'full' ? open : null, capacity: why === 'full' ? st!.capacity! : null } });
    return why === null;
  });
  steps.push(...skips.slice(0, MAX_SKIPS_SHOWN));
  if (!eligible.length) return { agent: null, steps: [...steps, { kind: 'noAgent', params: { team: o.teamName } }] };
  if (o.strategy === 'round_robin' && o.ruleId) {
    const last = (await db.selectFrom('routing_rules').select('lastUserId').where('id', '=', o.ruleId).executeTakeFirst())?.lastUserId ?? '';
    const next = eligible.find((m) => m.id > last) ?? eligible[0]!;
    await db.updateTable('routing_rules').set({ lastUserId: next.id }).where('id', '=', o.ruleId).execute();
    return { agent: { id: next.id, name: next.name }, steps: [...steps, { kind: 'roundRobin', params: { team: o.teamName, name: next.name } }] };
  }
  const best = eligible.reduce((a, b) => ((counts.get(b.id) ?? 0) < (counts.get(a.id) ?? 0) ? b : a));
  return { agent: { id: best.id, name: best.name }, steps: [...steps, { kind: 'leastLoaded', params: { team: o.teamName, name: best.name, open: counts.get(best.id) ?? 0 } }] };
}
