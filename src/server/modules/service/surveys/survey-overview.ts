// What surveys add to a contact's 360° view: the last CSAT and NPS the contact gave (nothing when never answered).
import { registerOverviewContributor, type Score } from '../../customers/index.js';

registerOverviewContributor({
  key: 'satisfaction',
  title: 'Satisfaction',
  objects: ['contact'],
  async scores(ctx, _object, id) {
    const last = async (column: 'csat' | 'nps') =>
      ctx.db.kysely.selectFrom('surveys').select(column).where('contactId', '=', id).where(column, 'is not', null).orderBy('answeredAt', 'desc').orderBy('id', 'desc').executeTakeFirst();
    const [csat, nps] = await Promise.all([last('csat'), last('nps')]);
    const out: Score[] = [];
    if (csat?.csat != null) out.push({ key: 'lastCsat', label: 'Last CSAT', value: csat.csat, max: 5 });
    if (nps?.nps != null) out.push({ key: 'lastNps', label: 'Last NPS', value: nps.nps, max: 10 });
    return out;
  },
});
