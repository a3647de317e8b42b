// The co-purchase engine on hand-computed baskets: support, confidence, lift, the minimum of customers, exclusions.
import { describe, expect, it } from 'vitest';
import { computeAssociations, groupByProduct, reasonText, recommendFor } from './co-purchase.js';

const baskets = [['a', 'b'], ['a', 'b'], ['a', 'b', 'c'], ['a', 'c'], ['b'], ['d'], ['d', 'c'], ['d']].map((b) => new Set(b));

describe('co-purchase', () => {
  it('computes support, confidence and lift by hand count', () => {
    const list = computeAssociations(baskets);
    const ab = list.find((x) => x.productId === 'a' && x.otherId === 'b')!;
    // 8 customers; a: 4, b: 4, both 3 → support 3/8, confidence 3/4, lift 0.75 / 0.5 = 1.5.
    expect(ab).toMatchObject({ both: 3, buyers: 4, support: 3 / 8, confidence: 0.75, lift: 1.5 });
    // a → c: both 2, confidence 2/4, c has 3/8 → lift 4/3; b–c and c–d have one customer: left out.
    expect(list.find((x) => x.productId === 'a' && x.otherId === 'c')!.lift).toBeCloseTo(4 / 3);
    expect(list.some((x) => [x.productId, x.otherId].sort().join() === 'b,c')).toBe(false);
    expect(list.some((x) => [x.productId, x.otherId].sort().join() === 'c,d')).toBe(false);
  });

  it('recommends what is not owned or excluded, then best sellers, with reasons', () => {
    const by = groupByProduct(computeAssociations(baskets));
    const recs = recommendFor(new Set(['a']), by, ['a', 'b', 'd', 'c'], 3);
    expect(recs.map((r) => r.productId)).toEqual(['b', 'c', 'd']);
    expect(reasonText(recs[0]!, (id) => id.toUpperCase())).toBe('Bought A; 75 % of its buyers also bought B (lift 1.5)');
    expect(recs[2]!.becauseOf).toBeNull();
    expect(recommendFor(new Set(['a']), by, ['a', 'b', 'd', 'c'], 3, new Set(['b'])).map((r) => r.productId)).toEqual(['c', 'd']);
  });
});
