// A campaign's report over the recipients the caller may see: delivery, unique and total opens and clicks, clicks per
// link, unsubscribes, bounces, complaints (recipients who marked it as spam), hourly engagement, A/B groups, and ROI — revenue orders of recipients placed within
// the attribution window after their own message, against the campaign's cost.
import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db/database.js';
import { contactScopeSql } from '../../customers/index.js';
import { revenueOrderRowsSql } from '../../sales/index.js';
import type { CampaignReport } from './campaign-schemas.js';
import { findCampaign } from './campaign-service.js';

const n = (v: unknown) => Number(v ?? 0);

/** sent_at plus N days as an ISO text, so it compares with the orders' ISO times on both engines. */
const windowEnd = (db: Db, days: number): RawBuilder<string> =>
  db.engine === 'sqlite' ? sql`strftime('%Y-%m-%dT%H:%M:%fZ', cr.sent_at, ${`+${days} days`})` : sql`to_char((cr.sent_at::timestamptz + make_interval(days => ${days})) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export async function campaignReport(db: Db, actor: Actor, id: string): Promise<CampaignReport> {
  const c = await findCampaign(db, id);
  const scope = contactScopeSql(db, actor, true);
  const k = db.kysely;
  const visible = () => k.selectFrom('campaignRecipients as cr').innerJoin('contacts as r', 'r.id', 'cr.contactId').where('cr.campaignId', '=', id).where(scope);
  const byStatus = await visible().select((eb) => ['cr.status', 'cr.skipReason', eb.fn.countAll<number>().as('n')]).groupBy(['cr.status', 'cr.skipReason']).execute();
  const counts = await visible()
    .select((eb) => [eb.fn.count<number>('cr.openedAt').as('opened'), eb.fn.count<number>('cr.clickedAt').as('clicked'), eb.fn.count<number>('cr.unsubscribedAt').as('unsubscribed'), eb.fn.count<number>('cr.bouncedAt').as('bounced'), eb.fn.sum<number>('cr.uncertain').as('uncertain')])
    .executeTakeFirstOrThrow();
  const events = () => k.selectFrom('campaignEvents as e').innerJoin('contacts as r', 'r.id', 'e.contactId').where('e.campaignId', '=', id).where(scope);
  const complained = await events().select(sql<number>`count(distinct e.recipient_id)`.as('n')).where('e.kind', '=', 'complaint').executeTakeFirstOrThrow();
  const totals = await events().select((eb) => ['e.kind', eb.fn.countAll<number>().as('n')]).where('e.kind', 'in', ['open', 'click']).groupBy('e.kind').execute();
  const links = await events().select((eb) => ['e.url', eb.fn.countAll<number>().as('clicks'), eb.fn.count<number>(sql`distinct e.recipient_id`).as('unique')]).where('e.kind', '=', 'click').groupBy('e.url').orderBy('clicks', 'desc').limit(100).execute();
  const hours = await events().select((eb) => [sql<string>`substr(e.at, 1, 13)`.as('hour'), 'e.kind', eb.fn.countAll<number>().as('n')]).where('e.kind', 'in', ['open', 'click']).groupBy([sql`substr(e.at, 1, 13)`, 'e.kind']).orderBy('hour').limit(2000).execute();
  const variants = await visible().select((eb) => ['cr.variant', eb.fn.sum<number>(sql`case when cr.status = 'sent' then 1 else 0 end`).as('sent'), eb.fn.count<number>('cr.openedAt').as('opened'), eb.fn.count<number>('cr.clickedAt').as('clicked')]).groupBy('cr.variant').orderBy('cr.variant').execute();
  const days = Number(c.attributionDays);
  const orders = await sql<{ currency: string; orders: number; buyers: number; amount: number }>`
    select o.currency, count(*) as orders, count(distinct o.contact_id) as buyers, coalesce(sum(o.total), 0) as amount
    from campaign_recipients cr join contacts r on r.id = cr.contact_id join (${revenueOrderRowsSql()}) o on o.contact_id = cr.contact_id
    where cr.campaign_id = ${id} and cr.status = 'sent' and ${scope} and o.ordered_at >= cr.sent_at and o.ordered_at < ${windowEnd(db, days)}
    group by o.currency`.execute(k);

  const status = (s: string) => byStatus.filter((r) => r.status === s).reduce((a, r) => a + n(r.n), 0);
  const sent = status('sent');
  const skipped: Record<string, number> = {};
  for (const r of byStatus.filter((x) => x.status === 'skipped')) skipped[r.skipReason ?? 'unknown'] = n(r.n);
  const hourMap = new Map<string, { hour: string; opens: number; clicks: number }>();
  for (const h of hours) {
    const e = hourMap.get(h.hour) ?? { hour: h.hour, opens: 0, clicks: 0 };
    if (h.kind === 'open') e.opens += n(h.n);
    else e.clicks += n(h.n);
    hourMap.set(h.hour, e);
  }
  const revenue = orders.rows.map((r) => ({ currency: r.currency, amount: n(r.amount) }));
  const own = revenue.find((r) => r.currency === c.currency)?.amount ?? 0;
  const cost = Number(c.cost);
  return {
    audience: byStatus.reduce((a, r) => a + n(r.n), 0),
    sent,
    delivered: sent - n(counts.bounced),
    failed: status('failed'),
    pending: status('pending') + status('sending') + status('committing'),
    uncertain: n(counts.uncertain),
    skipped,
    opens: { unique: n(counts.opened), total: n(totals.find((t) => t.kind === 'open')?.n), rate: sent ? n(counts.opened) / sent : 0 },
    clicks: { unique: n(counts.clicked), total: n(totals.find((t) => t.kind === 'click')?.n), rate: sent ? n(counts.clicked) / sent : 0 },
    links: links.map((l) => ({ url: l.url ?? '', clicks: n(l.clicks), unique: n(l.unique) })),
    unsubscribes: n(counts.unsubscribed),
    bounces: n(counts.bounced),
    complaints: n(complained.n),
    timeline: [...hourMap.values()].map((h) => ({ ...h, hour: `${h.hour}:00:00Z` })),
    variants: variants.map((v) => ({ variant: v.variant, sent: n(v.sent), opened: n(v.opened), clicked: n(v.clicked) })),
    roi: { attributionDays: days, cost, currency: c.currency, orders: orders.rows.reduce((a, r) => a + n(r.orders), 0), buyers: orders.rows.reduce((a, r) => a + n(r.buyers), 0), revenue, roi: cost > 0 ? (own - cost) / cost : null },
  };
}
