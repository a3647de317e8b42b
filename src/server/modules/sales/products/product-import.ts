// Products as an import target: matched by SKU (update or skip), new ones inserted; prices in the file are whole units.
import { changedFields, writeAudit } from '../../../core/audit/audit-log.js';
import { newId, nowIso } from '../../../core/ids.js';
import { registerImportTarget, type ImportField, type ImportTarget } from '../../data/index.js';

const fields: ImportField[] = [
  { key: 'sku', label: 'SKU', type: 'text', max: 100, aliases: ['sku', 'product code', 'item code', 'code', 'article number', '货号', '商品编码', '产品编码', '编码', 'sku编码'] },
  { key: 'nameEn', label: 'Name (English)', type: 'text', max: 200, aliases: ['name', 'product name', 'product', 'item', 'name (english)', 'english name', '英文名', '英文名称'] },
  { key: 'nameZh', label: 'Name (Chinese)', type: 'text', max: 200, aliases: ['chinese name', 'name (chinese)', '商品名称', '产品名称', '中文名', '中文名称', '名称'] },
  { key: 'category', label: 'Category', type: 'text', max: 100, aliases: ['category', 'product category', 'type', '类别', '分类', '品类'] },
  { key: 'price', label: 'Price', type: 'number', aliases: ['price', 'unit price', 'list price', 'sale price', '价格', '单价', '售价', '零售价'] },
  { key: 'cost', label: 'Cost', type: 'number', aliases: ['cost', 'unit cost', 'cost price', '成本', '成本价', '进价'] },
  { key: 'currency', label: 'Currency', type: 'text', max: 3, aliases: ['currency', 'currency code', '币种', '货币'] },
  { key: 'active', label: 'Active', type: 'boolean', aliases: ['active', 'enabled', 'status', '启用', '是否启用', '在售'] },
];

const minor = (v: unknown) => (v === undefined || v === null ? null : Math.round(Number(v) * 100));

export const productImportTarget: ImportTarget = {
  object: 'products',
  label: 'Products',
  roles: ['admin', 'manager'],
  refusal: 'Only managers and administrators can change the product catalogue',
  async fields() {
    return fields;
  },
  checkRow(v) {
    const out: { column: string; reason: string }[] = [];
    if (!v.sku) out.push({ column: 'sku', reason: 'a product needs a SKU' });
    if (!v.nameEn && !v.nameZh) out.push({ column: 'nameEn', reason: 'a product needs a name (English or Chinese)' });
    if (v.price === undefined || v.price === null) out.push({ column: 'price', reason: 'a product needs a price' });
    else if (Number(v.price) < 0) out.push({ column: 'price', reason: 'a price cannot be negative' });
    if (v.currency && !/^[A-Za-z]{3}$/.test(String(v.currency))) out.push({ column: 'currency', reason: 'a three-letter currency code such as CNY' });
    return out;
  },
  async writeBatch(trx, ctx, rows) {
    const res = { created: 0, updated: 0, skipped: 0, duplicates: 0, companiesCreated: 0, errors: [] };
    const bySku = new Map<string, Record<string, unknown>>();
    for (const r of rows) {
      const sku = String(r.values.sku);
      if (bySku.has(sku)) res.duplicates++;
      bySku.set(sku, { ...bySku.get(sku), ...r.values });
    }
    const now = nowIso();
    const actorId = ctx.actor.id ?? 'system';
    for (const [sku, v] of bySku) {
      const found = await trx.selectFrom('products').selectAll().where('sku', '=', sku).executeTakeFirst();
      const next = { nameEn: (v.nameEn ?? v.nameZh) as string, nameZh: (v.nameZh as string) ?? null, category: (v.category as string) ?? null, price: minor(v.price)!, cost: minor(v.cost), currency: String(v.currency ?? ctx.currency).toUpperCase(), active: v.active === false ? 0 : 1 };
      if (!found) {
        const row = { id: newId(), sku, ...next, createdAt: now, updatedAt: now };
        await trx.insertInto('products').values(row).execute();
        await writeAudit(trx, ctx.db.engine, { actorId, action: 'create', entity: 'product', entityId: row.id, after: row });
        res.created++;
      } else if (ctx.onMatch === 'skip') res.skipped++;
      else {
        const before = { nameEn: found.nameEn, nameZh: found.nameZh, category: found.category, price: Number(found.price), cost: found.cost === null ? null : Number(found.cost), currency: found.currency, active: found.active };
        const after = ctx.updateMode === 'fill' ? { ...before, nameZh: before.nameZh ?? next.nameZh, category: before.category ?? next.category, cost: before.cost ?? next.cost } : { ...next, nameZh: next.nameZh ?? before.nameZh, category: next.category ?? before.category, cost: next.cost ?? before.cost };
        const diff = changedFields(before, after);
        if (!Object.keys(diff.after).length) res.skipped++;
        else {
          await trx.updateTable('products').set({ ...after, updatedAt: now }).where('id', '=', found.id).execute();
          await writeAudit(trx, ctx.db.engine, { actorId, action: 'update', entity: 'product', entityId: found.id, ...diff });
          res.updated++;
        }
      }
    }
    return res;
  },
};

registerImportTarget(productImportTarget);
