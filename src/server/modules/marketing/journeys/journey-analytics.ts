// Journey analytics over the contacts the caller may see: enrolled, active, completed, exited by the goal, the
// conversion to the goal, and per step how many are there now and how many went through it (done, skipped, failed,
// and a branch's yes/no).
import { sql } from 'kysely';
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { contactScopeSql } from '../../customers/index.js';
import type { JourneyStep } from './journey-definition.js';
import type { JourneyAnalytics } from './journey-schemas.js';
import { journeyRow } from './journey-service.js';

function flatten(steps: JourneyStep[], base = 'steps', depth = 0): { stepId: string; kind: string; path: string; depth: number }[] {
  return steps.flatMap((s, i) => {
    const path = `${base}[${i}]`;
    const self = { stepId: s.id, kind: s.kind, path, depth };
    return s.kind === 'branch' ? [self, ...flatten(s.yes, `${path}.yes`, depth + 1), ...flatten(s.no, `${path}.no`, depth + 1)] : [self];
  });
}

export async function journeyAnalytics(db: Db, actor: Actor, id: string): Promise<JourneyAnalytics> {
  const row = await journeyRow(db, id);
  const scope = contactScopeSql(db, actor, true);
  const byStatus = await sql<{ status: string; n: number }>`select e.status, count(*) as n from journey_enrolments e join contacts r on r.id = e.contact_id where e.journey_id = ${id} and ${scope} group by e.status`.execute(db.kysely);
  const atStep = await sql<{ stepId: string; n: number }>`select e.step_id, count(*) as n from journey_enrolments e join contacts r on r.id = e.contact_id where e.journey_id = ${id} and e.status = 'active' and ${scope} group by e.step_id`.execute(db.kysely);
  const runs = await sql<{ stepId: string; outcome: string; n: number }>`select s.step_id, s.outcome, count(*) as n from journey_step_runs s join contacts r on r.id = s.contact_id where s.journey_id = ${id} and ${scope} group by s.step_id, s.outcome`.execute(db.kysely);
  const count = (status: string) => Number(byStatus.rows.find((r) => r.status === status)?.n ?? 0);
  const enrolled = byStatus.rows.reduce((a, r) => a + Number(r.n), 0);
  const current = new Map(atStep.rows.map((r) => [r.stepId, Number(r.n)]));
  const ran = (stepId: string, outcome: string) => Number(runs.rows.find((r) => r.stepId === stepId && r.outcome === outcome)?.n ?? 0);
  return {
    enrolled,
    active: count('active'),
    completed: count('completed'),
    goal: count('goal'),
    exited: count('exited'),
    conversion: row.goal && enrolled > 0 ? count('goal') / enrolled : null,
    steps: flatten(JSON.parse(row.steps)).map((s) => ({ ...s, current: current.get(s.stepId) ?? 0, done: ran(s.stepId, 'done'), skipped: ran(s.stepId, 'skipped'), failed: ran(s.stepId, 'failed'), yes: ran(s.stepId, 'yes'), no: ran(s.stepId, 'no') })),
  };
}
