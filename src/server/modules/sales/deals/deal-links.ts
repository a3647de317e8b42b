// Checks what a deal links to (owner, company, contacts, products) and prices its line items from the price books.
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { AppError } from '../../../core/errors.js';
import { newId } from '../../../core/ids.js';
import { getCompany, getContact } from '../../customers/index.js';
import type { DealInput } from './deal-schemas.js';
import type { DealLineItemsTable } from './deal-tables.js';

export async function resolveDealOwner(db: Db, actor: Actor, ownerId: string | null | undefined): Promise<{ ownerId: string | null; teamId: string | null }> {
  const id = ownerId === undefined ? (actor.id === 'system' ? null : actor.id) : ownerId;
  if (id === null) return { ownerId: null, teamId: null };
  const u = await db.kysely.selectFrom('users').select(['id', 'teamId', 'active']).where('id', '=', id).executeTakeFirst();
  if (!u || u.active !== 1) throw new AppError('validation', 'The owner must be an active user', [{ path: 'ownerId', message: 'unknown or inactive user' }]);
  return { ownerId: u.id, teamId: u.teamId };
}

export async function checkCompany(db: Db, actor: Actor, companyId: string | null | undefined): Promise<void> {
  if (!companyId) return;
  try {
    await getCompany(db, actor, companyId);
  } catch {
    throw new AppError('validation', 'That company does not exist', [{ path: 'companyId', message: 'unknown company' }]);
  }
}

export async function checkContacts(db: Db, actor: Actor, contacts: DealInput['contacts']): Promise<void> {
  const seen = new Set<string>();
  for (const [i, c] of (contacts ?? []).entries()) {
    if (seen.has(c.contactId)) throw new AppError('validation', 'A contact is listed twice', [{ path: `contacts.${i}.contactId`, message: 'duplicate contact' }]);
    seen.add(c.contactId);
    try {
      await getContact(db, actor, c.contactId);
    } catch {
      throw new AppError('validation', 'That contact does not exist', [{ path: `contacts.${i}.contactId`, message: 'unknown contact' }]);
    }
  }
}

/** A line item priced and ready to store (its deal id is added when written). */
export type PricedItem = Omit<DealLineItemsTable, 'dealId'>;

/** A product's price in a currency: its price book entry, else its list price when that is in the same currency. */
export async function productPrice(db: DbOrTrx, productId: string, currency: string): Promise<{ name: string; price: number | null; sku: string } | undefined> {
  const p = await db.selectFrom('products').select(['nameEn', 'sku', 'price', 'currency']).where('id', '=', productId).executeTakeFirst();
  if (!p) return undefined;
  const book = await db.selectFrom('productPrices').select('price').where('productId', '=', productId).where('currency', '=', currency).executeTakeFirst();
  return { name: p.nameEn, sku: p.sku, price: book ? Number(book.price) : p.currency === currency ? Number(p.price) : null };
}

export async function priceLineItems(db: DbOrTrx, items: NonNullable<DealInput['lineItems']>, currency: string, path = 'lineItems'): Promise<PricedItem[]> {
  const out: PricedItem[] = [];
  for (const [i, item] of items.entries()) {
    let name = item.name;
    let unitPrice = item.unitPrice;
    if (item.productId) {
      const p = await productPrice(db, item.productId, currency);
      if (!p) throw new AppError('validation', 'That product does not exist', [{ path: `${path}.${i}.productId`, message: 'unknown product' }]);
      name ??= p.name;
      if (unitPrice === undefined) {
        if (p.price === null) throw new AppError('validation', `Product ${p.sku} has no price in ${currency}: give unitPrice or add it to the price book`, [{ path: `${path}.${i}.unitPrice`, message: `no ${currency} price` }]);
        unitPrice = p.price;
      }
    }
    if (!name) throw new AppError('validation', 'A line item needs a product or a name', [{ path: `${path}.${i}.name`, message: 'required without productId' }]);
    if (unitPrice === undefined) throw new AppError('validation', 'A line item without a product needs a unit price', [{ path: `${path}.${i}.unitPrice`, message: 'required without productId' }]);
    out.push({ id: newId(), productId: item.productId ?? null, name, quantity: item.quantity, unitPrice, amount: unitPrice * item.quantity, position: i });
  }
  return out;
}
