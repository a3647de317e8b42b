// The product catalogue: create, change, read and list products with their price books (catalogue edits: managers, admins).
import type { Selectable } from 'kysely';
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { AppError, notFound } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { decodeCursor, pageOf, type Page } from '../../../core/pagination.js';
import { writeAudit, changedFields } from '../../../core/audit/audit-log.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { getOrgSettings } from '../../../core/settings.js';
import type { ProductsTable } from '../orders/order-tables.js';
import type { Product, ProductInput, ProductListQuery, ProductPatch } from './product-schemas.js';

function assertCatalogueEditor(actor: Actor) {
  if (actor.role !== 'admin' && actor.role !== 'manager') throw new AppError('forbidden', 'Only managers and administrators can change the product catalogue');
}

async function withPrices(db: DbOrTrx, rows: Selectable<ProductsTable>[]): Promise<Product[]> {
  if (!rows.length) return [];
  const prices = await db.selectFrom('productPrices').selectAll().where('productId', 'in', rows.map((r) => r.id)).orderBy('currency').execute();
  return rows.map((r) => ({ ...r, price: Number(r.price), cost: r.cost === null ? null : Number(r.cost), active: r.active === 1, prices: prices.filter((p) => p.productId === r.id).map((p) => ({ currency: p.currency, price: Number(p.price) })) }));
}

export async function getProduct(db: DbOrTrx, id: string): Promise<Product> {
  const row = await db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Product');
  return (await withPrices(db, [row]))[0]!;
}

async function assertSkuFree(db: DbOrTrx, sku: string, exceptId?: string) {
  const clash = await db.selectFrom('products').select('id').where('sku', '=', sku).executeTakeFirst();
  if (clash && clash.id !== exceptId) throw new AppError('conflict', `Another product has the SKU ${sku}`, [{ path: 'sku', message: 'already in use' }]);
}

async function setPrices(trx: DbOrTrx, id: string, prices: ProductInput['prices']) {
  if (!prices) return;
  await trx.deleteFrom('productPrices').where('productId', '=', id).execute();
  const unique = new Map(prices.map((p) => [p.currency, p.price]));
  if (unique.size) await trx.insertInto('productPrices').values([...unique].map(([currency, price]) => ({ productId: id, currency, price }))).execute();
}

export async function createProduct(db: Db, actor: Actor, input: ProductInput): Promise<Product> {
  assertCatalogueEditor(actor);
  await assertSkuFree(db.kysely, input.sku);
  const now = nowIso();
  const id = newId();
  const currency = input.currency ?? (await getOrgSettings(db.kysely)).defaultCurrency;
  return db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('products').values({ id, sku: input.sku, nameEn: input.nameEn, nameZh: input.nameZh ?? null, category: input.category ?? null, price: input.price, cost: input.cost ?? null, currency, active: input.active === false ? 0 : 1, createdAt: now, updatedAt: now }).execute();
    await setPrices(trx, id, input.prices);
    const created = await getProduct(trx, id);
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'create', entity: 'product', entityId: id, after: created });
    await emitEvent(trx, 'product.created', 'product', id, created);
    return created;
  });
}

export async function updateProduct(db: Db, actor: Actor, id: string, patch: ProductPatch): Promise<Product> {
  assertCatalogueEditor(actor);
  const before = await getProduct(db.kysely, id);
  if (patch.sku) await assertSkuFree(db.kysely, patch.sku, id);
  return db.kysely.transaction().execute(async (trx) => {
    const { prices, active, ...fields } = patch;
    await trx.updateTable('products').set({ ...fields, ...(active !== undefined && { active: active ? 1 : 0 }), updatedAt: nowIso() }).where('id', '=', id).execute();
    await setPrices(trx, id, prices);
    const after = await getProduct(trx, id);
    const diff = changedFields(before, after);
    if (Object.keys(diff.after).length) {
      await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'product', entityId: id, ...diff });
      await emitEvent(trx, 'product.updated', 'product', id, after);
    }
    return after;
  });
}

export async function deleteProduct(db: Db, actor: Actor, id: string): Promise<void> {
  assertCatalogueEditor(actor);
  const before = await getProduct(db.kysely, id);
  const used = await db.kysely.selectFrom('dealLineItems').select('id').where('productId', '=', id).limit(1).executeTakeFirst();
  const ordered = await db.kysely.selectFrom('orderItems').select('id').where('productId', '=', id).limit(1).executeTakeFirst();
  if (used || ordered) throw new AppError('conflict', 'This product is on deals or orders; deactivate it (active: false) instead');
  await db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('products').where('id', '=', id).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'delete', entity: 'product', entityId: id, before });
    await emitEvent(trx, 'product.deleted', 'product', id, { id });
  });
}

/** The categories in use, alphabetically (for the catalogue's filter and form). */
export async function listProductCategories(db: Db): Promise<string[]> {
  const rows = await db.kysely.selectFrom('products').select('category').distinct().where('category', 'is not', null).where('category', '!=', '').orderBy('category').limit(500).execute();
  return rows.map((r) => r.category!);
}

/** By SKU; q searches SKU and both names. */
export async function listProducts(db: Db, q: ProductListQuery): Promise<Page<Product>> {
  if (q.sort && q.sort !== 'sku') throw new AppError('validation', `Cannot sort products by "${q.sort}"`, [{ path: 'sort', message: 'products list by sku' }]);
  let query = db.kysely.selectFrom('products').selectAll();
  if (q.category) query = query.where('category', '=', q.category);
  if (q.active) query = query.where('active', '=', q.active === 'true' ? 1 : 0);
  if (q.q) {
    const like = `%${q.q.toLowerCase()}%`;
    query = query.where((eb) => eb.or([eb(eb.fn('lower', ['sku']), 'like', like), eb(eb.fn('lower', ['nameEn']), 'like', like), eb('nameZh', 'like', like)]));
  }
  if (q.cursor) query = query.where('sku', '>', String(decodeCursor(q.cursor, 1)[0]));
  const page = pageOf(await query.orderBy('sku').limit(q.limit + 1).execute(), q.limit, (r) => [r.sku]);
  return { data: await withPrices(db.kysely, page.data), nextCursor: page.nextCursor };
}
