// Duplicate detection over the whole contacts table: one streaming pass in id order (keyset batches) normalising
// each contact and filing it under its blocking keys, then scoring only the pairs that share a bucket.
import type { Db } from '../../../core/db/database.js';
import { getOrgSettings } from '../../../core/settings.js';
import { scanContactsForMatching } from '../../customers/index.js';
import { BlockingIndex } from './blocking-index.js';
import { blockingKeys, contactFeatures, countNamesInScope, markBusinessAddresses, type ContactFeatures } from './contact-features.js';
import { scorePair, type MatchReason } from './match-score.js';

export interface FoundPair {
  aId: string;
  bId: string;
  score: number;
  reasons: MatchReason[];
}

export interface FindOptions {
  threshold: number;
  batchSize?: number;
  bucketCap?: number;
  /** Called after every batch; returning true stops the scan (the job was cancelled). */
  onBatch?(scanned: number): Promise<boolean | void>;
}

export interface FindResult {
  pairs: FoundPair[];
  scanned: number;
  candidates: number;
  blockingKeys: number;
  oversizeKeys: number;
  cancelled: boolean;
  seconds: { scan: number; score: number };
}

export async function findContactDuplicates(db: Db, opts: FindOptions): Promise<FindResult> {
  const t0 = performance.now();
  const { defaultRegion } = await getOrgSettings(db.kysely);
  const batchSize = opts.batchSize ?? 10_000;
  const index = new BlockingIndex(opts.bucketCap ?? 50);
  const records: ContactFeatures[] = [];
  let after: string | null = null;
  let cancelled = false;
  for (;;) {
    const rows = await scanContactsForMatching(db.kysely, after, batchSize);
    for (const row of rows) {
      const f = contactFeatures(row, defaultRegion);
      const i = records.push(f) - 1;
      for (const key of blockingKeys(f)) index.add(i, key);
    }
    if (rows.length) after = rows[rows.length - 1]!.id;
    if ((await opts.onBatch?.(records.length)) === true) {
      cancelled = true;
      break;
    }
    if (rows.length < batchSize) break;
  }
  const t1 = performance.now();
  const pairs: FoundPair[] = [];
  let candidates = 0;
  if (!cancelled) {
    countNamesInScope(records);
    markBusinessAddresses(records);
    for (const [i, j] of index.pairs()) {
      candidates++;
      const a = records[i]!;
      const b = records[j]!;
      if (scorePair(a, b, false, opts.threshold).score < opts.threshold) continue;
      const m = scorePair(a, b);
       pairs.push(a.id < b.id ? { aId: a.id, bId: b.id, ...m } : { aId: b.id, bId: a.id, ...m });
    }
  }
  const t2 = performance.now();
  return { pairs, scanned: records.length, candidates, blockingKeys: index.keys, oversizeKeys: index.oversizeKeys, cancelled, seconds: { scan: (t1 - t0) / 1000, score: (t2 - t1) / 1000 } };
}
