// A household's combined value. Today: its members and their related records (interactions, and whatever else
// registers as a contact data participant); the sales module adds purchase totals by registering a contributor.
import type { DbOrTrx } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { contactDataParticipants } from '../../customers/index.js';

export interface HouseholdValueContributor {
  key: string;
  /** A figure for these contacts together, e.g. { amount: 129900, currency: 'CNY' } for purchases. */
  compute(db: DbOrTrx, contactIds: string[], actor: Actor): Promise<unknown>;
}

const contributors: HouseholdValueContributor[] = [];

export function registerHouseholdValueContributor(c: HouseholdValueContributor): void {
  const i = contributors.findIndex((x) => x.key === c.key);
  if (i >= 0) contributors[i] = c;
  else contributors.push(c);
}

/** The value of these contacts together; the caller passes only members the actor may see, and contributors scope their rows too. */
export async function householdValue(db: DbOrTrx, actor: Actor, contactIds: string[]) {
  const related: Record<string, number> = {};
  for (const p of contactDataParticipants()) {
    if (p.key === 'households') continue;
    let n = 0;
    for (const id of contactIds) {
      const data = await p.exportFor(db, id);
      n += Array.isArray(data) ? data.length : data ? 1 : 0;
    }
    related[p.key] = n;
  }
  const extra: Record<string, unknown> = {};
  for (const c of contributors) extra[c.key] = await c.compute(db, contactIds, actor);
  return { members: contactIds.length, related, ...extra };
}
