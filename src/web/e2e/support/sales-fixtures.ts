// Sales records for screenshots through the public API: a bilingual catalogue with price books, deals with line items
// and contacts, and quotas for this year's reps and teams.
import type { ApiSession } from './fixtures.js';

interface Created {
  id: string;
}

export interface SalesData {
  dealId: string;
}

export async function createSalesData(api: ApiSession): Promise<SalesData> {
  const products: Created[] = [];
  for (const p of [
    { sku: 'CRM-PRO-Y', nameEn: 'Rapport Pro (annual seat)', nameZh: 'Rapport 专业版（年度席位）', category: 'Software', price: 360000, cost: 40000, prices: [{ currency: 'USD', price: 49900 }, { currency: 'EUR', price: 45900 }] },
    { sku: 'SRV-ONB', nameEn: 'Onboarding workshop', nameZh: '上线培训', category: 'Services', price: 1500000, cost: 900000, prices: [{ currency: 'USD', price: 210000 }] },
    { sku: 'TEA-LJ-250', nameEn: 'West Lake Longjing, 250 g', nameZh: '西湖龙井 250 克', category: 'Gifts', price: 68800, cost: 31000 },
    { sku: 'SRV-LEGACY', nameEn: 'Legacy data migration', category: 'Services', price: 800000, active: false },
  ]) {
    products.push(await api.call<Created>('POST', '/products', p));
  }
  const contacts = (await api.call<{ data: Created[] }>('GET', '/contacts?limit=2')).data;
  const companies = (await api.call<{ data: Created[] }>('GET', '/companies?limit=1')).data;
  const deal = await api.call<Created>('POST', '/deals', {
    name: 'Rapport Pro rollout 专业版部署',
    currency: 'CNY',
    expectedCloseDate: `${new Date().getFullYear()}-12-20`,
    companyId: companies[0]?.id ?? null,
    forecastCategory: 'commit',
    contacts: contacts.map((c, i) => ({ contactId: c.id, role: i === 0 ? 'Decision maker' : 'Champion' })),
    lineItems: [
      { productId: products[0]!.id, quantity: 25 },
      { productId: products[1]!.id, quantity: 1 },
    ],
  });

  const year = new Date().getFullYear();
  const me = (await api.call<{ user: { id: string } }>('GET', '/auth/me')).user;
  const teams = (await api.call<{ data: Created[] }>('GET', '/teams')).data;
  const users = (await api.call<{ data: (Created & { role: string })[] }>('GET', '/users')).data;
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    await api.call('PUT', '/quotas', { userId: me.id, month, amount: 5_000_000 });
    for (const u of users.filter((x) => x.role === 'sales')) await api.call('PUT', '/quotas', { userId: u.id, month, amount: 3_000_000 });
    for (const t of teams) await api.call('PUT', '/quotas', { teamId: t.id, month, amount: 10_000_000 });
  }
  // A won deal so attainment is not all zero.
  const pipeline = (await api.call<{ data: { stages: { id: string; kind: string }[] }[] }>('GET', '/pipelines')).data[0]!;
  const won = await api.call<Created>('POST', '/deals', { name: 'Longjing gift boxes 龙井礼盒', lineItems: [{ productId: products[2]!.id, quantity: 300 }] });
  await api.call('PATCH', `/deals/${won.id}/stage`, { stageId: pipeline.stages.find((s) => s.kind === 'won')!.id, reason: 'Annual gifts 年礼' });
  return { dealId: deal.id };
}
