// Demo seed, sales part: a bilingual product catalogue with USD price books, a second pipeline, deals across every stage
// (through the real services, then spread back in time consistently), monthly quotas, and two years of orders (bulk).
import type { Db } from '../core/db/database.js';
import type { Actor } from '../core/auth/actor.js';
import { newId } from '../core/ids.js';
import { createDeal, createPipeline, createProduct, moveDealToStage, rebuildSalesRollups, setQuota } from '../modules/sales/index.js';
import { DAY, type Rand } from './demo-random.js';

const catalogue: [string, string, string, string, number][] = [
  ['CRM-STD', 'CRM Standard seat (year)', 'CRM 标准版席位（年）', 'licences', 98000],
  ['CRM-PRO', 'CRM Professional seat (year)', 'CRM 专业版席位（年）', 'licences', 168000],
  ['CRM-ENT', 'CRM Enterprise seat (year)', 'CRM 企业版席位（年）', 'licences', 298000],
  ['SVC-ONB', 'Onboarding package', '上线实施服务包', 'services', 1500000],
  ['SVC-TRN', 'Training day', '培训（每天）', 'services', 600000],
  ['SVC-MIG', 'Data migration', '数据迁移服务', 'services', 2000000],
  ['SUP-GLD', 'Gold support (year)', '金牌支持（年）', 'support', 3600000],
  ['SUP-SLV', 'Silver support (year)', '银牌支持（年）', 'support', 1800000],
  ['ADD-SMS', 'SMS bundle 10,000', '短信包 1 万条', 'add-ons', 450000],
  ['ADD-WX', 'WeChat connector', '微信连接器', 'add-ons', 1200000],
  ['ADD-API', 'API capacity pack', 'API 调用扩容包', 'add-ons', 800000],
  ['HW-SCN', 'Card scanner', '名片扫描仪', 'hardware', 129900],
];
const lossReasons = ['Price too high', 'Chose a competitor', 'No budget this year', 'Project cancelled', '价格太高', '选择了竞争对手'];
const winReasons = ['Best fit for their process', 'Local support team', 'Price and WeChat integration', '本地化服务好', '功能最符合需求'];

export async function seedDemoSales(db: Db, r: Rand, opts: { deals?: number; orderContacts?: number } = {}): Promise<string> {
  const k = db.kysely;
  const users = await k.selectFrom('users').select(['id', 'name', 'role', 'teamId']).where('active', '=', 1).execute();
  const admin = users.find((u) => u.role === 'admin') ?? users[0]!;
  const as = (u: (typeof users)[number]): Actor => ({ id: u.id, name: u.name, role: u.role, teamId: u.teamId, visibility: 'all' });
  const reps = users.filter((u) => u.role === 'sales' || u.role === 'manager');
  if (!reps.length) return 'sales: no sales staff, nothing seeded';
  const products = [];
  for (const [sku, nameEn, nameZh, category, price] of catalogue) {
    products.push(await createProduct(db, as(admin), { sku, nameEn, nameZh, category, price, cost: Math.round(price * 0.35), currency: 'CNY', prices: [{ currency: 'USD', price: Math.round(price / 7.1) }] }));
  }
  await createPipeline(db, as(admin), {
    name: 'Enterprise 企业客户',
    stages: [{ name: 'Discovery', probability: 10, kind: 'open' }, { name: 'Solution design', probability: 35, kind: 'open' }, { name: 'Proof of concept', probability: 55, kind: 'open' }, { name: 'Procurement', probability: 85, kind: 'open' }, { name: 'Won', probability: 100, kind: 'won' }, { name: 'Lost', probability: 0, kind: 'lost' }],
  });
  const pipelines = await k.selectFrom('pipelines').select('id').orderBy('position').execute();
  const stages = await k.selectFrom('pipelineStages').selectAll().orderBy('position').execute();
  const companies = await k.selectFrom('companies').select('id').execute();
  const contacts = await k.selectFrom('contacts').select(['id', 'companyId', 'ownerId', 'teamId']).execute();
  const byCompany = new Map<string, string[]>();
  for (const c of contacts) if (c.companyId) byCompany.set(c.companyId, [...(byCompany.get(c.companyId) ?? []), c.id]);
  const dealCount = opts.deals ?? 160;
  const now = Date.now();
  const counts = { open: 0, won: 0, lost: 0 };
  for (let i = 0; i < dealCount && companies.length; i++) {
    const pipelineId = r.chance(0.75) ? pipelines[0]!.id : r.pick(pipelines).id;
    const ps = stages.filter((s) => s.pipelineId === pipelineId);
    const company = r.pick(companies).id;
    const people = byCompany.get(company) ?? [];
    const owner = r.pick(reps);
    const lines = r.some(products, 1, 3).map((p) => ({ productId: p.id, quantity: p.category === 'licences' ? r.int(5, 80) : r.int(1, 3) }));
    const target = r.weighted<'open' | 'won' | 'lost'>([['open', 55], ['won', 25], ['lost', 20]]);
    const ageDays = target === 'open' ? r.int(3, 120) : r.int(20, 700);
    const deal = await createDeal(db, as(owner), {
      name: `${r.pick(['Rollout', 'Expansion', 'Renewal', 'Pilot', '扩容', '续约', '新项目'])} ${i + 1}`,
      pipelineId,
      ownerId: owner.id,
      companyId: company,
      contacts: r.some(people, 0, 2).map((contactId, n) => ({ contactId, role: n === 0 ? 'decision maker' : 'influencer' })),
      lineItems: lines,
      expectedCloseDate: new Date(now + (target === 'open' ? r.int(-10, 180) : -r.int(0, ageDays - 10)) * DAY).toISOString().slice(0, 10),
      forecastCategory: r.weighted([['pipeline', 50], ['best_case', 30], ['commit', 20]] as const),
    });
    const open = ps.filter((s) => s.kind === 'open');
    const reach = target === 'open' ? r.int(0, open.length - 1) : r.int(1, open.length - 1);
    for (const s of open.slice(1, reach + 1)) await moveDealToStage(db, as(owner), deal.id, { stageId: s.id });
    if (target !== 'open') await moveDealToStage(db, as(owner), deal.id, { stageId: ps.find((s) => s.kind === target)!.id, reason: r.pick(target === 'won' ? winReasons : lossReasons), createOrder: target === 'won' });
    counts[target]++;
    await spreadInTime(db, deal.id, now - ageDays * DAY, target === 'open' ? now - r.int(0, 5) * DAY : now - r.int(1, Math.max(1, ageDays - 15)) * DAY);
  }
  await seedQuotas(db, as(admin), reps, r);
  const orders = await seedOrders(db, r, products, contacts, opts.orderContacts ?? Math.min(contacts.length, 900));
  return `  ${products.length} products, 2 pipelines, ${dealCount} deals (open ${counts.open}, won ${counts.won}, lost ${counts.lost}), ${orders} orders over two years, monthly quotas`;
}

/** Moves a deal's history from "just now" to a believable past: creation at `start`, each stage change spread until `end`. */
async function spreadInTime(db: Db, dealId: string, start: number, end: number) {
  const k = db.kysely;
  const hist = await k.selectFrom('dealStageHistory').select('id').where('dealId', '=', dealId).orderBy('enteredAt').orderBy('id').execute();
  const at = (i: number) => new Date(start + ((end - start) * i) / Math.max(1, hist.length - 1)).toISOString();
  for (const [i, h] of hist.entries()) await k.updateTable('dealStageHistory').set({ enteredAt: at(i), leftAt: i < hist.length - 1 ? at(i + 1) : null }).where('id', '=', h.id).execute();
  const deal = await k.selectFrom('deals').select(['status']).where('id', '=', dealId).executeTakeFirstOrThrow();
  const closed = deal.status !== 'open';
  const last = at(hist.length - 1);
  await k.updateTable('deals').set({ createdAt: new Date(start).toISOString(), stageEnteredAt: last, closedAt: closed ? last : null, cycleDays: closed ? Math.floor((Date.parse(last) - start) / DAY) : null, updatedAt: last }).where('id', '=', dealId).execute();
  if (closed) await k.updateTable('orders').set({ orderedAt: last, createdAt: last, updatedAt: last, status: 'paid' }).where('dealId', '=', dealId).execute();
}

async function seedQuotas(db: Db, admin: Actor, reps: { id: string; teamId: string | null }[], r: Rand) {
  const base = new Date();
  const teams = new Map<string, number>();
  for (let m = -11; m <= 2; m++) {
    const month = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth() + m, 1)).toISOString().slice(0, 7);
    teams.clear();
    for (const rep of reps) {
      const amount = r.int(20, 60) * 10_000_00;
      await setQuota(db, admin, { userId: rep.id, month, amount, currency: 'CNY' });
      if (rep.teamId) teams.set(rep.teamId, (teams.get(rep.teamId) ?? 0) + amount);
    }
    for (const [teamId, amount] of teams) await setQuota(db, admin, { teamId, month, amount, currency: 'CNY' });
  }
}

/** Two years of web-shop and store purchases, bulk-inserted (as an import would), owned by whoever looks after the buyer. */
async function seedOrders(db: Db, r: Rand, products: { id: string; sku: string; nameEn: string; price: number }[], contacts: { id: string; companyId: string | null; ownerId: string | null; teamId: string | null }[], buyers: number): Promise<number> {
  const orders: Record<string, unknown>[] = [];
  const items: Record<string, unknown>[] = [];
  const now = Date.now();
  for (const c of r.some(contacts, buyers, buyers)) {
    for (let n = r.int(1, 8); n > 0; n--) {
      const id = newId();
      const at = new Date(now - r.int(1, 730) * DAY - r.int(0, 86_399) * 1000).toISOString();
      const lines = r.some(products, 1, 3).map((p) => ({ id: newId(), orderId: id, productId: p.id, sku: p.sku, name: p.nameEn, quantity: r.int(1, 4), unitPrice: p.price, amount: 0 }));
      for (const l of lines) l.amount = l.quantity * l.unitPrice;
      const status = r.weighted([['paid', 20], ['fulfilled', 70], ['refunded', 5], ['cancelled', 5]] as const);
      orders.push({ id, externalId: `shop-${id.slice(-12)}`, contactId: c.id, companyId: c.companyId, dealId: null, status, channel: r.pick(['web', 'tmall', 'jd', 'wechat', 'store']), currency: 'CNY', total: lines.reduce((a, l) => a + l.amount, 0), orderedAt: at, fulfilledAt: status === 'fulfilled' ? at : null, ownerId: c.ownerId, teamId: c.teamId, createdAt: at, updatedAt: at });
      items.push(...lines);
    }
  }
  for (let i = 0; i < orders.length; i += 500) await db.kysely.insertInto('orders').values(orders.slice(i, i + 500) as never).execute();
  for (let i = 0; i < items.length; i += 500) await db.kysely.insertInto('orderItems').values(items.slice(i, i + 500) as never).execute();
  await rebuildSalesRollups(db.kysely); // bulk rows bypass the services that keep the running totals
  return orders.length;
}
