// Orders as an import target: one row per order line, lines grouped by order number into orders; the buyer found by
// email or contact external id, products by SKU; an order number already stored is skipped (imports are repeatable).
import { writeAudit } from '../../../core/audit/audit-log.js';
import { emitBulkEvents, type BulkRecordEvent } from '../../../core/events/bulk-events.js';
import { newId, nowIso } from '../../../core/ids.js';
import { registerImportTarget, type ImportField, type ImportTarget } from '../../data/index.js';
import { orderStatuses } from './order-tables.js';
import { addToMonthTotals } from '../forecast/rollups.js';

const fields: ImportField[] = [
  { key: 'externalId', label: 'Order number', type: 'text', max: 200, aliases: ['order number', 'order no', 'order id', 'order', 'external id', '订单号', '订单编号', '单号'] },
  { key: 'orderedAt', label: 'Order date', type: 'datetime', aliases: ['order date', 'date', 'ordered at', 'created at', 'purchase date', '下单时间', '订单日期', '日期', '购买日期'] },
  { key: 'status', label: 'Status', type: 'select', options: orderStatuses, optionAliases: { 待付款: 'pending', 已付款: 'paid', 已发货: 'fulfilled', 已完成: 'fulfilled', 已取消: 'cancelled', 已退款: 'refunded', completed: 'fulfilled', shipped: 'fulfilled' }, aliases: ['status', 'order status', '状态', '订单状态'] },
  { key: 'channel', label: 'Channel', type: 'text', max: 50, aliases: ['channel', 'store', 'platform', 'source', '渠道', '平台', '店铺'] },
  { key: 'currency', label: 'Currency', type: 'text', max: 3, aliases: ['currency', 'currency code', '币种', '货币'] },
  { key: 'contactEmail', label: 'Buyer email', type: 'email', aliases: ['email', 'customer email', 'buyer email', '邮箱', '客户邮箱'] },
  { key: 'contactExternalId', label: 'Buyer external id', type: 'text', max: 200, aliases: ['customer id', 'buyer id', 'contact id', '客户编号', '会员编号'] },
  { key: 'sku', label: 'SKU', type: 'text', max: 100, aliases: ['sku', 'product code', 'item code', '货号', '商品编码'] },
  { key: 'name', label: 'Item name', type: 'text', max: 200, aliases: ['item', 'product', 'product name', 'item name', '商品', '商品名称', '产品名称'] },
  { key: 'quantity', label: 'Quantity', type: 'number', aliases: ['quantity', 'qty', 'count', '数量', '购买数量'] },
  { key: 'unitPrice', label: 'Unit price', type: 'number', aliases: ['unit price', 'price', '单价', '价格'] },
];

export const orderImportTarget: ImportTarget = {
  object: 'orders',
  label: 'Orders',
  async fields() {
    return fields;
  },
  checkRow(v) {
    const out: { column: string; reason: string }[] = [];
    if (!v.externalId) out.push({ column: 'externalId', reason: 'an order line needs its order number' });
    if (!v.sku && !v.name) out.push({ column: 'sku', reason: 'an order line needs a SKU or an item name' });
    if (v.quantity !== undefined && (!Number.isInteger(v.quantity) || (v.quantity as number) < 1)) out.push({ column: 'quantity', reason: 'a whole number of at least 1' });
    if (v.currency && !/^[A-Za-z]{3}$/.test(String(v.currency))) out.push({ column: 'currency', reason: 'a three-letter currency code such as CNY' });
    return out;
  },
  async writeBatch(trx, ctx, rows) {
    const res = { created: 0, updated: 0, skipped: 0, duplicates: 0, companiesCreated: 0, errors: [] as { rowNumber: number; column: string; value: string | null; reason: string }[] };
    const created: BulkRecordEvent[] = [];
    const orders = new Map<string, { rowNumber: number; v: Record<string, unknown> }[]>();
    for (const r of rows) orders.set(String(r.values.externalId), [...(orders.get(String(r.values.externalId)) ?? []), { rowNumber: r.rowNumber, v: r.values }]);
    const now = nowIso();
    for (const [externalId, lines] of orders) {
      if (await trx.selectFrom('orders').select('id').where('externalId', '=', externalId).executeTakeFirst()) {
        res.skipped += lines.length;
        continue;
      }
      const head = lines[0]!.v;
      const email = head.contactEmail as string | undefined;
      const cx = head.contactExternalId as string | undefined;
      const contact = email || cx ? await trx.selectFrom('contacts').select(['id', 'companyId', 'ownerId', 'teamId']).where(email ? 'primaryEmail' : 'externalId', '=', (email ?? cx)!).executeTakeFirst() : undefined;
      const currency = String(head.currency ?? ctx.currency).toUpperCase();
      const items = [];
      for (const { rowNumber, v } of lines) {
        const p = v.sku ? await trx.selectFrom('products').select(['id', 'nameEn', 'price', 'currency']).where('sku', '=', String(v.sku)).executeTakeFirst() : undefined;
        const unitPrice = v.unitPrice !== undefined ? Math.round(Number(v.unitPrice) * 100) : p && p.currency === currency ? Number(p.price) : null;
        if (unitPrice === null) {
          res.errors.push({ rowNumber, column: 'unitPrice', value: null, reason: v.sku && !p ? `no product with SKU ${v.sku} and no unit price` : `no ${currency} price: give a unit price` });
          continue;
        }
        const quantity = (v.quantity as number | undefined) ?? 1;
        items.push({ id: '', orderId: '', productId: p?.id ?? null, sku: (v.sku as string) ?? null, name: (v.name as string) ?? p?.nameEn ?? String(v.sku), quantity, unitPrice, amount: quantity * unitPrice });
      }
      if (!items.length) continue;
      const id = newId();
      const orderedAt = head.orderedAt ? new Date(head.orderedAt as string).toISOString() : now;
      const order = { id, externalId, contactId: contact?.id ?? null, companyId: contact?.companyId ?? null, dealId: null, status: ((head.status as string) ?? 'paid') as (typeof orderStatuses)[number], channel: (head.channel as string) ?? 'import', currency, total: items.reduce((a, i) => a + i.amount, 0), orderedAt, fulfilledAt: null, ownerId: contact?.ownerId ?? null, teamId: contact?.teamId ?? null, createdAt: now, updatedAt: now };
      await trx.insertInto('orders').values(order).execute();
      await addToMonthTotals(trx, order, 1);
      await trx.insertInto('orderItems').values(items.map((i) => ({ ...i, id: newId(), orderId: id }))).execute();
      await writeAudit(trx, ctx.db.engine, { actorId: ctx.actor.id ?? 'system', action: 'create', entity: 'order', entityId: id, after: { ...order, items: items.length } });
      // The import announces itself with import.completed; an order.created per order only for an opted-in subscriber.
      if (ctx.wanted.has('order.created')) created.push({ entityId: id, payload: { ...order, importId: ctx.importId } });
      res.created++;
    }
    await emitBulkEvents(trx, ctx.bulk, ctx.wanted, 'order.created', 'order', created);
    return res;
  },
};

registerImportTarget(orderImportTarget);
