// Lists: names in pinyin order (both engines, served by the sort_name index), counts (exact, estimated, scoped) and
// saved views (personal, shared with the team, edited only by their owner or an admin).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core/auth/actor.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { makeVisibilityFixture, type VisibilityFixture } from '../../test/visibility-fixture.js';
import { countContacts } from './contact-repository.js';
import { backfillSortNames } from './migrations-sort-name.js';

let t: TestApp;
let fx: VisibilityFixture;
beforeAll(async () => {
  t = await startTestApp();
  fx = await makeVisibilityFixture(t, 'lists');
});
afterAll(() => t.close());

const names = ['张三', 'Zhao Lei', '赵敏', 'Zhang Wei', 'Alice', '王五'];
const pinyinOrder = ['Alice', '王五', '张三', 'Zhang Wei', 'Zhao Lei', '赵敏'];
const get = (url: string, headers = t.admin) => t.json('GET', `/api/v1${url}`, headers);

describe('pinyin order', () => {
  beforeAll(async () => {
    for (const displayName of names) expect((await t.json('POST', '/api/v1/contacts', t.admin, { displayName, tags: ['pinyin-order'] })).status).toBe(201);
  });

  it('sorts Chinese names among Latin ones by pinyin, ascending and descending, with keyset pages across them', async () => {
    const all = async (sort: string, limit: number) => {
      const out: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await get(`/contacts?tag=pinyin-order&sort=${sort}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(res.status).toBe(200);
        out.push(...res.body.data.map((c: { displayName: string }) => c.displayName));
        cursor = res.body.nextCursor;
      } while (cursor);
      return out;
    };
    expect(await all('displayName', 50)).toEqual(pinyinOrder);
    expect(await all('-displayName', 50)).toEqual([...pinyinOrder].reverse());
    expect(await all('displayName', 2)).toEqual(pinyinOrder);
    expect(await all('-displayName', 4)).toEqual([...pinyinOrder].reverse());
  });

  it('keeps the sort key with a renamed contact and orders companies the same way', async () => {
    const c = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Temp', tags: ['pinyin-rename'] })).body;
    await t.json('PATCH', `/api/v1/contacts/${c.id}`, t.admin, { displayName: '阿明' });
    const row = await t.app.db.kysely.selectFrom('contacts').select('sortName').where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row.sortName).toBe('a ming');
    for (const name of ['赵氏集团', 'Zhang Holdings', '张记']) await t.json('POST', '/api/v1/companies', t.admin, { name, tags: ['pinyin-co'] });
    const cos = await get('/companies?tag=pinyin-co&sort=name');
    expect(cos.body.data.map((x: { name: string }) => x.name)).toEqual(['Zhang Holdings', '张记', '赵氏集团']);
  });

  it('fills the key of rows written before it existed (the 0070 backfill, chunk by chunk)', async () => {
    const k = t.app.db.kysely;
    await k.updateTable('contacts').set({ sortName: '' }).execute();
    await backfillSortNames(k, t.app.db.engine, 'contacts', 'display_name', 2);
    expect(await k.selectFrom('contacts').select('id').where('sortName', '=', '').execute()).toEqual([]);
    const rows = await k.selectFrom('contacts').select(['displayName', 'sortName']).where('displayName', 'in', ['张三', '赵敏']).orderBy('sortName').execute();
    expect(rows).toEqual([{ displayName: '张三', sortName: 'zhang san' }, { displayName: '赵敏', sortName: 'zhao min' }]);
  });

  it('reads the name order from an index on both engines', async () => {
    const k = t.app.db.kysely;
    if (t.app.db.engine === 'sqlite') {
      const plan = async (q: ReturnType<typeof sql>) => (await sql<{ detail: string }>`explain query plan ${q}`.execute(k)).rows.map((r) => r.detail).join(' | ');
      const byName = await plan(sql`select r.id from contacts r order by r.sort_name, r.id limit 51`);
      expect(byName).toContain('contacts_sort_name');
      expect(byName).not.toContain('TEMP B-TREE');
      const byStage = await plan(sql`select r.id from contacts r where r.lifecycle_stage = 'lead' order by r.sort_name desc, r.id desc limit 51`);
      expect(byStage).toContain('contacts_stage_sort_name');
      expect(byStage).not.toContain('TEMP B-TREE');
    } else {
      const plan = await k.transaction().execute(async (trx) => {
        // A test table is small enough for a sequential scan to win; forbid it to see whether the index can serve the order.
        await sql`set local enable_seqscan = off`.execute(trx);
        const rows = (await sql<{ 'QUERY PLAN': string }>`explain select r.id from contacts r where r.owner_id = 'x' order by r.sort_name, r.id limit 51`.execute(trx)).rows;
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      expect(plan).toContain('contacts_owner_sort_name');
      expect(plan).not.toMatch(/\bSort\b/);
    }
  });
});

describe('counts', () => {
  it('counts exactly what the filters match and only what the user may see', async () => {
    expect((await get('/contacts/count?tag=pinyin-order')).body).toEqual({ total: 6, estimated: false });
    expect((await get('/contacts/count?tag=pinyin-order&q=Zhao')).body).toEqual({ total: 1, estimated: false });
    const admin = (await get('/contacts/count?q=Person')).body;
    const rep = (await get('/contacts/count?q=Person', fx.repA.headers)).body;
    expect(admin.total - rep.total).toBeGreaterThanOrEqual(1); // rep A never counts rep B's hidden contact
    expect((await get(`/contacts/count?ownerId=${fx.repB.id}`, fx.repA.headers)).body).toEqual({ total: 0, estimated: false });
    // Counting my own records leaves the visibility term out (they are mine to see): the same figure either way.
    const own = Number((await t.app.db.kysely.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).where('ownerId', '=', fx.repA.id).executeTakeFirstOrThrow()).n);
    expect(own).toBeGreaterThan(0);
    expect((await get(`/contacts/count?ownerId=${fx.repA.id}`, fx.repA.headers)).body).toEqual({ total: own, estimated: false });
    expect((await get('/contacts/count?ownerId=me', fx.repA.headers)).body).toEqual({ total: own, estimated: false });
    expect((await get('/contacts/count?nope=1')).status).toBe(422);
    expect((await get('/companies/count?tag=pinyin-co')).body).toEqual({ total: 3, estimated: false });
  });

  it('estimates beyond the cap, never below what it counted', async () => {
    const exact = (await countContacts(t.app.db, systemActor, {})).total;
    const est = await countContacts(t.app.db, systemActor, {}, 2);
    expect(est.estimated).toBe(true);
    expect(est.total).toBeGreaterThanOrEqual(3);
    expect(est.total).toBeLessThanOrEqual(exact * 3);
    const filtered = await countContacts(t.app.db, systemActor, { tag: 'pinyin-order' }, 2);
    expect(filtered).toMatchObject({ estimated: true });
    expect(filtered.total).toBeGreaterThanOrEqual(3);
  });
});

describe('saved views', () => {
  const state = { filters: { lifecycleStage: 'customer', tag: 'vip' }, sort: '-displayName', columns: ['displayName', 'company', 'cf.tier'] };

  it('shows a personal view to its owner, a shared one to the team (not another team), and only the owner or an admin deletes', async () => {
    const email = 'repa2-lists@example.com';
    await t.json('POST', '/api/v1/users', t.admin, { email, name: 'RepA2 lists', password: 'rep-password-1', role: 'sales', teamId: fx.teamA });
    const mate = await t.login(email, 'rep-password-1');
    const mine = await t.json('POST', '/api/v1/saved-views', fx.repA.headers, { object: 'contact', name: 'My customers', state });
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({ name: 'My customers', shared: false, mine: true, state });
    const shared = (await t.json('POST', '/api/v1/saved-views', fx.repA.headers, { object: 'contact', name: 'Team VIPs', shared: true, state })).body;
    const names = async (h: Record<string, string>) => (await get('/saved-views?object=contact', h)).body.data.map((v: { name: string }) => v.name);
    expect(await names(fx.repA.headers)).toEqual(['My customers', 'Team VIPs']);
    expect(await names(mate)).toEqual(['Team VIPs']);
    expect(await names(fx.repB.headers)).toEqual([]);
    expect(await names(t.admin)).toContain('Team VIPs');
    expect(await names(t.admin)).not.toContain('My customers');
    expect((await get('/saved-views?object=company', fx.repA.headers)).body.data).toEqual([]);

    expect((await t.json('DELETE', `/api/v1/saved-views/${shared.id}`, mate)).status).toBe(403);
    expect((await t.json('PATCH', `/api/v1/saved-views/${shared.id}`, mate, { name: 'Mine now' })).status).toBe(403);
    expect((await t.json('DELETE', `/api/v1/saved-views/${mine.body.id}`, fx.repB.headers)).status).toBe(404);
    const renamed = await t.json('PATCH', `/api/v1/saved-views/${shared.id}`, fx.repA.headers, { name: 'Team VIP customers' });
    expect(renamed.body).toMatchObject({ name: 'Team VIP customers', shared: true });
    expect((await t.json('DELETE', `/api/v1/saved-views/${shared.id}`, t.admin)).status).toBe(204);
    expect((await t.json('DELETE', `/api/v1/saved-views/${mine.body.id}`, fx.repA.headers)).status).toBe(204);
    expect(await names(fx.repA.headers)).toEqual([]);
  });

  it('rejects a state it cannot use', async () => {
    const bad = await t.json('POST', '/api/v1/saved-views', t.admin, { object: 'contact', name: 'Bad', state: { filters: { 'x y': '1' }, columns: 'all' } });
    expect(bad.status).toBe(422);
    expect((await t.json('POST', '/api/v1/saved-views', t.admin, { object: 'deal', name: 'x', state: {} })).status).toBe(422);
  });
});
