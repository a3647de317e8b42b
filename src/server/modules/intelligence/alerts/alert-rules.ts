// The alert rules. Polled (durable: state is in the alerts table and a settings cursor): negative sentiment from a key
// account, a deal stalled past its stage's median time, a VIP ticket near its SLA breach; and from the outbox: a key
// account's churn score jumped (the predictive models' 'model.score_changed' event). Snoozed alerts reopen when due.
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import { systemActor } from '../../../core/auth/actor.js';
import { consumeEvents } from '../../../core/events/consume-events.js';
import { registerPoller } from '../../../core/jobs/worker.js';
import { dealsStalledPastUsualTime } from '../../sales/index.js';
import { vipTicketsNearSlaBreach } from '../../service/index.js';
import { contactRecommendations } from '../recommendations/recommendation-service.js';
// The predictive models' event: a contact's score crossed its threshold or moved by ≥ 0.15.
import { SCORE_CHANGED } from '../models/score-model.js';
import { contactOwner, keyAccountReason } from './key-account.js';
import { raiseAlert } from './raise-alert.js';

const SENTIMENT_CURSOR = 'intelligence.alerts.sentimentCursor';
/** Sentiment rows younger than this may still be committing; they are read on the next round. */
const LAG_MS = 5000;

export async function negativeSentimentAlerts(db: DbOrTrx, now: Date): Promise<number> {
  const cursor = (await db.selectFrom('settings').select('value').where('key', '=', SENTIMENT_CURSOR).executeTakeFirst())?.value;
  const from = cursor ? (JSON.parse(cursor) as string) : new Date(now.getTime() - 86_400_000).toISOString();
  const until = new Date(now.getTime() - LAG_MS).toISOString();
  const rows = await db.selectFrom('sentiment_results').select(['itemKind', 'itemId', 'contactId', 'score', 'emotion', 'analysedAt']).where('sentiment', '=', 'negative').where('contactId', 'is not', null).where('analysedAt', '>', from).where('analysedAt', '<=', until).orderBy('analysedAt').execute();
  let raised = 0;
  for (const r of rows) {
    const why = await keyAccountReason(db, r.contactId!);
    const c = why ? await contactOwner(db, r.contactId!) : undefined;
    if (!why || !c) continue;
    const id = await raiseAlert(db, { rule: 'negativeSentiment', entity: 'contact', entityId: c.id, contactId: c.id, ownerId: c.ownerId, teamId: c.teamId, title: `Negative sentiment from key account ${c.displayName}`, facts: { name: c.displayName, keyAccount: why, score: Number(r.score), emotion: r.emotion, itemKind: r.itemKind }, action: 'call', sourceKey: `${r.itemKind}:${r.itemId}` });
    if (id) raised++;
  }
  const v = JSON.stringify(until);
  await db.insertInto('settings').values({ key: SENTIMENT_CURSOR, value: v }).onConflict((oc) => oc.column('key').doUpdateSet({ value: v })).execute();
  return raised;
}

export async function stalledDealAlerts(db: DbOrTrx, now: Date): Promise<number> {
  let raised = 0;
  for (const d of await dealsStalledPastUsualTime(db, now)) {
    const id = await raiseAlert(db, { rule: 'dealStalled', entity: 'deal', entityId: d.dealId, contactId: d.contactId, ownerId: d.ownerId, teamId: d.teamId, title: `Deal ${d.name} stalled in ${d.stageName}: ${d.daysInStage} days (usually ${d.medianDays})`, facts: { name: d.name, stage: d.stageName, daysInStage: d.daysInStage, medianDays: d.medianDays, companyId: d.companyId }, action: 'call', sourceKey: `${d.dealId}:${d.stageEnteredAt}` });
    if (id) raised++;
  }
  return raised;
}

export async function vipSlaAlerts(db: DbOrTrx, now: Date): Promise<number> {
  let raised = 0;
  for (const t of await vipTicketsNearSlaBreach(db, now)) {
    const id = await raiseAlert(db, { rule: 'vipTicketSla', entity: 'ticket', entityId: t.ticketId, contactId: t.contactId, ownerId: t.assigneeId, teamId: t.teamId, title: `VIP ticket #${t.number} near SLA breach (${t.target === 'firstResponse' ? 'first response' : 'resolution'} due ${t.dueAt})`, facts: { number: t.number, subject: t.subject, target: t.target, dueAt: t.dueAt }, action: 'escalate', sourceKey: `${t.ticketId}:${t.target}:${t.dueAt}` });
    if (id) raised++;
  }
  return raised;
}

interface ScoreChanged {
  modelKind?: string;
  contactId?: string;
  old?: number | null;
  new?: number;
  threshold?: number;
  reasons?: unknown;
}

/** A key account's churn score went up past its threshold (or jumped): offer them the next-best product. */
export async function churnJumpAlerts(db: Db): Promise<number> {
  return (await churnJumpRound(db)).raised;
}

/** One batch of the outbox; `consumed` keeps the poller going while events remain (most events raise nothing). */
async function churnJumpRound(db: Db): Promise<{ consumed: number; raised: number }> {
  let raised = 0;
  const consumed = await consumeEvents(db, 'intelligence.alerts.churn', async (events, trx) => {
    for (const e of events) {
      if (e.type !== SCORE_CHANGED) continue;
      const p = e.payload as ScoreChanged;
      if (p.modelKind !== 'churn' || !p.contactId || typeof p.new !== 'number') continue;
      const before = typeof p.old === 'number' ? p.old : 0;
      if (p.new <= before || p.new < (p.threshold ?? 0.5)) continue;
      const why = await keyAccountReason(trx, p.contactId);
      const c = why ? await contactOwner(trx, p.contactId) : undefined;
      if (!why || !c) continue;
      const rec = (await contactRecommendations(trx, systemActor, c.id, 1)).data[0];
      const facts = { name: c.displayName, keyAccount: why, old: Math.round(before * 100), new: Math.round(p.new * 100), product: rec?.name ?? null, reasons: p.reasons ?? null };
      const id = await raiseAlert(trx, { rule: 'churnJump', entity: 'contact', entityId: c.id, contactId: c.id, ownerId: c.ownerId, teamId: c.teamId, title: `Churn risk of ${c.displayName} jumped from ${facts.old} % to ${facts.new} %`, facts, action: rec ? 'recommend' : 'offer', productId: rec?.productId ?? null, sourceKey: e.id });
      if (id) raised++;
    }
  });
  return { consumed, raised };
}

/** Snoozed alerts whose time has come are open again. */
export async function reopenSnoozed(db: DbOrTrx, now: Date): Promise<number> {
  const at = now.toISOString();
  const r = await db.updateTable('alerts').set({ status: 'open', snoozedUntil: null, updatedAt: at }).where('status', '=', 'snoozed').where('snoozedUntil', '<=', at).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function runAlertRules(db: Db, now = new Date()): Promise<number> {
  const k = db.kysely;
  return (await reopenSnoozed(k, now)) + (await negativeSentimentAlerts(k, now)) + (await stalledDealAlerts(k, now)) + (await vipSlaAlerts(k, now));
}

// Polled rules find nothing new most rounds: once a minute is enough; the churn consumer follows the outbox.
registerPoller({ name: 'intelligence.alerts', run: (db) => runAlertRules(db), idleMs: 60_000 });
registerPoller({ name: 'intelligence.alerts.churn', run: async (db) => (await churnJumpRound(db)).consumed, idleMs: 5000 });
