// The re-assignment time: a lead its owner has not touched within this many hours goes to the next rep (0 = never).
import type { DbOrTrx } from '../../../core/db/database.js';
import type { AssignmentSettings } from './assignment-schemas.js';

const KEY = 'leads.reassignAfterHours';
export const DEFAULT_REASSIGN_HOURS = 48;

export async function getAssignmentSettings(db: DbOrTrx): Promise<AssignmentSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  return { reassignAfterHours: row ? Number(JSON.parse(row.value)) : DEFAULT_REASSIGN_HOURS };
}

export async function setAssignmentSettings(db: DbOrTrx, s: AssignmentSettings): Promise<AssignmentSettings> {
  const value = JSON.stringify(s.reassignAfterHours);
  await db.insertInto('settings').values({ key: KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
  return s;
}
