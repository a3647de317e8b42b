// Applies a grouping run to the household tables while keeping what admins decided: a contact an admin placed stays
// where it was placed, one an admin moved out does not come back, and a household keeps its id while its members do.
import type { Db } from '../../../core/db/database.js';
import { newId, nowIso } from '../../../core/ids.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { FoundHousehold } from './household-grouping.js';

const CHUNK = 500;

export async function applyHouseholds(db: Db, found: FoundHousehold[], actorId: string | null) {
  return db.kysely.transaction().execute(async (trx) => {
    const members = await trx.selectFrom('householdMembers').select(['householdId', 'contactId', 'origin']).execute();
    const pinned = new Set(members.filter((m) => m.origin === 'manual').map((m) => m.contactId));
    const excluded = new Set(members.filter((m) => m.origin === 'excluded').map((m) => `${m.householdId}|${m.contactId}`));
    const autoOf = new Map(members.filter((m) => m.origin === 'auto').map((m) => [m.contactId, m.householdId]));
    const manualCount = new Map<string, number>();
    for (const m of members) if (m.origin === 'manual') manualCount.set(m.householdId, (manualCount.get(m.householdId) ?? 0) + 1);
    const now = nowIso();
    const wanted = new Map<string, string>(); // contact → household, auto memberships after this run
    const created: { id: string; name: string; basis: string; address: string | null; createdAt: string; updatedAt: string }[] = [];
    const claimed = new Set<string>();
    for (const g of found) {
      const free = g.contactIds.filter((c) => !pinned.has(c));
      // Reuse the household most of these contacts were in, so its id (and any link to it) survives regrouping.
      const votes = new Map<string, number>();
      for (const c of free) {
        const h = autoOf.get(c);
        if (h && !claimed.has(h)) votes.set(h, (votes.get(h) ?? 0) + 1);
      }
      const reuse = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
      const householdId = reuse ?? newId();
      const keep = free.filter((c) => !excluded.has(`${householdId}|${c}`));
      if (keep.length + (manualCount.get(householdId) ?? 0) < 2) continue;
      claimed.add(householdId);
      if (!reuse) created.push({ id: householdId, name: g.name, basis: g.basis, address: g.address, createdAt: now, updatedAt: now });
      for (const c of keep) wanted.set(c, householdId);
    }
    const toDelete = [...autoOf].filter(([c, h]) => wanted.get(c) !== h);
    const toInsert = [...wanted].filter(([c, h]) => autoOf.get(c) !== h).map(([contactId, householdId]) => ({ householdId, contactId, origin: 'auto' as const, createdAt: now }));
    for (let i = 0; i < created.length; i += CHUNK) await trx.insertInto('households').values(created.slice(i, i + CHUNK)).execute();
    for (const [contactId, householdId] of toDelete) await trx.deleteFrom('householdMembers').where('householdId', '=', householdId).where('contactId', '=', contactId).execute();
    for (let i = 0; i < toInsert.length; i += CHUNK) await trx.insertInto('householdMembers').values(toInsert.slice(i, i + CHUNK)).execute();
    // Households left with no member (auto or manual) are gone; their exclusions with them (cascade).
    const empty = await trx
      .selectFrom('households as h')
      .select('h.id')
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('householdMembers as m').select('m.contactId').whereRef('m.householdId', '=', 'h.id').where('m.origin', '!=', 'excluded'))))
      .execute();
    for (let i = 0; i < empty.length; i += CHUNK) await trx.deleteFrom('households').where('id', 'in', empty.slice(i, i + CHUNK).map((e) => e.id)).execute();
    const summary = { households: claimed.size, created: created.length, membersAdded: toInsert.length, membersRemoved: toDelete.length, householdsRemoved: empty.length };
    await writeAudit(trx, db.engine, { actorId, action: 'update', entity: 'households', entityId: 'grouping', after: summary });
    return summary;
  });
}
