// Predictive-model benchmark (BENCH_ONLY=models, SQLite): on the seeded data set (BENCH_CONTACTS, 1,000,000), the first
// BENCH_MODEL_LABELLED contacts (100,000) get a telecom-style history with a planted signal: a contract (month-to-month
// churns 60 %, others 10 %), monthly charges, 1–6 orders whose recency also leans towards churners, and a `churned`
// yes/no field. A custom-label model is trained on them (time and hold-out AUC), then scores every contact (the
// population of a custom-field model is all contacts), which is the "score 1,000,000 contacts < 60 s" goal.
import path from 'node:path';
import { tmpdir } from 'node:os';
import { createServer } from '../src/server/server.js';
import type { Db } from '../src/server/core/db/database.js';
import { newId } from '../src/server/core/ids.js';
import { ADMIN, prepareData } from './prepare-data.js';
import { createModel } from '../src/server/modules/intelligence/models/model-store.js';
import { trainModel } from '../src/server/modules/intelligence/models/train-model.js';
import { scoreModel } from '../src/server/modules/intelligence/models/score-model.js';

const DAY = 86_400_000;

function rand(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

async function plant(db: Db, labelled: number): Promise<void> {
  const sqlite = db.sqlite!;
  if (sqlite.prepare(`select 1 from custom_fields where key = 'bench_churned'`).get()) return;
  const now = Date.now();
  const fieldRow = (key: string, label: string, type: string, options: string[]) =>
    sqlite.prepare(`insert into custom_fields (id, object, key, label, type, options, created_at) values (?, 'contact', ?, ?, ?, ?, ?)`).run(newId(), key, label, type, JSON.stringify(options), new Date().toISOString());
  fieldRow('bench_contract', 'Contract', 'select', ['month-to-month', 'one-year', 'two-year']);
  fieldRow('bench_charges', 'Monthly charges', 'number', []);
  fieldRow('bench_churned', 'Churned', 'boolean', []);
  const ids = sqlite.prepare(`select id, custom from contacts order by id limit ?`).all(labelled) as { id: string; custom: string }[];
  const r = rand(13);
  const update = sqlite.prepare(`update contacts set custom = ? where id = ?`);
  const order = sqlite.prepare(`insert into orders (id, external_id, contact_id, company_id, deal_id, status, channel, currency, total, ordered_at, fulfilled_at, owner_id, team_id, created_at, updated_at)
    values (?, null, ?, null, null, 'paid', 'web', 'CNY', ?, ?, null, null, null, ?, ?)`);
  sqlite.transaction(() => {
    for (const { id, custom } of ids) {
      const contract = ['month-to-month', 'one-year', 'two-year'][Math.floor(r() * 3)]!;
      const churned = r() < (contract === 'month-to-month' ? 0.6 : 0.1);
      update.run(JSON.stringify({ ...JSON.parse(custom), bench_contract: contract, bench_charges: Math.round(20 + r() * 80), bench_churned: churned }), id);
      const n = 1 + Math.floor(r() * 6);
      const lastAgo = churned ? 30 + r() * 300 : r() * 120;
      for (let k = 0; k < n; k++) {
        const at = new Date(now - (lastAgo + k * (20 + r() * 40)) * DAY).toISOString();
        order.run(newId(), id, Math.round(1000 + r() * 20000), at, at, at);
      }
    }
  })();
}

export async function runModelBench(): Promise<void> {
  const contacts = Number(process.env.BENCH_CONTACTS ?? 1_000_000);
  const labelled = Number(process.env.BENCH_MODEL_LABELLED ?? 100_000);
  const dataDir = path.resolve(process.env.BENCH_DIR ?? path.join(tmpdir(), `rapport-bench-${contacts}`));
  const data = await prepareData(dataDir, contacts);
  console.log(data.seedSeconds === null ? 'reusing the seeded data set' : `seeded in ${data.seedSeconds.toFixed(1)} s`);
  const app = await createServer({ databaseUrl: data.databaseUrl, dataDir, logLevel: 'warn', worker: false, webDir: path.join(dataDir, 'no-web'), adminEmail: ADMIN.email, adminPassword: ADMIN.password });
  const db = (app as unknown as { db: Db }).db;
  try {
    let t0 = performance.now();
    await plant(db, labelled);
    console.log(`planted ${labelled.toLocaleString('en')} labelled customers with orders in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const admin = await db.kysely.selectFrom('users').select('id').where('email', '=', ADMIN.email).executeTakeFirstOrThrow();
    const model = await createModel(db, admin.id, { name: `Bench churn ${new Date().toISOString()}`, kind: 'custom', threshold: 0.5, config: { windowDays: 90, label: { type: 'customField', key: 'bench_churned' } } });
    t0 = performance.now();
    const trained = await trainModel(db, model.id, null);
    const trainS = (performance.now() - t0) / 1000;
    const c = trained.card;
    console.log(`training: ${trainS.toFixed(1)} s for ${c.rows.toLocaleString('en')} customers (${c.positives.toLocaleString('en')} churned), ${c.featureCount} features; status ${trained.status}; hold-out AUC ${c.auc} on ${c.testRows.toLocaleString('en')}; precision ${c.precision}, recall ${c.recall} at ${c.threshold}`);
    console.log(`top features: ${c.topFeatures.slice(0, 5).map((f) => `${f.def.key} ${f.weight}`).join(', ')}`);
    t0 = performance.now();
    const scored = await scoreModel(db, model.id);
    const scoreS = (performance.now() - t0) / 1000;
    console.log(`scoring: ${scored.scored.toLocaleString('en')} contacts in ${scoreS.toFixed(1)} s (${Math.round(scored.scored / scoreS).toLocaleString('en')}/s) — goal < 60 s for 1,000,000`);
  } finally {
    await app.close();
  }
}
