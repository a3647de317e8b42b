// Two Today cards: my open alerts with their suggested actions (accept / snooze / dismiss from the card), and my
// at-risk customers: the contacts I own that spent the most among those whose chance of buying again fell below half.
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

registerTodayCard({
  key: 'atRiskCustomers',
  order: 16,
  async load({ db, actor }, _day, limit) {
    const atRisk = () => db.kysely.selectFrom('contact_values as v').innerJoin('contacts as c', 'c.id', 'v.contactId').where('c.ownerId', '=', actor.id).where('v.probabilityAlive', '<', 0.5);
    const [rows, n] = await Promise.all([
      atRisk().select(['c.id', 'c.displayName', 'v.revenue', 'v.probabilityAlive', 'v.lastOrderAt']).orderBy('v.revenue', 'desc').orderBy('c.id').limit(limit).execute(),
      atRisk().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    ]);
    return {
      count: Number(n?.n ?? 0),
      total: null,
      currency: null,
      // `at` is the last order; the tag is the chance (in %) they buy again.
      items: rows.map((r) => item({ id: r.id, title: r.displayName, at: r.lastOrderAt, amount: Number(r.revenue), entity: 'contact', entityId: r.id, tags: [`${Math.round(Number(r.probabilityAlive) * 100)}`] })),
    };
  },
});
