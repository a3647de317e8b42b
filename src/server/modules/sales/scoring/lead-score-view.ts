// Reads a lead's stored score with its breakdown (the rules that produced it) and the predictive slot (the
// intelligence lead-conversion model's probability 0–100, null until such a model scores the lead).
import type { DbOrTrx } from '../../../core/db/database.js';
import type { LeadScoreView } from './scoring-schemas.js';

export async function readLeadScore(db: DbOrTrx, contactId: string): Promise<LeadScoreView | null> {
  const r = await db.selectFrom('leadScores').selectAll().where('contactId', '=', contactId).executeTakeFirst();
  if (!r) return null;
  return { value: r.score, ruleScore: r.ruleScore, predictive: r.predictiveScore, breakdown: JSON.parse(r.breakdown), computedAt: r.computedAt };
}
