// The contact's 360° view gains two sections: their RFM scores and segment, and their next-best products with reasons.
import { registerOverviewContributor } from '../../customers/index.js';
import { contactRfm } from '../rfm/rfm-service.js';
import type { RfmSegment } from '../rfm/rfm-score.js';
import { contactRecommendations } from './recommendation-service.js';

registerOverviewContributor({
  key: 'rfm',
  title: 'Customer value (RFM)',
  objects: ['contact'],
  omitWhenEmpty: true,
  async section(ctx, _object, id) {
    const s = await contactRfm(ctx.db.kysely, id);
    if (!s) return [];
    // The segment as the item's kind, so the web names it in the reader's language; the 1–5 scores as its facts.
    return [{ kind: s.segment as RfmSegment, recency: Number(s.r), frequency: Number(s.f), monetary: Number(s.m), daysSinceLastOrder: Number(s.recencyDays), orders: Number(s.orders), revenue: Number(s.monetary) }];
  },
});

registerOverviewContributor({
  key: 'recommendations',
  title: 'Recommended products',
  objects: ['contact'],
  omitWhenEmpty: true,
  async section(ctx, _object, id) {
    const { data } = await contactRecommendations(ctx.db.kysely, ctx.actor, id, 5);
    // Facts the web labels in the reader's language: what led here, the share of its buyers who also bought it, the lift.
    return data.map((r) => (r.becauseOf ? { label: r.name, sku: r.sku, becauseTheyBought: r.becauseOf, shareOfItsBuyers: `${Math.round(r.confidence * 100)} %`, lift: Math.round(r.lift * 10) / 10 } : { label: r.name, sku: r.sku, kind: 'bestSeller' }));
  },
});
