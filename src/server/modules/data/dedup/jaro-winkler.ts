// Jaro-Winkler similarity of two strings (0 = nothing alike, 1 = equal): the usual measure for typos in names.
// Written here because it is small and hot: duplicate detection calls it for every candidate pair.

const flagsA: Uint8Array[] = [];
const flagsB: Uint8Array[] = [];

function scratch(pool: Uint8Array[], n: number): Uint8Array {
  let buf = pool[0];
  if (!buf || buf.length < n) pool[0] = buf = new Uint8Array(Math.max(n, 64));
  buf.fill(0, 0, n);
  return buf;
}

export function jaro(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const ma = scratch(flagsA, la);
  const mb = scratch(flagsB, lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (mb[j] || b.charCodeAt(j) !== c) continue;
      ma[i] = 1;
      mb[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  // Transpositions: matched characters that appear in a different order, counted in halves.
  let t = 0;
  for (let i = 0, j = 0; i < la; i++) {
    if (!ma[i]) continue;
    while (!mb[j]) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) t++;
    j++;
  }
  return (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
}

/** Jaro boosted for a shared prefix of up to 4 characters (p = 0.1), as Winkler proposed. */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j === 0) return 0;
  let prefix = 0;
  const max = Math.min(4, a.length, b.length);
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * 0.1 * (1 - j);
}
