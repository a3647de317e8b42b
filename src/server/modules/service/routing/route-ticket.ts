// Routes one unassigned ticket: signals (priority up, a required skill), the first routing rule that fits (→ team,
// priority, strategy, skill), the SLA policy's own queue (VIP), then an agent of the team; the steps say why and are
// kept in tickets.routing and on the ticket's assignment event.
import type { DbOrTrx, Engine } from '../../../core/db/database.js';
import { systemActor } from '../../../core/auth/actor.js';
import { createNotification } from '../../../core/notifications/notifications.js';
import { ticketPriorities, type TicketPriority } from '../tables.js';
import { applyTicketPatch } from '../tickets/update-ticket.js';
import { customerTier } from '../sla/customer-tier.js';
import { choosePolicy, listPolicies } from '../sla/sla-policies.js';
import { applyRoutingSignals } from './routing-signals.js';
import { listRoutingRules, ruleMatches } from './routing-rules.js';
import { pickAgent } from './pick-agent.js';
import { explainRouting, type RoutingStep } from './routing-steps.js';
import type { RoutingStrategy } from './routing-tables.js';

export interface RoutingResult {
  assigneeId: string | null;
  teamId: string | null;
  priority: TicketPriority;
  steps: RoutingStep[];
  explanation: string;
}

const raise = (p: TicketPriority): TicketPriority => ticketPriorities[Math.min(ticketPriorities.indexOf(p) + 1, ticketPriorities.length - 1)]!;
const teamName = async (db: DbOrTrx, id: string) => (await db.selectFrom('teams').select('name').where('id', '=', id).executeTakeFirst())?.name ?? id;

/** Stores a routing outcome: the assignment through the tickets service (timeline, audit, events), the steps beside it. */
export async function saveRouting(trx: DbOrTrx, engine: Engine, ticketId: string, r: RoutingResult, escalated = false): Promise<void> {
  const row = await trx.selectFrom('tickets').select(['number', 'subject', 'assigneeId', 'teamId', 'priority']).where('id', '=', ticketId).executeTakeFirstOrThrow();
  const patch = { ...(r.assigneeId !== row.assigneeId && { assigneeId: r.assigneeId }), ...(r.teamId !== row.teamId && { teamId: r.teamId }), ...(r.priority !== row.priority && { priority: r.priority }) };
  if (Object.keys(patch).length) await applyTicketPatch(trx, engine, systemActor, ticketId, patch);
  await trx.updateTable('tickets').set({ routing: JSON.stringify(r.steps) }).where('id', '=', ticketId).execute();
  // The assignment row just written by the change carries the steps, so the timeline says why.
  const event = await trx.selectFrom('ticket_events').select(['id', 'data']).where('ticketId', '=', ticketId).where('kind', '=', 'assignment').orderBy('createdAt', 'desc').orderBy('id', 'desc').executeTakeFirst();
  if (event && (patch.assigneeId !== undefined || patch.teamId !== undefined)) {
    await trx.updateTable('ticket_events').set({ data: JSON.stringify({ ...JSON.parse(event.data), steps: r.steps, explanation: r.explanation }) }).where('id', '=', event.id).execute();
  }
  if (r.assigneeId && r.assigneeId !== row.assigneeId) {
    await createNotification(trx, { userId: r.assigneeId, kind: 'ticket.routed', title: `${escalated ? 'SLA breached, ticket re-assigned to you' : 'Ticket assigned to you'}: #${row.number} ${row.subject}`, body: r.explanation, params: { number: row.number, subject: row.subject, routingSteps: r.steps, escalated }, entity: 'ticket', entityId: ticketId });
  }
}

/** Decides where an unassigned ticket goes (call inside a transaction: a round-robin pick moves the rule's position). */
export async function chooseRouting(trx: DbOrTrx, ticketId: string): Promise<RoutingResult | null> {
  const t = await trx.selectFrom('tickets').selectAll().where('id', '=', ticketId).executeTakeFirst();
  if (!t || t.assigneeId || t.mergedIntoId || t.status === 'solved' || t.status === 'closed') return null;
  const steps: RoutingStep[] = [];
  const tier = await customerTier(trx, t.contactId, t.companyId);
  if (tier !== 'standard') steps.push({ kind: 'tier', params: { tier } });
  const text = `${t.subject}\n${t.description ?? ''}`;
  const rule = (await listRoutingRules(trx)).find((r) => r.active && ruleMatches(r.conditions, { channel: t.channel, category: t.category, language: t.language, tier, text }));
  let priority: TicketPriority = rule?.priority ?? t.priority;
  let skill = rule?.skill ?? null;
  for (const { name, result } of await applyRoutingSignals(t, { tier })) {
    steps.push({ kind: 'signal', params: { name, reason: result.reason, priorityUp: !!result.priorityUp, skill: result.requireSkill ?? null } });
    if (result.priorityUp) priority = raise(priority);
    if (result.requireSkill) skill = result.requireSkill;
  }
  let teamId: string | null = null;
  let strategy: RoutingStrategy = 'least_loaded';
  if (rule) {
    steps.push({ kind: 'ruleMatched', params: { rule: rule.name, team: rule.teamName } });
    teamId = rule.teamId;
    strategy = rule.strategy;
  } else steps.push({ kind: 'noRuleMatched', params: {} });
  const policy = choosePolicy(await listPolicies(trx), { priority, tier });
  if (policy?.queueTeamId) {
    teamId = policy.queueTeamId;
    steps.push({ kind: 'slaQueue', params: { policy: policy.name, team: await teamName(trx, teamId) } });
  }
  if (!teamId && t.teamId) {
    teamId = t.teamId;
    steps.push({ kind: 'keptTeam', params: { team: await teamName(trx, teamId) } });
  }
  if (priority !== t.priority) steps.push({ kind: 'priority', params: { from: t.priority, to: priority } });
  if (!teamId) return { assigneeId: null, teamId: null, priority, steps, explanation: explainRouting(steps) };
  const pick = await pickAgent(trx, { teamId, teamName: await teamName(trx, teamId), strategy, skill, ruleId: rule && teamId === rule.teamId ? rule.id : null });
  steps.push(...pick.steps);
  return { assigneeId: pick.agent?.id ?? null, teamId, priority, steps, explanation: explainRouting(steps) };
}

/** Routes an unassigned ticket and stores the outcome; null when the ticket needs no routing. */
export async function routeTicket(trx: DbOrTrx, engine: Engine, ticketId: string): Promise<RoutingResult | null> {
  const r = await chooseRouting(trx, ticketId);
  if (r) await saveRouting(trx, engine, ticketId, r);
  return r;
}
