// Walks the audit chain in order and reports the first entry whose hash or link does not hold.
import type { DbOrTrx } from '../db/database.js';
import { GENESIS_HASH, hashEntry } from './audit-log.js';

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  reason: string | null;
}

export async function verifyAudit(db: DbOrTrx, batch = 5000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('auditLog').selectAll().where('seq', '>', lastSeq).orderBy('seq').limit(batch).execute();
    if (rows.length === 0) return { ok: true, checked, firstBrokenSeq: null, reason: null };
    for (const r of rows) {
      if (r.prevHash !== prevHash) return { ok: false, checked, firstBrokenSeq: r.seq, reason: 'its link to the previous entry does not match (an entry was removed or reordered)' };
      if (hashEntry(prevHash, r) !== r.hash) return { ok: false, checked, firstBrokenSeq: r.seq, reason: 'its content does not match its hash (the entry was altered)' };
      prevHash = r.hash;
      lastSeq = r.seq;
      checked++;
    }
  }
}
