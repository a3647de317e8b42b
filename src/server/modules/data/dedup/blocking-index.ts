// Blocking-key buckets in compact form: a key's 53-bit hash → the integer indexes of the records that have it.
// Hash collisions only add candidates (the score rejects them); buckets over a size cap are dropped as too common,
// so a frequent name in a big company never turns into O(n²) comparisons.

/** Two FNV-1a variants folded into one safe integer: collisions among millions of keys are vanishingly rare. */
export function hashKey(s: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}

const OVERSIZE = -1;

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
