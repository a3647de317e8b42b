// Counts beyond the exact cap: the estimate reads slices spread over the whole table (SQLite) or asks the planner
// (PostgreSQL), so a filter that matches only old records is still estimated near the truth. Before, SQLite sampled
// the newest rows only and answered "cap + 1" for anything that matched old records.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core/auth/actor.js';
import { newId, nowIso } from '../../core/ids.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { countContacts } from './contact-repository.js';

let t: TestApp;
const TOTAL = 25_000;
const OLD_CHURNED = 5_000;

beforeAll(async () => {
  t = await startTestApp();
  const db = t.app.db;
  const at = nowIso();
  for (let done = 0; done < TOTAL; done += 1_000) {
    const rows = Array.from({ length: 1_000 }, (_, j) => {
      const i = done + j;
      return { id: newId(), displayName: `Estimate ${i}`, sortName: `estimate ${i}`, emails: '[]', phones: '[]', lifecycleStage: i < OLD_CHURNED ? 'churned' : 'subscriber', custom: '{}', createdAt: at, updatedAt: at };
    });
    await db.kysely.insertInto('contacts').values(rows as never).execute(); // raw rows: the other columns keep their defaults
  }
  await sql`analyze`.execute(db.kysely);
}, 120_000);
afterAll(() => t.close());

describe('counts beyond the cap', () => {
  it('estimates a filter matching only the oldest fifth of 25,000 contacts within 25 % of the truth', async () => {
    const exact = await countContacts(t.app.db, systemActor, { lifecycleStage: 'churned' });
    expect(exact).toEqual({ total: OLD_CHURNED, estimated: false });
    const est = await countContacts(t.app.db, systemActor, { lifecycleStage: 'churned' }, 100);
    expect(est.estimated).toBe(true);
    expect(est.total).toBeGreaterThan(OLD_CHURNED * 0.75);
    expect(est.total).toBeLessThan(OLD_CHURNED * 1.25);
  });

  it('never answers below what it counted', async () => {
    const est = await countContacts(t.app.db, systemActor, { lifecycleStage: 'churned' }, 4_999);
    expect(est.estimated).toBe(true);
    expect(est.total).toBeGreaterThanOrEqual(5_000);
  });
});
