// Event rules as the segment compiler loads them: checking or compiling a rule tree asks the web source only for the
// event names the tree names (one index seek each), so a rule on any name seen in the last 90 days counts — also one
// outside the rule builder's 50 most frequent — and a name not seen lately is still refused with the rule's path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import type { Db } from '../../../core/db/database.js';
import { ruleFieldKeys } from './segment-fields.js';

let t: TestApp;
let db: Db;
const contacts: string[] = [];
const rule = (field: string, operator: string, value?: unknown) => ({ field, operator, ...(value !== undefined && { value }) });
const and = (...children: unknown[]) => ({ combinator: 'and', children });
const count = async (rules: unknown) => t.json('POST', '/api/v1/segments/preview-count', t.admin, { rules: and(rule('contact.source', 'is', 'evtest'), rules) });

beforeAll(async () => {
  t = await startTestApp();
  db = (t.app as unknown as { db: Db }).db;
  for (const name of ['Eve One', 'Eve Two', 'Eve Three']) contacts.push((await t.json('POST', '/api/v1/contacts', t.admin, { displayName: name, source: 'evtest' })).body.id);
  const now = Date.now();
  const ago = (days: number) => new Date(now - days * 86_400_000).toISOString();
  const rows: { contactId: string | null; name: string; at: string }[] = [];
  // 55 popular names (five events each, anonymous), so the rare one is not among the builder's 50 most frequent.
  for (let n = 0; n < 55; n++) for (let k = 0; k < 5; k++) rows.push({ contactId: null, name: `popular_${n}`, at: ago(1) });
  // rare_signup: Eve One twice in the last 5 days, Eve Two once lately and once 40 days ago; Eve Three never.
  rows.push({ contactId: contacts[0]!, name: 'rare_signup', at: ago(2) }, { contactId: contacts[0]!, name: 'rare_signup', at: ago(5) });
  rows.push({ contactId: contacts[1]!, name: 'rare_signup', at: ago(3) }, { contactId: contacts[1]!, name: 'rare_signup', at: ago(40) });
  rows.push({ contactId: contacts[2]!, name: 'long_ago', at: ago(120) });
  await db.kysely
    .insertInto('webEvents')
    .values(rows.map((r, i) => ({ id: `evtest-${i}`, siteId: 'evtest-site', visitorId: `evtest-v-${r.contactId ?? 'anon'}`, contactId: r.contactId, kind: 'event', name: r.name, url: null, path: null, title: null, referrer: null, utm: null, props: null, occurredAt: r.at, receivedAt: r.at })))
    .execute();
});
afterAll(async () => {
  await db.kysely.deleteFrom('webEvents').where('siteId', '=', 'evtest-site').execute();
  await t.close();
});

describe('event rules load only the names they ask for', () => {
  it('collects the field keys of a nested rule tree', () => {
    expect([...ruleFieldKeys(and(rule('a', 'is', 1), { combinator: 'or', children: [rule('b', 'is', 2), rule('a', 'is', 3)] }))]).toEqual(['a', 'b']);
    expect([...ruleFieldKeys(JSON.stringify(and(rule('web.event.x.7d', 'gte', 1))))]).toEqual(['web.event.x.7d']);
    expect(ruleFieldKeys({ combinator: 'and', children: 'nope' }).size).toBe(0);
  });

  it('the builder lists the 50 most frequent names; a rule on a rarer recent name still counts, by window', async () => {
    const listed = JSON.stringify((await t.json('GET', '/api/v1/segments/fields', t.admin)).body);
    expect(listed.includes('web.event.popular_0.7d')).toBe(true);
    expect(listed.includes('web.event.rare_signup.7d')).toBe(false);
    const total = async (rules: unknown) => {
      const res = await count(rules);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.total as number;
    };
    expect(await total(rule('web.event.rare_signup.7d', 'gte', 2))).toBe(1);
    expect(await total(rule('web.event.rare_signup.7d', 'gte', 1))).toBe(2);
    expect(await total(rule('web.event.rare_signup.90d', 'eq', 2))).toBe(2);
    expect(await total(rule('web.event.rare_signup.30d', 'lt', 1))).toBe(1); // Eve Three: no rows counts as 0
    expect(await total(and(rule('contact.displayName', 'contains', 'two'), rule('web.event.rare_signup.90d', 'between', [2, 5])))).toBe(1);
    const saved = await t.json('POST', '/api/v1/segments', t.admin, { name: 'Rare signups', rules: and(rule('contact.source', 'is', 'evtest'), rule('web.event.rare_signup.7d', 'gte', 2)) });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const members = await t.json('GET', `/api/v1/segments/${saved.body.id}/members`, t.admin);
    expect(members.body.data.map((c: { displayName: string }) => c.displayName)).toEqual(['Eve One']);
  });

  it('refuses a name not seen in the last 90 days, naming the rule', async () => {
    const res = await count(rule('web.event.long_ago.90d', 'gte', 1));
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('rules.children[1]');
  });
});
