// Deals' contact roles and orders in merges, per-person exports and erasure of a contact.
import { registerContactDataParticipant } from '../../customers/index.js';

// Ids are prefixed by table so a merge's undo can move each record back.
const DC = 'deal_contact:';
const OR = 'order:';

registerContactDataParticipant({
  key: 'sales',
  async exportFor(db, contactId) {
    const dealRoles = await db.selectFrom('dealContacts as dc').innerJoin('deals as d', 'd.id', 'dc.dealId').select(['d.id as dealId', 'd.name as dealName', 'dc.role', 'd.amount', 'd.currency', 'd.status']).where('dc.contactId', '=', contactId).execute();
    const orders = await db.selectFrom('orders').selectAll().where('contactId', '=', contactId).orderBy('orderedAt').execute();
    const items = orders.length ? await db.selectFrom('orderItems').selectAll().where('orderId', 'in', orders.map((o) => o.id)).execute() : [];
    return { dealRoles, orders: orders.map((o) => ({ ...o, items: items.filter((i) => i.orderId === o.id) })) };
  },
  async reassign(db, fromId, toId) {
    // A deal that already lists the survivor keeps that role; the merged contact's duplicate role goes with it.
    const onBoth = db.selectFrom('dealContacts').select('dealId').where('contactId', '=', toId);
    const roles = await db.selectFrom('dealContacts').select('id').where('contactId', '=', fromId).where('dealId', 'not in', onBoth).execute();
    if (roles.length) await db.updateTable('dealContacts').set({ contactId: toId }).where('id', 'in', roles.map((r) => r.id)).execute();
    const orders = await db.selectFrom('orders').select('id').where('contactId', '=', fromId).execute();
    if (orders.length) await db.updateTable('orders').set({ contactId: toId }).where('contactId', '=', fromId).execute();
    return [...roles.map((r) => DC + r.id), ...orders.map((o) => OR + o.id)];
  },
  async restore(db, ids, toId) {
    const of = (p: string) => ids.filter((i) => i.startsWith(p)).map((i) => i.slice(p.length));
    const roles = of(DC);
    const orders = of(OR);
    for (let i = 0; i < roles.length; i += 500) await db.updateTable('dealContacts').set({ contactId: toId }).where('id', 'in', roles.slice(i, i + 500)).execute();
    for (let i = 0; i < orders.length; i += 500) await db.updateTable('orders').set({ contactId: toId }).where('id', 'in', orders.slice(i, i + 500)).execute();
  },
  async erase(db, contactId) {
    // Orders stay for the books (revenue, tax) but no longer name the person; their roles on deals go.
    const roles = await db.deleteFrom('dealContacts').where('contactId', '=', contactId).executeTakeFirst();
    const orders = await db.updateTable('orders').set({ contactId: null }).where('contactId', '=', contactId).executeTakeFirst();
    return Number(roles.numDeletedRows) + Number(orders.numUpdatedRows);
  },
});
