// A contact's sentiment trend in the 360° view: per month of the last six, the average score and the negative and
// angry items, counting only items the viewer may see.
import { registerOverviewContributor } from '../../customers/index.js';
import { sentimentVisible } from './sentiment-visibility.js';

const MONTHS = 6;

registerOverviewContributor({
  key: 'sentimentTrend',
  title: 'Sentiment trend',
  objects: ['contact'],
  omitWhenEmpty: true,
  async section(ctx, _object, id) {
    const since = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - (MONTHS - 1), 1)).toISOString();
    const rows = await ctx.db.kysely
      .selectFrom('sentiment_results')
      .select(['occurredAt', 'score', 'sentiment', 'emotion'])
      .where('contactId', '=', id)
      .where('occurredAt', '>=', since)
      .where((eb) => sentimentVisible(eb, ctx.actor))
      .execute();
    const months = new Map<string, { month: string; items: number; scoreSum: number; negative: number; angry: number }>();
    for (const r of rows) {
      const month = r.occurredAt.slice(0, 7);
      const m = months.get(month) ?? { month, items: 0, scoreSum: 0, negative: 0, angry: 0 };
      // An agent's correction counts with the score its label implies.
      const score = r.sentiment === 'neutral' ? 0 : Math.sign(Number(r.score)) === (r.sentiment === 'positive' ? 1 : -1) ? Number(r.score) : r.sentiment === 'positive' ? 0.8 : -0.8;
      m.items++;
      m.scoreSum += score;
      if (r.sentiment === 'negative') m.negative++;
      if (r.emotion === 'anger') m.angry++;
      months.set(month, m);
    }
    // Shaped for the generic 360° section: the month as the item's label, the counts as its facts.
    return [...months.values()]
      .sort((a, b) => a.month.localeCompare(b.month))
      .map((m) => ({ label: m.month, sentimentItems: m.items, averageSentiment: Math.round((m.scoreSum / m.items) * 100) / 100, negativeItems: m.negative, angryItems: m.angry }));
  },
});
