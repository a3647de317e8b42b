// Two Today cards: my open alerts with their suggested actions (accept / snooze / dismiss from the card), and my
// at-risk customers: the contacts I own whose churn score is past its model's threshold or whose chance of buying
// again (BG/NBD) fell below half, biggest spenders first.
import { sql } from 'kysely';
import { item, registerTodayCard } from '../../../core/today/today-registry.js';

registerTodayCard({
  key: 'alerts',
  order: 15,
  async load({ db, actor }, _day, limit) {
    const mine = () => db.kysely.selectFrom('alerts as a').where('a.ownerId', '=', actor.id).where('a.status', '=', 'open');
    const [rows, n] = await Promise.all([
      mine().leftJoin('products as p', 'p.id', 'a.productId').select(['a.id', 'a.rule', 'a.title', 'a.action', 'a.entity', 'a.entityId', 'a.createdAt', 'a.facts', 'p.nameEn as productName']).orderBy('a.createdAt', 'desc').orderBy('a.id', 'desc').limit(limit).execute(),
      mine().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    ]);
    return {
      count: Number(n?.n ?? 0),
      total: null,
      currency: null,
      // The title is the record's name; the tags are the rule and the suggested action (and the subtitle the product to
      // recommend), which the web says in the reader's language.
      items: rows.map((r) => {
        const f = JSON.parse(r.facts) as { name?: string; number?: number; subject?: string };
        return item({ id: r.id, title: f.name ?? (f.number ? `#${f.number} ${f.subject ?? ''}`.trim() : r.title), subtitle: r.productName, at: r.createdAt, entity: r.entity, entityId: r.entityId, tags: [r.rule, r.action] });
      }),
    };
  },
});

const churnAtRisk = sql<boolean>`exists (select 1 from contact_model_scores s join predictive_models m on m.id = s.model_id where s.contact_id = c.id and m.kind = 'churn' and s.score >= m.threshold)`;
const churnScore = sql<number | null>`(select max(s.score) from contact_model_scores s join predictive_models m on m.id = s.model_id where s.contact_id = c.id and m.kind = 'churn')`;

registerTodayCard({
  key: 'atRiskCustomers',
  order: 16,
  async load({ db, actor }, _day, limit) {
    // A churn model's score at or above its threshold, or (from the CLV model) less than half a chance to buy again.
    const atRisk = () =>
      db.kysely
        .selectFrom('contacts as c')
        .leftJoin('contact_values as v', 'v.contactId', 'c.id')
        .where('c.ownerId', '=', actor.id)
        .where((eb) => eb.or([eb('v.probabilityAlive', '<', 0.5), churnAtRisk]));
    const [rows, n] = await Promise.all([
      atRisk()
        .select(['c.id', 'c.displayName', 'v.revenue', 'v.probabilityAlive', 'v.lastOrderAt', churnScore.as('churn')])
        .orderBy((eb) => eb.fn.coalesce('v.revenue', eb.lit(0)), 'desc')
        .orderBy('c.id')
        .limit(limit)
        .execute(),
      atRisk().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    ]);
    return {
      count: Number(n?.n ?? 0),
      total: null,
      currency: null,
      // `at` is the last order; the tag says why in numbers: churn:<% risk> from a model, or alive:<% chance to buy again>.
      items: rows.map((r) => item({ id: r.id, title: r.displayName, at: r.lastOrderAt ?? null, amount: r.revenue === null ? null : Number(r.revenue), entity: 'contact', entityId: r.id, tags: [r.churn !== null && r.churn !== undefined ? `churn:${Math.round(Number(r.churn) * 100)}` : `alive:${Math.round(Number(r.probabilityAlive) * 100)}`] })),
    };
  },
});
