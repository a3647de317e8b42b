// Tickets left in a team's queue because nobody was available (routing's last step "noAgent") are routed again once
// an agent of the team comes back, frees capacity or gains the skill: a poller picks them up oldest first.
import type { Db } from '../../../core/db/database.js';
import { registerPoller } from '../../../core/jobs/worker.js';
import { OPEN_STATUSES, pickAgent } from './pick-agent.js';
import { saveRouting } from './route-ticket.js';
import { explainRouting, type RoutingStep } from './routing-steps.js';

const BATCH = 20;
/** The steps of the earlier pick, replaced by the new pick's own. */
const PICK_KINDS = new Set(['skillRequired', 'skipped', 'roundRobin', 'leastLoaded', 'noAgent', 'agentFreed']);

export async function routeWaitingTickets(db: Db): Promise<number> {
  const waiting = await db.kysely
    .selectFrom('tickets as t')
    .innerJoin('teams as tm', 'tm.id', 't.teamId')
    .select(['t.id', 't.teamId', 't.routing', 'tm.name as teamName'])
    .where('t.assigneeId', 'is', null)
    .where('t.mergedIntoId', 'is', null)
    .where('t.status', 'in', [...OPEN_STATUSES])
    .where('t.routing', 'like', '%"noAgent"%')
    .orderBy('t.createdAt')
    .limit(BATCH)
    .execute();
  let routed = 0;
  for (const w of waiting) {
    const done = await db.kysely.transaction().execute(async (trx) => {
      // The claim: the ticket must still be unassigned with the same routing; a second worker finds it changed.
      const claimed = await trx.updateTable('tickets').set({ routing: w.routing }).where('id', '=', w.id).where('assigneeId', 'is', null).where('routing', '=', w.routing).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return false;
      const before = JSON.parse(w.routing!) as RoutingStep[];
      const skill = before.find((s): s is Extract<RoutingStep, { kind: 'skillRequired' }> => s.kind === 'skillRequired')?.params.skill ?? null;
      const pick = await pickAgent(trx, { teamId: w.teamId!, teamName: w.teamName, strategy: 'least_loaded', skill });
      if (!pick.agent) return false;
      const priority = (await trx.selectFrom('tickets').select('priority').where('id', '=', w.id).executeTakeFirstOrThrow()).priority;
      const steps: RoutingStep[] = [...before.filter((s) => !PICK_KINDS.has(s.kind)), { kind: 'agentFreed', params: {} }, ...pick.steps];
      await saveRouting(trx, db.engine, w.id, { assigneeId: pick.agent.id, teamId: w.teamId, priority, steps, explanation: explainRouting(steps) });
      return true;
    });
    if (done) routed++;
  }
  return routed;
}

registerPoller({ name: 'service-route-waiting', run: routeWaitingTickets, idleMs: 30_000 });
