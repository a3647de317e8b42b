// Recomputes and stores the rule score of leads (inside the caller's transaction), with the lines that produced it:
// set-based, a few statements per 500 leads, so an import's or a rule change's thousands of leads stay cheap.
import type { DbOrTrx } from '../../../core/db/database.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { emitBulkEvents, type BulkRecordEvent } from '../../../core/events/bulk-events.js';
import { nowIso } from '../../../core/ids.js';
import { loadLeadFactsMany } from '../leads/lead-facts.js';
import { computeRuleScore, type ScoringRule } from './compute-score.js';
import { loadActiveRules } from './scoring-rules.js';

export interface RecomputeOptions {
  rules?: ScoringRule[];
  now?: Date;
  /** Part of a bulk operation: lead.score_changed per lead only for an opted-in subscriber, marked with `name`. */
  bulk?: { name: string; wanted: Set<string> };
}

const CHUNK = 500;

/** Scores the given contacts that are leads; a contact that is gone loses its score. */
export async function recomputeScores(trx: DbOrTrx, contactIds: string[], opts: RecomputeOptions = {}): Promise<{ scored: number; changed: number }> {
  const ids = [...new Set(contactIds)];
  if (ids.length === 0) return { scored: 0, changed: 0 };
  const active = opts.rules ?? (await loadActiveRules(trx));
  const now = opts.now ?? new Date();
  let scored = 0;
  let changed = 0;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const leads = new Set((await trx.selectFrom('leadDetails').select('contactId').where('contactId', 'in', chunk).execute()).map((r) => r.contactId));
    const facts = await loadLeadFactsMany(trx, [...leads]);
    const gone = chunk.filter((id) => !facts.has(id));
    if (gone.length) await trx.deleteFrom('leadScores').where('contactId', 'in', gone).execute();
    if (facts.size === 0) continue;
    const activities = new Map<string, { kind: string; occurredAt: string }[]>();
    for (const a of await trx.selectFrom('leadActivity').select(['contactId', 'kind', 'occurredAt']).where('contactId', 'in', [...facts.keys()]).execute()) {
      activities.set(a.contactId, [...(activities.get(a.contactId) ?? []), { kind: a.kind, occurredAt: a.occurredAt }]);
    }
    const before = new Map((await trx.selectFrom('leadScores').select(['contactId', 'score']).where('contactId', 'in', [...facts.keys()]).execute()).map((r) => [r.contactId, r.score]));
    const computedAt = nowIso();
    const rows = [];
    const events: BulkRecordEvent[] = [];
    for (const [id, f] of facts) {
      const result = computeRuleScore(active, { attributes: f.attributes, activities: activities.get(id) ?? [] }, now);
      rows.push({ contactId: id, score: result.score, ruleScore: result.score, predictiveScore: null, breakdown: JSON.stringify(result.lines), computedAt });
      const previous = before.get(id);
      if (previous === undefined || previous !== result.score) events.push({ entityId: id, payload: { contactId: id, score: result.score, previous: previous ?? null } });
    }
    // An existing row keeps its predictive score: the upsert sets only the rule score's columns.
    for (let j = 0; j < rows.length; j += 200) {
      await trx
        .insertInto('leadScores')
        .values(rows.slice(j, j + 200))
        .onConflict((oc) => oc.column('contactId').doUpdateSet((eb) => ({ score: eb.ref('excluded.score'), ruleScore: eb.ref('excluded.ruleScore'), breakdown: eb.ref('excluded.breakdown'), computedAt: eb.ref('excluded.computedAt') })))
        .execute();
    }
    if (opts.bulk) await emitBulkEvents(trx, opts.bulk.name, opts.bulk.wanted, 'lead.score_changed', 'contact', events);
    else for (const e of events) await emitEvent(trx, 'lead.score_changed', 'contact', e.entityId, e.payload);
    scored += rows.length;
    changed += events.length;
  }
  return { scored, changed };
}
