// Every lead has a score row from the moment it opens (0 until the scoring consumer computes it), so lists can sort
// and filter by score through the score index instead of a join that may find nothing.
import type { DbOrTrx } from '../../../core/db/database.js';
import { nowIso } from '../../../core/ids.js';

export async function insertInitialScores(trx: DbOrTrx, contactIds: string[]): Promise<void> {
  const now = nowIso();
  for (let i = 0; i < contactIds.length; i += 200) {
    const rows = contactIds.slice(i, i + 200).map((contactId) => ({ contactId, score: 0, ruleScore: 0, predictiveScore: null, breakdown: '[]', computedAt: now }));
    await trx.insertInto('leadScores').values(rows).onConflict((oc) => oc.column('contactId').doNothing()).execute();
  }
}
