// Segment rules compiled on each engine: every field type's operators, nested groups, purchases, tags, custom fields
// and consent, counted through POST /segments/preview-count on a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
const ids: Record<string, string> = {};
const api = (method: string, url: string, body?: unknown) => t.json(method, `/api/v1${url}`, t.admin, body);
const post = async (url: string, body: unknown) => {
  const res = await api('POST', url, body);
  expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(201);
  return res.body;
};
const rule = (field: string, operator: string, value?: unknown) => ({ field, operator, ...(value !== undefined && { value }) });
const and = (...children: unknown[]) => ({ combinator: 'and', children });
const or = (...children: unknown[]) => ({ combinator: 'or', children });
/** The names of the test's contacts the rules match (counted, then listed through a saved segment's members). */
async function count(rules: unknown): Promise<number> {
  const res = await api('POST', '/segments/preview-count', { rules: and(rule('contact.source', 'is', 'segtest'), rules) });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.total;
}

beforeAll(async () => {
  t = await startTestApp();
  await post('/custom-fields', { object: 'contact', key: 'tier', label: 'Tier', type: 'select', options: ['gold', 'silver'] });
  await post('/custom-fields', { object: 'contact', key: 'visits', label: 'Visits', type: 'number' });
  await post('/custom-fields', { object: 'contact', key: 'vip', label: 'VIP', type: 'boolean' });
  await post('/custom-fields', { object: 'contact', key: 'renewal', label: 'Renewal', type: 'date' });
  await post('/custom-fields', { object: 'contact', key: 'interests', label: 'Interests', type: 'multiselect', options: ['golf', 'tea', 'wine'] });
  const acme = await post('/companies', { name: 'Acme Corp', industry: 'Retail', size: '51-200' });
  const beta = await post('/companies', { name: 'Beta Ltd', industry: 'Finance' });
  const make = async (key: string, body: Record<string, unknown>) => (ids[key] = (await post('/contacts', { source: 'segtest', ...body })).id);
  await make('ann', { displayName: 'Ann Lee', emails: ['ann@acme.com'], companyId: acme.id, lifecycleStage: 'customer', address: { city: 'Shanghai', country: 'China' }, tags: ['vip', 'newsletter'], consent: { email: 'granted' }, customFields: { tier: 'gold', visits: 12, vip: true, renewal: '2030-05-01', interests: ['golf', 'tea'] } });
  await make('bob', { displayName: 'Bob Stone', emails: ['bob@beta.io'], companyId: beta.id, lifecycleStage: 'lead', address: { city: 'Berlin', country: 'Germany' }, tags: ['newsletter'], consent: { email: 'withdrawn' }, customFields: { tier: 'silver', visits: 3, vip: false, interests: ['wine'] } });
  await make('cy', { displayName: 'Cy Young', lifecycleStage: 'lead' });
  const product = await post('/products', { sku: 'TEA-1', nameEn: 'Green tea', category: 'Tea', price: 1500 });
  await post('/orders', { contactId: ids.ann, items: [{ productId: product.id, quantity: 2 }] });
  await post('/orders', { contactId: ids.ann, items: [{ name: 'Cup', unitPrice: 5000, quantity: 1 }], orderedAt: '2020-01-15T10:00:00.000Z' });
  await post('/orders', { contactId: ids.bob, items: [{ name: 'Cup', unitPrice: 5000, quantity: 1 }], orderedAt: '2021-03-01T10:00:00.000Z' });
  ids.product = product.id;
  await post('/tickets', { subject: 'Broken cup', contactId: ids.bob });
}, 60_000);
afterAll(() => t.close());

describe('segment rules compile on this engine', () => {
  it('lists the registered fields grouped by source, with operators per type', async () => {
    const res = await api('GET', '/segments/fields');
    expect(res.status).toBe(200);
    const byKey = Object.fromEntries(res.body.data.map((f: any) => [f.key, f]));
    for (const key of ['contact.displayName', 'contact.emailDomain', 'contact.city', 'contact.lifecycleStage', 'contact.owner', 'company.industry', 'cf.tier', 'cf.interests', 'tags', 'consent.email', 'orders.count', 'orders.total', 'orders.lastOrderAt', 'orders.product', 'orders.category', 'tickets.open', 'leadScore']) expect(byKey[key], key).toBeDefined();
    expect(byKey['cf.interests'].type).toBe('tags');
    expect(byKey['contact.createdAt'].operators).toContain('within_last_days');
    expect(byKey['orders.product'].options).toEqual([{ value: ids.product, label: 'Green tea (TEA-1)' }]);
  });

  it('text: is, is not, contains, not contains, starts with, any of, empty', async () => {
    expect(await count(rule('contact.displayName', 'is', 'ann lee'))).toBe(1);
    expect(await count(rule('contact.displayName', 'is_not', 'Ann Lee'))).toBe(2);
    expect(await count(rule('contact.displayName', 'contains', 'o'))).toBe(2); // Bob Stone, Cy Young
    expect(await count(rule('contact.displayName', 'not_contains', 'o'))).toBe(1);
    expect(await count(rule('contact.displayName', 'starts_with', 'b'))).toBe(1);
    expect(await count(rule('contact.displayName', 'contains', '%'))).toBe(0); // a wildcard is a character
    expect(await count(rule('contact.emailDomain', 'any_of', ['acme.com', 'beta.io']))).toBe(2);
    expect(await count(rule('contact.city', 'is', 'Shanghai'))).toBe(1);
    expect(await count(rule('contact.country', 'is_empty'))).toBe(1);
    expect(await count(rule('contact.city', 'is_not', 'Berlin'))).toBe(2); // no city counts as "not Berlin"
  });

  it('select, boolean, number and date custom fields, and multi-selects as tag lists', async () => {
    expect(await count(rule('contact.lifecycleStage', 'is', 'lead'))).toBe(2);
    expect(await count(rule('contact.lifecycleStage', 'none_of', ['lead']))).toBe(1);
    expect(await count(rule('cf.tier', 'any_of', ['gold', 'silver']))).toBe(2);
    expect(await count(rule('cf.tier', 'is_empty'))).toBe(1);
    expect(await count(rule('cf.vip', 'is', true))).toBe(1);
    expect(await count(rule('cf.vip', 'is', false))).toBe(2);
    expect(await count(rule('cf.visits', 'gt', 3))).toBe(1);
    expect(await count(rule('cf.visits', 'gte', 3))).toBe(2);
    expect(await count(rule('cf.visits', 'between', [1, 5]))).toBe(1);
    expect(await count(rule('cf.visits', 'neq', 12))).toBe(2);
    expect(await count(rule('cf.renewal', 'after', '2030-04-30'))).toBe(1);
    expect(await count(rule('cf.renewal', 'on', '2030-05-01'))).toBe(1);
    expect(await count(rule('cf.renewal', 'before', '2030-05-01'))).toBe(0);
    expect(await count(rule('cf.interests', 'any_of', ['tea', 'wine']))).toBe(2);
    expect(await count(rule('cf.interests', 'all_of', ['golf', 'tea']))).toBe(1);
    expect(await count(rule('cf.interests', 'none_of', ['golf']))).toBe(2);
    expect(await count(rule('cf.interests', 'is_empty'))).toBe(1);
  });

  it('dates relative to today, tags, consent and the company', async () => {
    expect(await count(rule('contact.createdAt', 'within_last_days', 1))).toBe(3);
    expect(await count(rule('contact.createdAt', 'more_than_days_ago', 1))).toBe(0);
    expect(await count(rule('tags', 'any_of', ['vip']))).toBe(1);
    expect(await count(rule('tags', 'all_of', ['vip', 'newsletter']))).toBe(1);
    expect(await count(rule('tags', 'none_of', ['vip']))).toBe(2);
    expect(await count(rule('tags', 'is_empty'))).toBe(1);
    expect(await count(rule('consent.email', 'is', 'granted'))).toBe(1);
    expect(await count(rule('consent.email', 'any_of', ['withdrawn', 'unknown']))).toBe(2);
    expect(await count(rule('company.industry', 'is', 'retail'))).toBe(1);
    expect(await count(rule('company.industry', 'is_not', 'Retail'))).toBe(2); // Bob's Finance and Cy without a company
    expect(await count(rule('company.name', 'is_empty'))).toBe(1);
  });

  it('purchases and tickets: counts, amounts, recency, product and category bought', async () => {
    expect(await count(rule('orders.count', 'gte', 2))).toBe(1);
    expect(await count(rule('orders.count', 'gt', 1.5))).toBe(1); // a fraction against an integer count, on PostgreSQL too
    expect(await count(rule('orders.count', 'eq', 0))).toBe(1); // Cy, who never ordered
    expect(await count(rule('orders.count', 'lt', 2))).toBe(2);
    expect(await count(rule('orders.total', 'gt', 60))).toBe(1); // Ann: 30 + 50, in major units
    expect(await count(rule('orders.lastOrderAt', 'within_last_days', 30))).toBe(1);
    expect(await count(rule('orders.lastOrderAt', 'more_than_days_ago', 365))).toBe(1); // Bob, last in 2021
    expect(await count(rule('orders.lastOrderAt', 'is_empty'))).toBe(1);
    expect(await count(rule('orders.product', 'any_of', [ids.product]))).toBe(1);
    expect(await count(rule('orders.category', 'none_of', ['Tea']))).toBe(2);
    expect(await count(rule('tickets.open', 'gt', 0))).toBe(1);
    expect(await count(rule('tickets.open', 'eq', 0))).toBe(2);
  });

  it('nested AND/OR groups', async () => {
    // (lead AND (Berlin OR no email)) OR gold tier
    const rules = or(and(rule('contact.lifecycleStage', 'is', 'lead'), or(rule('contact.city', 'is', 'Berlin'), rule('contact.email', 'is_empty'))), rule('cf.tier', 'is', 'gold'));
    expect(await count(rules)).toBe(3);
    expect(await count(and(rule('contact.lifecycleStage', 'is', 'lead'), or(rule('orders.count', 'gt', 0), rule('tags', 'any_of', ['vip']))))).toBe(1);
    // Purchase rules alone in an OR group compile as a semi-join (or an anti-join when no orders matches) over the orders.
    expect(await count(or(rule('orders.count', 'eq', 0), rule('contact.displayName', 'is', 'nobody')))).toBe(1);
    expect(await count(or(rule('orders.total', 'gt', 60), rule('orders.lastOrderAt', 'is_empty')))).toBe(2);
  });
});
