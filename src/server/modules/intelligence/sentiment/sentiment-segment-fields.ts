// Sentiment in segments: the contact's latest sentiment, and within the last 7, 30 or 90 days (the window is part of
// the field, since a rule holds one value) the average score (−1 to 1), the number of negative items and the
// emotion of the latest one — over everything analysed about the contact (messages, notes and calls, ticket notes,
// survey comments). (id, v) rows over sentiment_results on both engines; the segment compiler adds visibility.
import { sql } from 'kysely';
import { registerSegmentField, type CompileContext } from '../../marketing/index.js';

const WINDOWS = [7, 30, 90] as const;
const since = (ctx: CompileContext, days: number) => new Date(ctx.now.getTime() - days * 86_400_000).toISOString();
const choices = (values: string[]) => values.map((v) => ({ value: v, label: v }));
const selectOps = ['is', 'is_not', 'any_of', 'none_of', 'is_empty', 'is_not_empty'] as const;
/** The latest item per contact (from a time on): ties on the time go to the larger item id. */
const latest = (column: 'sentiment' | 'emotion', from: string | null) => sql`select s.contact_id as id, s.${sql.ref(column)} as v from sentiment_results s
  where s.contact_id is not null ${from ? sql`and s.occurred_at >= ${from}` : sql``}
  and not exists (select 1 from sentiment_results n where n.contact_id = s.contact_id ${from ? sql`and n.occurred_at >= ${from}` : sql``}
    and (n.occurred_at > s.occurred_at or (n.occurred_at = s.occurred_at and n.item_id > s.item_id)))`;

registerSegmentField({
  key: 'sentiment.latest',
  group: 'sentiment',
  label: 'Latest sentiment',
  type: 'select',
  options: choices(['negative', 'neutral', 'positive']),
  closed: true,
  operators: [...selectOps],
  rows: { on: 'id', sql: () => latest('sentiment', null), empty: null },
});

for (const days of WINDOWS) {
  registerSegmentField({
    key: `sentiment.average.${days}d`,
    group: 'sentiment',
    label: `Average sentiment in the last ${days} days (−1 to 1)`,
    type: 'number',
    operators: ['gt', 'gte', 'lt', 'lte', 'between', 'is_empty', 'is_not_empty'],
    rows: { on: 'id', sql: (ctx) => sql`select contact_id as id, avg(score) as v from sentiment_results where contact_id is not null and occurred_at >= ${since(ctx, days)} group by contact_id`, empty: null },
  });
  registerSegmentField({
    key: `sentiment.negative.${days}d`,
    group: 'sentiment',
    label: `Negative messages in the last ${days} days`,
    type: 'number',
    operators: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between'],
    rows: { on: 'id', sql: (ctx) => sql`select contact_id as id, count(*) as v from sentiment_results where contact_id is not null and sentiment = 'negative' and occurred_at >= ${since(ctx, days)} group by contact_id`, empty: 0 },
  });
  registerSegmentField({
    key: `sentiment.lastEmotion.${days}d`,
    group: 'sentiment',
    label: `Emotion of the latest message in the last ${days} days`,
    type: 'select',
    options: choices(['anger', 'disappointment', 'anxiety', 'neutral', 'joy', 'gratitude']),
    closed: true,
    operators: [...selectOps],
    rows: { on: 'id', sql: (ctx) => latest('emotion', since(ctx, days)), empty: null },
  });
}
