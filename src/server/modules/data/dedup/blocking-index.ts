// Blocking-key buckets in compact form: a key's 53-bit hash → the integer indexes of the records that have it.
// Hash collisions only add candidates (the score rejects them); buckets over a size cap are dropped as too common,
// so a frequent name in a big company never turns into O(n²) comparisons.

/**
 * FNV-1a folded to 31 bits, so the Map keys are small integers (V8 handles those far faster than doubles). Among
 * millions of keys a few thousand collide: each collision only merges two buckets, adding candidates the score rejects.
 */
export function hashKey(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >> 1;
}

const OVERSIZE = -1; // never an index

export class BlockingIndex {
  /** A key seen once holds the index itself (most keys are unique); more holds an array; -1 marks an oversize bucket. */
  private readonly buckets = new Map<number, number | number[]>();
  oversizeKeys = 0;

  constructor(private readonly cap: number) {}

  add(index: number, key: string): void {
    const h = hashKey(key);
    const cur = this.buckets.get(h);
    if (cur === undefined) this.buckets.set(h, index);
    else if (typeof cur === 'number') {
      if (cur !== OVERSIZE && cur !== index) this.buckets.set(h, [cur, index]);
    } else if (cur[cur.length - 1] !== index) {
      if (cur.length >= this.cap) {
        this.buckets.set(h, OVERSIZE);
        this.oversizeKeys++;
      } else cur.push(index);
    }
  }

  get keys(): number {
    return this.buckets.size;
  }

  /** Every distinct pair (i < j) that shares at least one bucket, each once. */
  *pairs(): Generator<[number, number]> {
    const seen = new Set<number>();
    for (const members of this.buckets.values()) {
      if (typeof members === 'number') continue;
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++) {
          const i = Math.min(members[x]!, members[y]!);
          const j = Math.max(members[x]!, members[y]!);
          const k = i * 0x4000000 + j; // i, j < 2^26 (67M records)
          if (seen.has(k)) continue;
          seen.add(k);
          yield [i, j];
        }
      }
    }
  }
}
