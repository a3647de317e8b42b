// What the leads part offers other code (the demo seed, the CLI) through the sales index: its use cases and a settle step.
import type { Db } from '../../../core/db/database.js';
import { outboxLagMs } from '../../../core/events/consume-events.js';
import { consumeLeadEvents } from './lead-events.js';
import { consumeScoringEvents } from '../scoring/scoring-consumer.js';
import { assignPendingLeads } from '../assignment/assign-leads.js';

export { captureLead } from './capture-lead.js';
export { recordActivity } from './record-activity.js';
export { convertLead } from './convert-lead.js';
export { createScoringRule } from '../scoring/scoring-rules.js';
export { createAssignmentRule } from '../assignment/assignment-rules.js';
export { setAssignmentSettings } from '../assignment/assignment-settings.js';

/** Runs the lead consumers and the assignment until idle (after the outbox lag), as the worker would: for the seed. */
export async function settleLeads(db: Db): Promise<void> {
  await new Promise((r) => setTimeout(r, outboxLagMs() + 50));
  for (let i = 0; i < 10_000; i++) {
    // Catch up on the outbox first, so least-loaded assignment counts every lead the reps already hold.
    if ((await consumeLeadEvents(db)) + (await consumeScoringEvents(db)) > 0) continue;
    if ((await assignPendingLeads(db, 200)) === 0) return;
  }
}
