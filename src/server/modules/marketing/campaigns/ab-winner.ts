// The A/B test's automatic winner: once the wait after the send started is over and the test groups are delivered,
// the subject with the higher open (or click) rate wins and the send job is queued again for the rest.
import type { Db } from '../../../core/db/database.js';
import { nowIso } from '../../../core/ids.js';
import { enqueueJob } from '../../../core/jobs/job-queue.js';
import { registerPoller } from '../../../core/jobs/worker.js';

/** Which variants may be sent now. */
export function abSendableVariants(c: { abSubject: string | null; abWinner: string | null }): string[] {
  if (!c.abSubject) return ['a', 'rest'];
  return c.abWinner ? ['a', 'b', 'rest'] : ['a', 'b'];
}

async function rates(db: Db, campaignId: string, metric: 'open' | 'click') {
  const col = metric === 'open' ? 'openedAt' : 'clickedAt';
  const rows = await db.kysely
    .selectFrom('campaignRecipients')
    .select((eb) => ['variant', eb.fn.countAll<number>().as('sent'), eb.fn.count<number>(col).as('hits')])
    .where('campaignId', '=', campaignId)
    .where('status', '=', 'sent')
    .where('variant', 'in', ['a', 'b'])
    .groupBy('variant')
    .execute();
  const rate = (v: string) => {
    const r = rows.find((x) => x.variant === v);
    return r && Number(r.sent) > 0 ? Number(r.hits) / Number(r.sent) : 0;
  };
  return { a: rate('a'), b: rate('b') };
}

/** Picks winners that are due; returns how many campaigns got one. */
export async function pickAbWinners(db: Db, now = new Date()): Promise<number> {
  const due = await db.kysely.selectFrom('campaigns').select(['id', 'abMetric', 'abWaitMinutes', 'startedAt', 'createdBy']).where('status', '=', 'sending').where('abSubject', 'is not', null).where('abWinner', 'is', null).where('abSharePercent', '>', 0).execute();
  let n = 0;
  for (const c of due) {
    if (!c.startedAt || new Date(c.startedAt).getTime() + c.abWaitMinutes * 60_000 > now.getTime()) continue;
    const open = await db.kysely.selectFrom('campaignRecipients').select('id').where('campaignId', '=', c.id).where('variant', 'in', ['a', 'b']).where('status', 'in', ['pending', 'sending', 'committing']).executeTakeFirst();
    if (open) continue;
    const r = await rates(db, c.id, c.abMetric);
    const winner = r.b > r.a ? 'b' : 'a';
    const set = await db.kysely.updateTable('campaigns').set({ abWinner: winner, updatedAt: nowIso() }).where('id', '=', c.id).where('abWinner', 'is', null).executeTakeFirst();
    if (Number(set.numUpdatedRows) !== 1) continue;
    const job = await enqueueJob(db, 'marketing.campaign.send', { campaignId: c.id }, c.createdBy);
    await db.kysely.updateTable('campaigns').set({ jobId: job.id }).where('id', '=', c.id).execute();
    n++;
  }
  return n;
}

registerPoller({ name: 'marketing.campaigns.ab-winner', run: (db) => pickAbWinners(db), idleMs: 30_000 });
