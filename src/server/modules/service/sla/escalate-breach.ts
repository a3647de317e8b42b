// Escalation on an SLA breach: when the policy says so, the ticket is re-assigned to another available agent of the
// escalation team (else its own team), explained as routing steps; the manager is told by the timer.
import type { DbOrTrx, Engine } from '../../../core/db/database.js';
import { pickAgent } from '../routing/pick-agent.js';
import { saveRouting } from '../routing/route-ticket.js';
import { explainRouting, type RoutingStep } from '../routing/routing-steps.js';
import type { SlaRow, TargetKind } from './ticket-sla.js';
import { addSlaEvent } from './sla-events.js';

export interface Escalation {
  assigneeId: string | null;
  teamId: string | null;
  explanation: string | null;
  steps: RoutingStep[] | null;
}

export async function escalateBreach(trx: DbOrTrx, engine: Engine, row: SlaRow, target: TargetKind): Promise<Escalation> {
  const policy = await trx.selectFrom('sla_policies').select(['reassignOnBreach', 'escalationTeamId']).where('id', '=', row.policyId).executeTakeFirst();
  const t = await trx.selectFrom('tickets').select(['assigneeId', 'teamId', 'priority']).where('id', '=', row.ticketId).executeTakeFirstOrThrow();
  if (!policy || policy.reassignOnBreach !== 1) return { assigneeId: t.assigneeId, teamId: t.teamId, explanation: null, steps: null };
  const teamId = policy.escalationTeamId ?? t.teamId;
  if (!teamId) return { assigneeId: t.assigneeId, teamId: null, explanation: null, steps: null };
  const team = await trx.selectFrom('teams').select('name').where('id', '=', teamId).executeTakeFirst();
  const pick = await pickAgent(trx, { teamId, teamName: team?.name ?? teamId, strategy: 'least_loaded', skill: null, exclude: t.assigneeId });
  const steps: RoutingStep[] = [{ kind: 'slaBreach', params: { target } }, ...pick.steps];
  const explanation = explainRouting(steps);
  if (pick.agent || teamId !== t.teamId) {
    await saveRouting(trx, engine, row.ticketId, { assigneeId: pick.agent?.id ?? t.assigneeId, teamId, priority: t.priority, steps, explanation }, true);
  }
  await addSlaEvent(trx, row.ticketId, { event: 'escalated', target, steps, explanation, assigneeId: pick.agent?.id ?? null });
  return { assigneeId: pick.agent?.id ?? t.assigneeId, teamId, explanation, steps };
}
