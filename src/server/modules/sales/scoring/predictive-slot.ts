// The predictive slot of a lead's score: the intelligence module's lead-conversion model writes its probability
// (0–100) beside the rule score; the rule score and its breakdown stay as they are.
import type { DbOrTrx } from '../../../core/db/database.js';

export async function setPredictiveLeadScores(db: DbOrTrx, scores: { contactId: string; score: number | null }[]): Promise<number> {
  let n = 0;
  for (const s of scores) {
    const r = await db.updateTable('leadScores').set({ predictiveScore: s.score }).where('contactId', '=', s.contactId).executeTakeFirst();
    n += Number(r.numUpdatedRows);
  }
  return n;
}
