// IDs are UUIDv7 strings: unique, and sortable by creation time (monotonic within a process).
// Written here rather than taken from `uuid`, whose v7 asks the OS for 16 random bytes per id: bulk imports and seeds
// mint millions of ids, so random bytes are drawn 4 KB at a time.
import { randomFillSync } from 'node:crypto';

const pool = new Uint8Array(4096);
let poolAt = pool.length;
let lastMs = -1;
let seq = 0; // the 12-bit rand_a field, counting up within one millisecond

const hex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function randomBytes(n: number): number {
  if (poolAt + n > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const at = poolAt;
  poolAt += n;
  return at;
}

export function newId(): string {
  let ms = Date.now();
  if (ms > lastMs) {
    lastMs = ms;
    const r = randomBytes(2);
    seq = ((pool[r]! << 8) | pool[r + 1]!) & 0x7ff; // start in the lower half so a busy millisecond has room to count
  } else if (++seq > 0xfff) {
    lastMs++;
    seq = 0;
  }
  ms = lastMs;
  const r = randomBytes(8);
  const b = [
    Math.floor(ms / 2 ** 40) & 0xff, Math.floor(ms / 2 ** 32) & 0xff, (ms >>> 24) & 0xff, (ms >>> 16) & 0xff, (ms >>> 8) & 0xff, ms & 0xff,
    0x70 | (seq >>> 8), seq & 0xff,
    0x80 | (pool[r]! & 0x3f), pool[r + 1]!, pool[r + 2]!, pool[r + 3]!, pool[r + 4]!, pool[r + 5]!, pool[r + 6]!, pool[r + 7]!,
  ];
  return `${hex[b[0]!]}${hex[b[1]!]}${hex[b[2]!]}${hex[b[3]!]}-${hex[b[4]!]}${hex[b[5]!]}-${hex[b[6]!]}${hex[b[7]!]}-${hex[b[8]!]}${hex[b[9]!]}-${hex[b[10]!]}${hex[b[11]!]}${hex[b[12]!]}${hex[b[13]!]}${hex[b[14]!]}${hex[b[15]!]}`;
}

export const nowIso = (): string => new Date().toISOString();
