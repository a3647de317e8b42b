// Reads of recommendations: a product's "also bought" list and a contact's next-best products (leaving out what they
// already bought), each with its reason in words. The contact must be visible to the actor (otherwise 404).
import type { DbOrTrx } from '../../../core/db/database.js';
import { visibleTo, type Actor } from '../../../core/auth/actor.js';
import { notFound } from '../../../core/errors.js';
import { bestSellingProducts, productNames, productsBoughtBy } from '../../sales/index.js';
import { groupByProduct, reasonText, recommendFor, type Association, type Recommendation } from './co-purchase.js';

export interface ExplainedItem {
  productId: string;
  sku: string;
  name: string;
  nameZh: string | null;
  becauseOfId: string | null;
  becauseOf: string | null;
  confidence: number;
  lift: number;
  customersBoth: number;
  reason: string;
}

async function explain(db: DbOrTrx, recs: Recommendation[]): Promise<ExplainedItem[]> {
  const names = await productNames(db, [...new Set(recs.flatMap((r) => (r.becauseOf ? [r.productId, r.becauseOf] : [r.productId])))]);
  const name = (id: string) => names.get(id)?.nameEn ?? id;
  return recs
    .filter((r) => names.get(r.productId)?.active)
    .map((r) => ({
      productId: r.productId,
      sku: names.get(r.productId)!.sku,
      name: name(r.productId),
      nameZh: names.get(r.productId)!.nameZh,
      becauseOfId: r.becauseOf,
      becauseOf: r.becauseOf ? name(r.becauseOf) : null,
      confidence: Math.round(r.confidence * 1000) / 1000,
      lift: Math.round(r.lift * 100) / 100,
      customersBoth: r.both,
      reason: reasonText(r, name),
    }));
}

async function associationsOf(db: DbOrTrx, productIds: string[]): Promise<Association[]> {
  if (!productIds.length) return [];
  const rows = await db.selectFrom('product_associations').selectAll().where('productId', 'in', productIds).execute();
  return rows.map((r) => ({ productId: r.productId, otherId: r.otherId, both: Number(r.together), buyers: Number(r.buyers), support: Number(r.support), confidence: Number(r.confidence), lift: Number(r.lift) }));
}

export async function alsoBought(db: DbOrTrx, productId: string, limit: number): Promise<ExplainedItem[]> {
  if (!(await db.selectFrom('products').select('id').where('id', '=', productId).executeTakeFirst())) throw notFound('Product');
  const list = (await associationsOf(db, [productId])).sort((a, b) => b.confidence - a.confidence || b.lift - a.lift || a.otherId.localeCompare(b.otherId));
  return (await explain(db, list.map((a) => ({ productId: a.otherId, becauseOf: a.productId, confidence: a.confidence, lift: a.lift, both: a.both })))).slice(0, limit);
}

export async function contactRecommendations(db: DbOrTrx, actor: Actor, contactId: string, limit: number): Promise<{ owned: number; data: ExplainedItem[] }> {
  const contact = await db.selectFrom('contacts').select('id').where('id', '=', contactId).where((eb) => visibleTo(eb, actor, 'ownerId', 'teamId')).executeTakeFirst();
  if (!contact) throw notFound('Contact');
  const owned = new Set((await productsBoughtBy(db, contactId)).keys());
  const byProduct = groupByProduct(await associationsOf(db, [...owned]));
  // Ask for more than shown: inactive products are dropped when explained.
  const recs = recommendFor(owned, byProduct, await bestSellingProducts(db, limit + owned.size), limit * 2);
  return { owned: owned.size, data: (await explain(db, recs)).slice(0, limit) };
}
