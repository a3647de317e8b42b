// Deals and orders in company merges: a merged company's deals and orders move to the survivor (and back on undo).
import { registerCompanyDataParticipant } from '../../customers/index.js';

// Ids are prefixed by table so a merge's undo can move each record back.
const DE = 'deal:';
const OR = 'order:';

registerCompanyDataParticipant({
  key: 'sales',
  async reassign(db, fromId, toId) {
    const deals = await db.selectFrom('deals').select('id').where('companyId', '=', fromId).execute();
    if (deals.length) await db.updateTable('deals').set({ companyId: toId }).where('companyId', '=', fromId).execute();
    const orders = await db.selectFrom('orders').select('id').where('companyId', '=', fromId).execute();
    if (orders.length) await db.updateTable('orders').set({ companyId: toId }).where('companyId', '=', fromId).execute();
    return [...deals.map((d) => DE + d.id), ...orders.map((o) => OR + o.id)];
  },
  async restore(db, ids, toId) {
    const of = (p: string) => ids.filter((i) => i.startsWith(p)).map((i) => i.slice(p.length));
    const deals = of(DE);
    const orders = of(OR);
    for (let i = 0; i < deals.length; i += 500) await db.updateTable('deals').set({ companyId: toId }).where('id', 'in', deals.slice(i, i + 500)).execute();
    for (let i = 0; i < orders.length; i += 500) await db.updateTable('orders').set({ companyId: toId }).where('id', 'in', orders.slice(i, i + 500)).execute();
  },
});
