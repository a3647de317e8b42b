// Reads configured mailboxes over IMAP (imapflow): every message with a UID above the last one seen is stored raw
// first (storeInbound 'email'), then processed; the position moves only after the store, and Message-IDs make a
// re-read harmless. UIDVALIDITY changing (a rebuilt mailbox) starts over from the first message.
import { ImapFlow } from 'imapflow';
import type { Db } from '../../../core/db/database.js';
import { nowIso } from '../../../core/ids.js';
import { registerPoller } from '../../../core/jobs/worker.js';
import { allowedAddress, tlsName } from '../../../core/net/allowed-host.js';
import { processInbound, storeInbound } from '../conversations/inbound-store.js';
import { configOf, mailboxPassword, mailboxRow, updateMailboxState } from './mailboxes.js';
import { emailPayload, rawMessageLimit } from './parse-inbound.js';

const BATCH = 100;
/** How often each mailbox is read (RAPPORT_IMAP_POLL_SECONDS, default 60). */
const pollEveryMs = () => Number(process.env.RAPPORT_IMAP_POLL_SECONDS ?? 60) * 1000;

export interface PollResult {
  fetched: number;
  skipped: number;
}

export async function pollMailbox(db: Db, id: string): Promise<PollResult> {
  const row = await mailboxRow(db, id);
  const c = configOf(row);
  if (!c.imapHost) return { fetched: 0, skipped: 0 };
  let address: string;
  try {
    address = await allowedAddress(c.imapHost, 'imapHost'); // the outbound policy, as for every connection Rapport makes
  } catch (err) {
    await updateMailboxState(db, row.id, { lastPolledAt: nowIso(), lastError: String((err as Error).message ?? err).slice(0, 300) });
    throw err;
  }
  const servername = tlsName(c.imapHost);
  const client = new ImapFlow({ host: address, ...(servername && { servername }), port: c.imapPort, secure: c.imapSecure, auth: { user: c.imapUser ?? '', pass: mailboxPassword(c) }, logger: false, connectionTimeout: 15_000, greetingTimeout: 15_000 });
  client.on('error', () => {}); // a dropped connection surfaces as the failed call below
  const result: PollResult = { fetched: 0, skipped: 0 };
  try {
    await client.connect();
    const lock = await client.getMailboxLock(c.imapMailbox);
    try {
      const box = client.mailbox === false ? null : client.mailbox;
      const validity = box ? String(box.uidValidity) : null;
      let lastUid = validity && validity === c.uidValidity ? c.lastUid : 0;
      const limit = rawMessageLimit();
      const uids = ((await client.search({ uid: `${lastUid + 1}:*` }, { uid: true })) || []).filter((u) => u > lastUid).sort((a, b) => a - b).slice(0, BATCH);
      for (const uid of uids) {
        const msg = await client.fetchOne(String(uid), { source: true, size: true }, { uid: true });
        if (msg && msg.source && msg.source.length <= limit) {
          const inboundId = await storeInbound(db, 'email', row.id, emailPayload(msg.source, 'imap', { uid, mailbox: c.imapMailbox }));
          lastUid = uid;
          await updateMailboxState(db, row.id, { uidValidity: validity, lastUid });
          await processInbound(db, inboundId);
          result.fetched++;
        } else {
          result.skipped++;
          lastUid = uid;
          await updateMailboxState(db, row.id, { uidValidity: validity, lastUid });
        }
      }
      await updateMailboxState(db, row.id, { uidValidity: validity, lastUid, lastPolledAt: nowIso(), lastError: null });
    } finally {
      lock.release();
    }
    await client.logout();
  } catch (err) {
    client.close();
    await updateMailboxState(db, row.id, { lastPolledAt: nowIso(), lastError: String((err as Error).message ?? err).slice(0, 300) });
    throw err;
  }
  return result;
}

const lastRun = new Map<string, number>();

/** The worker's round: each enabled mailbox with an IMAP host, at most once per poll interval. */
async function pollDueMailboxes(db: Db): Promise<number> {
  const rows = await db.kysely.selectFrom('service_channels').select(['id', 'config']).where('kind', '=', 'email').where('enabled', '=', 1).execute();
  let fetched = 0;
  for (const r of rows) {
    if (!(JSON.parse(r.config || '{}') as { imapHost?: string }).imapHost) continue;
    if (Date.now() - (lastRun.get(r.id) ?? 0) < pollEveryMs()) continue;
    lastRun.set(r.id, Date.now());
    try {
      fetched += (await pollMailbox(db, r.id)).fetched;
    } catch {
      // Kept on the mailbox (lastError) for Settings → Email; the next round tries again.
    }
  }
  return fetched;
}

registerPoller({ name: 'service.email.imap', run: pollDueMailboxes, idleMs: 5000 });
