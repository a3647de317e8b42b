// Journeys as the engine reads them: the stored row with its definition parsed and its steps indexed by id.
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../../core/db/database.js';
import type { JourneysTable } from './journey-tables.js';
import { stepMap, type JourneyDefinition, type StepPlace } from './journey-definition.js';

export type JourneyRow = Selectable<JourneysTable>;

export interface LoadedJourney extends JourneyDefinition {
  id: string;
  name: string;
  status: JourneyRow['status'];
  webhookSecret: string;
  places: Map<string, StepPlace>;
}

export function loadedJourney(r: JourneyRow): LoadedJourney {
  const steps = JSON.parse(r.steps);
  return { id: r.id, name: r.name, status: r.status, webhookSecret: r.webhookSecret, trigger: JSON.parse(r.trigger), steps, goal: r.goal ? JSON.parse(r.goal) : null, reentry: r.reentry, reentryDays: r.reentryDays, places: stepMap(steps) };
}

export async function findJourneyRow(db: DbOrTrx, id: string): Promise<JourneyRow | undefined> {
  return db.selectFrom('journeys').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function activeJourneys(db: DbOrTrx): Promise<LoadedJourney[]> {
  return (await db.selectFrom('journeys').selectAll().where('status', '=', 'active').execute()).map(loadedJourney);
}
