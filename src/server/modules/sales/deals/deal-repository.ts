// Reads deals: one (scoped, with contacts, line items and stage history), and the row-to-API mapping.
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import { canSee, visibleTo, type Actor } from '../../../core/auth/actor.js';
import { notFound } from '../../../core/errors.js';
import type { Deal, DealDetail } from './deal-schemas.js';

export const dealQuery = (db: DbOrTrx) =>
  db
    .selectFrom('deals as d')
    .innerJoin('pipelineStages as s', 's.id', 'd.stageId')
    .leftJoin('users as u', 'u.id', 'd.ownerId')
    .leftJoin('companies as co', 'co.id', 'd.companyId')
    .selectAll('d')
    .select(['s.name as stageName', 's.probability', 'u.name as ownerName', 'co.name as companyName']);

type DealRow = Awaited<ReturnType<ReturnType<typeof dealQuery>['executeTakeFirstOrThrow']>>;

export function toDeal(r: DealRow): Deal {
  const amount = Number(r.amount);
  return {
    id: r.id,
    name: r.name,
    pipelineId: r.pipelineId,
    stageId: r.stageId,
    stageName: r.stageName,
    probability: r.probability,
    amount,
    weightedAmount: Math.round((amount * r.probability) / 100),
    currency: r.currency,
    expectedCloseDate: r.expectedCloseDate,
    ownerId: r.ownerId,
    ownerName: r.ownerName,
    teamId: r.teamId,
    companyId: r.companyId,
    companyName: r.companyName,
    status: r.status,
    forecastCategory: r.forecastCategory,
    position: Number(r.position),
    stageEnteredAt: r.stageEnteredAt,
    closeReason: r.closeReason,
    closedAt: r.closedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export async function loadDetail(db: DbOrTrx, deal: Deal, now = Date.now()): Promise<DealDetail> {
  const [contacts, items, history, orders] = await Promise.all([
    db.selectFrom('dealContacts as dc').innerJoin('contacts as c', 'c.id', 'dc.contactId').select(['dc.contactId', 'c.displayName', 'dc.role']).where('dc.dealId', '=', deal.id).orderBy('dc.id').execute(),
    db
      .selectFrom('dealLineItems as i')
      .leftJoin('products as p', 'p.id', 'i.productId')
      .select(['i.id', 'i.productId', 'i.name', 'i.quantity', 'i.unitPrice', 'i.amount', 'p.nameEn as productNameEn', 'p.nameZh as productNameZh'])
      .where('i.dealId', '=', deal.id)
      .orderBy('i.position')
      .execute(),
    db.selectFrom('dealStageHistory as h').innerJoin('pipelineStages as s', 's.id', 'h.stageId').select(['h.stageId', 's.name as stageName', 'h.enteredAt', 'h.leftAt', 'h.actorId']).where('h.dealId', '=', deal.id).orderBy('h.enteredAt').orderBy('h.id').execute(),
    db.selectFrom('orders').select('id').where('dealId', '=', deal.id).orderBy('id').execute(),
  ]);
  return {
    ...deal,
    contacts,
    // A line keeps the product's English name as it was sold; while that is still the product's name, its Chinese name
    // goes along for the Chinese UI (a line renamed by hand has none).
    lineItems: items.map(({ productNameEn, productNameZh, ...i }) => ({ ...i, nameZh: productNameZh && i.name === productNameEn ? productNameZh : null, unitPrice: Number(i.unitPrice), amount: Number(i.amount) })),
    stageHistory: history.map((h) => ({ ...h, secondsInStage: Math.max(0, Math.round(((h.leftAt ? Date.parse(h.leftAt) : now) - Date.parse(h.enteredAt)) / 1000)) })),
    orderIds: orders.map((o) => o.id),
  };
}

export async function findDeal(db: DbOrTrx, id: string): Promise<Deal | undefined> {
  const row = await dealQuery(db).where('d.id', '=', id).executeTakeFirst();
  return row ? toDeal(row) : undefined;
}

/** A visible deal or 404: one the actor may not see is answered exactly like one that does not exist. */
export async function getDeal(db: Db, actor: Actor, id: string): Promise<Deal> {
  const deal = await findDeal(db.kysely, id);
  if (!deal || !canSee(actor, deal)) throw notFound('Deal');
  return deal;
}

export async function getDealDetail(db: Db, actor: Actor, id: string): Promise<DealDetail> {
  return loadDetail(db.kysely, await getDeal(db, actor, id));
}

/** A deal as the actor is shown it: its contacts the actor may not see are left out (audit and events keep them all). */
export async function dealForActor(db: Db, actor: Actor, deal: DealDetail): Promise<DealDetail> {
  if (actor.visibility === 'all' || deal.contacts.length === 0) return deal;
  const ids = deal.contacts.map((c) => c.contactId);
  const visible = await db.kysely.selectFrom('contacts as c').select('c.id').where('c.id', 'in', ids).where((eb) => visibleTo(eb, actor, 'c.ownerId', 'c.teamId')).execute();
  const seen = new Set(visible.map((r) => r.id));
  return { ...deal, contacts: deal.contacts.filter((c) => seen.has(c.contactId)) };
}
