// Erasure in the hash-chained audit log: scrubs a person's data from earlier entries, then re-chains every entry
// from the first scrubbed one onward, in the erasure's transaction, so `rapport audit verify` still passes.
import { sql } from 'kysely';
import type { DbOrTrx, Engine } from '../../../core/db/database.js';
import { GENESIS_HASH, hashEntry } from '../../../core/audit/audit-log.js';
import { containsAny, scrubText, type PersonalData } from './personal-data.js';

export const ERASED_DOC = JSON.stringify({ erased: true });

export interface ChainRewrite {
  scrubbed: number;
  /** The first entry whose content changed; every entry from here on was re-hashed. */
  fromSeq: number | null;
  /** The chain head before the rewrite, kept in the erasure entry so an external anchor can be reconciled. */
  previousHead: string | null;
}

const chunks = <T>(xs: T[], n = 500) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/**
 * Entries about the erased records themselves (the contact, its interactions…) lose their before/after entirely;
 * other entries that mention the person (by id, email, phone) keep their shape with the identifiers replaced.
 */
export async function scrubAuditChain(trx: DbOrTrx, engine: Engine, fullIds: string[], pd: PersonalData): Promise<ChainRewrite> {
  // The same lock writeAudit takes: no entry can be appended while the chain is being rewritten.
  if (engine === 'postgres') await sql`select pg_advisory_xact_lock(72700101)`.execute(trx);
  const replaced = new Map<number, { before: string | null; after: string | null }>();
  const full = new Set(fullIds);
  const consider = (r: { seq: number; entityId: string; before: string | null; after: string | null }) => {
    const next = full.has(r.entityId)
      ? { before: r.before === null ? null : ERASED_DOC, after: r.after === null ? null : ERASED_DOC }
      : { before: r.before === null ? null : scrubText(r.before, pd.scrub), after: r.after === null ? null : scrubText(r.after, pd.scrub) };
    if (next.before !== r.before || next.after !== r.after) replaced.set(r.seq, next);
  };
  const cols = ['seq', 'entityId', 'before', 'after'] as const;
  for (const ids of chunks(fullIds)) for (const r of await trx.selectFrom('auditLog').select(cols).where('entityId', 'in', ids).execute()) consider(r);
  const mentions = await trx
    .selectFrom('auditLog')
    .select(cols)
    .where((eb) => eb.or([containsAny(engine, 'before', pd.needles), containsAny(engine, 'after', pd.needles)]))
    .execute();
  for (const r of mentions) if (!replaced.has(r.seq)) consider(r);
  const head = await trx.selectFrom('auditLog').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  if (replaced.size === 0) return { scrubbed: 0, fromSeq: null, previousHead: head?.hash ?? null };

  const fromSeq = Math.min(...replaced.keys());
  const prev = await trx.selectFrom('auditLog').select('hash').where('seq', '<', fromSeq).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  let prevHash = prev?.hash ?? GENESIS_HASH;
  let lastSeq = fromSeq - 1;
  for (;;) {
    const rows = await trx.selectFrom('auditLog').selectAll().where('seq', '>', lastSeq).orderBy('seq').limit(2000).execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const content = { ...r, ...(replaced.get(r.seq) ?? {}) };
      const hash = hashEntry(prevHash, content);
      await trx.updateTable('auditLog').set({ before: content.before, after: content.after, prevHash, hash }).where('seq', '=', r.seq).execute();
      prevHash = hash;
      lastSeq = r.seq;
    }
  }
  return { scrubbed: replaced.size, fromSeq, previousHead: head?.hash ?? null };
}
