// Deterministic random choices for the demo seed (same data every run, dates relative to now).
import { rng } from './names.js';

export interface Rand {
  next(): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(list: readonly T[]): T;
  weighted<T>(pairs: readonly (readonly [T, number])[]): T;
  /** Some distinct items of a list. */
  some<T>(list: readonly T[], min: number, max: number): T[];
}

export function makeRand(seed: number): Rand {
  const r = rng(seed);
  const int = (min: number, max: number) => min + Math.floor(r() * (max - min + 1));
  return {
    next: r,
    int,
    chance: (p) => r() < p,
    pick: (list) => list[Math.floor(r() * list.length)]!,
    weighted(pairs) {
      const total = pairs.reduce((s, [, w]) => s + w, 0);
      let x = r() * total;
      for (const [v, w] of pairs) if ((x -= w) < 0) return v;
      return pairs[pairs.length - 1]![0];
    },
    some(list, min, max) {
      const pool = [...list];
      const n = Math.min(pool.length, int(min, max));
      const out: (typeof list)[number][] = [];
      for (let i = 0; i < n; i++) out.push(pool.splice(Math.floor(r() * pool.length), 1)[0]!);
      return out;
    },
  };
}

export const DAY = 86_400_000;
