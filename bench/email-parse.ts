// Inbound e-mail benchmark (BENCH_ONLY=email): BENCH_EMAILS (2,000) generated messages — plain replies threaded to a
// sent mail, HTML newsletters, multipart mail with a 50 KB attachment, auto-replies — measured twice: parsing and
// classifying alone (mailparser), and the whole inbound path into a fresh SQLite database (store raw, parse, thread,
// match the contact, keep attachments under the data dir, append the message, log the timeline entry).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/server/core/db/database.js';
import { migrateToLatest } from '../src/server/core/db/migrate.js';
import { configureDataDir } from '../src/server/core/files/data-dir.js';
import { migrationSets } from '../src/server/modules.js';
import { createContact } from '../src/server/modules/customers/index.js';
import { systemActor } from '../src/server/core/auth/actor.js';
import { appendMessage, processInbound, storeInbound } from '../src/server/modules/service/index.js';
import { classifyInbound } from '../src/server/modules/service/email/classify-inbound.js';
import { emailPayload, parseInboundEmail } from '../src/server/modules/service/email/parse-inbound.js';
import '../src/server/modules/service/email/process-inbound-email.js';

const attachment = Buffer.alloc(50 * 1024, 7).toString('base64').replace(/.{76}/g, '$&\r\n');

function message(i: number): Buffer {
  const from = `From: Customer ${i % 50} <customer${i % 50}@example.com>\r\nTo: help@rapport.test\r\nMessage-ID: <bench-${i}@example.com>\r\nDate: ${new Date().toUTCString()}\r\n`;
  switch (i % 4) {
    case 0:
      return Buffer.from(`${from}Subject: Re: Order ${i}\r\nIn-Reply-To: <root-${i % 50}@rapport.test>\r\nReferences: <root-${i % 50}@rapport.test>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n谢谢，收到了。Thanks, got it (${i}).\r\n\r\n> earlier text\r\n`);
    case 1:
      return Buffer.from(`${from}Subject: Newsletter ${i}\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><h1>News ${i}</h1>${'<p>Paragraph with <a href="https://example.com">a link</a> and <img src="https://example.com/p.gif"></p>'.repeat(20)}</body></html>\r\n`);
    case 2:
      return Buffer.from(`${from}Subject: Invoice ${i}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nInvoice attached.\r\n--b\r\nContent-Type: application/pdf; name="invoice-${i}.pdf"\r\nContent-Disposition: attachment; filename="invoice-${i}.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${attachment}\r\n--b--\r\n`);
    default:
      return Buffer.from(`${from}Subject: Automatic reply: Order ${i}\r\nAuto-Submitted: auto-replied\r\n\r\nI am out of the office.\r\n`);
  }
}

export async function runEmailParseBench(): Promise<void> {
  const n = Number(process.env.BENCH_EMAILS ?? 2000);
  const raws = Array.from({ length: n }, (_, i) => message(i));
  const mb = raws.reduce((s, r) => s + r.length, 0) / 1024 / 1024;
  console.log(`# Inbound e-mail: ${n.toLocaleString('en')} messages, ${mb.toFixed(1)} MB`);

  let t0 = performance.now();
  for (const raw of raws) classifyInbound(await parseInboundEmail(emailPayload(raw, 'api')));
  let s = (performance.now() - t0) / 1000;
  console.log(`parse + classify: ${(n / s).toFixed(0)} messages/s (${s.toFixed(2)} s)`);

  const dir = mkdtempSync(path.join(tmpdir(), 'rapport-email-bench-'));
  configureDataDir(dir);
  const db = openDatabase(`sqlite:${path.join(dir, 'bench.db')}`);
  try {
    await migrateToLatest(db, migrationSets);
    for (let c = 0; c < 50; c++) {
      await createContact(db, systemActor, { displayName: `Customer ${c}`, emails: [`customer${c}@example.com`] });
      await appendMessage(db, { channelKind: 'email', externalThreadId: `<root-${c}@rapport.test>` }, { direction: 'out', authorKind: 'system', bodyText: 'Your order', externalId: `<root-${c}@rapport.test>` });
    }
    t0 = performance.now();
    for (const raw of raws) {
      const id = await storeInbound(db, 'email', null, emailPayload(raw, 'api'));
      const r = await processInbound(db, id);
      if (r.state !== 'done') throw new Error(`message not processed: ${r.error}`);
    }
    s = (performance.now() - t0) / 1000;
    const stored = await db.kysely.selectFrom('messages').select((eb) => eb.fn.countAll().as('n')).where('direction', '=', 'in').executeTakeFirstOrThrow();
    console.log(`store + process into SQLite: ${(n / s).toFixed(0)} messages/s (${s.toFixed(2)} s; ${stored.n} stored, auto-replies dropped)`);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
