// The contact's 360° view gains two sections: their RFM scores and segment, and their next-best products with reasons.
import { registerOverviewContributor } from '../../customers/index.js';
import { contactRfm } from '../rfm/rfm-service.js';
import { rfmSegmentNames, type RfmSegment } from '../rfm/rfm-score.js';
import { contactRecommendations } from './recommendation-service.js';

registerOverviewContributor({
  key: 'rfm',
  title: 'Customer value (RFM)',
  objects: ['contact'],
  omitWhenEmpty: true,
  async section(ctx, _object, id) {
    const s = await contactRfm(ctx.db.kysely, id);
    if (!s) return [];
    const names = rfmSegmentNames[s.segment as RfmSegment];
    return [{ label: names?.en ?? s.segment, segment: s.segment, segmentZh: names?.zh ?? s.segment, recency: Number(s.r), frequency: Number(s.f), monetary: Number(s.m), daysSinceLastOrder: Number(s.recencyDays), orders: Number(s.orders), revenue: Number(s.monetary) }];
  },
});

registerOverviewContributor({
  key: 'recommendations',
  title: 'Recommended products',
  objects: ['contact'],
  omitWhenEmpty: true,
  async section(ctx, _object, id) {
    const { data } = await contactRecommendations(ctx.db.kysely, ctx.actor, id, 5);
    return data.map((r) => ({ label: r.name, productId: r.productId, sku: r.sku, reason: r.reason, confidence: r.confidence, lift: r.lift }));
  },
});
