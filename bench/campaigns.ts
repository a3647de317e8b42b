// Campaign benchmark (BENCH_ONLY=campaigns): personalising and queueing BENCH_CAMPAIGN_RECIPIENTS (100,000) campaign
// e-mails on a fresh SQLite file. Queueing = the send's start (segment snapshot + one pending row with its Message-ID
// per member, one transaction); personalising = each recipient's copy (variables, signed tracking links, pixel,
// unsubscribe URL) for every row, and the full MIME message (headers, HTML and text parts) for a sample. Beside it, the
// raw-insert figure of the same rows' table in the same run. No SMTP: delivery is bounded by the throttle and the peer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from '../src/server/server.js';
import { newId, nowIso } from '../src/server/core/ids.js';
import { systemActor } from '../src/server/core/auth/actor.js';
import { prepareAudience } from '../src/server/modules/marketing/campaigns/prepare-audience.js';
import { createCampaign } from '../src/server/modules/marketing/campaigns/campaign-service.js';
import { buildRaw } from '../src/server/modules/marketing/campaigns/smtp-delivery.js';
import type { CompiledTemplate } from '../src/server/modules/marketing/campaigns/template/compile-template.js';
import { contactValues, renderMessage } from '../src/server/modules/marketing/campaigns/template/render-message.js';
import { trackingUrls } from '../src/server/modules/marketing/campaigns/tracking-tokens.js';
import { createSegment } from '../src/server/modules/marketing/segments/segment-service.js';
import { insertRows } from './sales-data.js';

const N = Number(process.env.BENCH_CAMPAIGN_RECIPIENTS ?? 100_000);
const MIME_SAMPLE = 10_000;

export async function runCampaignBench(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rapport-bench-campaigns-'));
  const app = await createServer({ databaseUrl: `sqlite:${path.join(dir, 'bench.db')}`, dataDir: dir, logLevel: 'warn', webDir: '/nonexistent', adminEmail: '', adminPassword: '', worker: false, outboundAllow: '' });
  const db = app.db;
  try {
    const now = nowIso();
    for (let done = 0; done < N; done += 50_000) {
      const rows = [];
      for (let i = done; i < Math.min(N, done + 50_000); i++) rows.push({ id: newId(), displayName: `Person ${i}`, givenName: i % 3 ? `P${i}` : null, sortName: `person ${i}`, primaryEmail: `p${i}@bench.test`, emails: JSON.stringify([`p${i}@bench.test`]), phones: '[]', lifecycleStage: 'subscriber', consentEmail: 1, custom: '{}', createdAt: now, updatedAt: now });
      await insertRows(db, 'contacts', rows);
    }
    const segment = await createSegment(db, systemActor, { name: 'Everyone', kind: 'dynamic', rules: { combinator: 'and', children: [{ field: 'contact.lifecycleStage', operator: 'is', value: 'subscriber' }] } });
    const blocks = [
      { type: 'heading' as const, text: 'Hello {{contact.givenName | "朋友"}}!', level: 1 as const, align: 'left' as const },
      { type: 'text' as const, text: 'Spring sale for {{contact.displayName}}: 20 % off everything this week.\n\nSee you soon.', align: 'left' as const },
      { type: 'button' as const, text: 'Shop now', href: 'https://shop.example/sale', color: '#228be6', align: 'center' as const },
      { type: 'image' as const, src: 'https://shop.example/banner.png', alt: 'Banner', href: 'https://shop.example/banner' },
    ];
    const campaign = await createCampaign(db, systemActor, { name: 'Bench', segmentId: segment.id, language: 'en', subject: 'Hi {{contact.givenName | "there"}}', blocks, throttlePerMinute: 600, cost: 0, currency: 'CNY', attributionDays: 7, abSharePercent: 0, abMetric: 'open', abWaitMinutes: 0 });
    await db.kysely.updateTable('campaigns').set({ status: 'scheduled' }).where('id', '=', campaign.id).execute();
    const row = await db.kysely.selectFrom('campaigns').selectAll().where('id', '=', campaign.id).executeTakeFirstOrThrow();

    let t0 = performance.now();
    const queued = await prepareAudience(db, row);
    const queueMs = performance.now() - t0;

    const compiled = JSON.parse((await db.kysely.selectFrom('campaigns').select('compiled').where('id', '=', campaign.id).executeTakeFirstOrThrow()).compiled!) as CompiledTemplate;
    t0 = performance.now();
    let rendered = 0;
    let bytes = 0;
    let after = '';
    for (;;) {
      const page = await db.kysely.selectFrom('campaignRecipients as r').innerJoin('contacts as c', 'c.id', 'r.contactId').select(['r.id', 'c.givenName', 'c.familyName', 'c.displayName', 'c.primaryEmail', 'c.title']).where('r.campaignId', '=', campaign.id).where('r.id', '>', after).orderBy('r.id').limit(5000).execute();
      if (!page.length) break;
      after = page[page.length - 1]!.id;
      for (const r of page) {
        const msg = renderMessage(compiled, contactValues(r, 'Bench'), trackingUrls(r.id));
        bytes += msg.html.length;
        rendered++;
      }
    }
    const renderMs = performance.now() - t0;
    const sample = await db.kysely.selectFrom('campaignRecipients as r').innerJoin('contacts as c', 'c.id', 'r.contactId').select(['r.id', 'r.messageId', 'c.givenName', 'c.familyName', 'c.displayName', 'c.primaryEmail', 'c.title']).where('r.campaignId', '=', campaign.id).limit(MIME_SAMPLE).execute();
    t0 = performance.now();
    for (const r of sample) {
      const urls = trackingUrls(r.id);
      const msg = renderMessage(compiled, contactValues(r, 'Bench'), urls);
      await buildRaw({ from: 'news@shop.example', to: r.primaryEmail!, ...msg, messageId: r.messageId, headers: { 'List-Unsubscribe': `<${urls.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } });
    }
    const mimeMs = performance.now() - t0;

    // The same number of rows written raw (no snapshot, no Message-ID), for the cost of the table itself.
    const raw = Array.from({ length: queued }, (_, i) => ({ id: newId(), campaignId: campaign.id, contactId: `raw-${i}`, email: null, status: 'pending', skipReason: null, variant: 'a', messageId: `<raw-${i}@bench>`, attempts: 0, uncertain: 0 }));
    t0 = performance.now();
    for (let i = 0; i < raw.length; i += 50_000) await insertRows(db, 'campaign_recipients', raw.slice(i, i + 50_000));
    const rawMs = performance.now() - t0;

    console.log(`# campaigns: ${queued.toLocaleString('en')} recipients (SQLite)`);
    console.log(`queue (snapshot + pending rows, one transaction): ${(queueMs / 1000).toFixed(2)} s = ${Math.round(queued / (queueMs / 1000)).toLocaleString('en')} recipients/s`);
    console.log(`  raw insert of the same number of recipient rows: ${(rawMs / 1000).toFixed(2)} s = ${Math.round(queued / (rawMs / 1000)).toLocaleString('en')} rows/s`);
    console.log(`personalise (variables, signed links, pixel, unsubscribe) every recipient: ${(renderMs / 1000).toFixed(2)} s = ${Math.round(rendered / (renderMs / 1000)).toLocaleString('en')} messages/s, ${Math.round(bytes / rendered).toLocaleString('en')} bytes of HTML each`);
    console.log(`full MIME message (headers, HTML + text parts), ${sample.length.toLocaleString('en')} sample: ${Math.round(sample.length / (mimeMs / 1000)).toLocaleString('en')} messages/s`);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
