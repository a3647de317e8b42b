// Recomputes and stores the rule score of leads (inside the caller's transaction), with the lines that produced it.
import type { DbOrTrx } from '../../../core/db/database.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { nowIso } from '../../../core/ids.js';
import { loadLeadFacts } from '../leads/lead-facts.js';
import { computeRuleScore, type ScoringRule } from './compute-score.js';
import { loadActiveRules } from './scoring-rules.js';

/** Scores the given contacts that are leads; a contact that is gone loses its score. Returns how many were scored. */
export async function recomputeScores(trx: DbOrTrx, contactIds: string[], rules?: ScoringRule[], now = new Date()): Promise<number> {
  const ids = [...new Set(contactIds)];
  if (ids.length === 0) return 0;
  const active = rules ?? (await loadActiveRules(trx));
  const leads = new Set((await trx.selectFrom('leadDetails').select('contactId').where('contactId', 'in', ids).execute()).map((r) => r.contactId));
  let scored = 0;
  for (const id of ids) {
    const facts = leads.has(id) ? await loadLeadFacts(trx, id) : null;
    if (!facts) {
      await trx.deleteFrom('leadScores').where('contactId', '=', id).execute();
      continue;
    }
    const activities = await trx.selectFrom('leadActivity').select(['kind', 'occurredAt']).where('contactId', '=', id).execute();
    const result = computeRuleScore(active, { attributes: facts.attributes, activities }, now);
    const before = await trx.selectFrom('leadScores').select(['score', 'predictiveScore']).where('contactId', '=', id).executeTakeFirst();
    const row = { score: result.score, ruleScore: result.score, breakdown: JSON.stringify(result.lines), computedAt: nowIso() };
    if (before) await trx.updateTable('leadScores').set(row).where('contactId', '=', id).execute();
    else await trx.insertInto('leadScores').values({ contactId: id, predictiveScore: null, ...row }).execute();
    if (!before || before.score !== result.score) await emitEvent(trx, 'lead.score_changed', 'contact', id, { contactId: id, score: result.score, previous: before?.score ?? null });
    scored++;
  }
  return scored;
}
