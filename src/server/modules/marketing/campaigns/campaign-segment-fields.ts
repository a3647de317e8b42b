// Segment rules over campaign engagement: received, opened, clicked or unsubscribed any campaign, or one named campaign.
import { sql } from 'kysely';
import { registerSegmentField, registerSegmentFieldSource } from '../segments/segment-fields.js';
import type { SegmentOperator } from '../segments/segment-operators.js';

const column = { received: 'sent_at', opened: 'opened_at', clicked: 'clicked_at', unsubscribed: 'unsubscribed_at' } as const;
type Engagement = keyof typeof column;
const labels: Record<Engagement, string> = { received: 'Received a campaign', opened: 'Opened a campaign', clicked: 'Clicked in a campaign', unsubscribed: 'Unsubscribed from a campaign' };

for (const what of Object.keys(column) as Engagement[]) {
  registerSegmentField({
    key: `campaign.${what}`,
    group: 'campaigns',
    label: labels[what],
    type: 'date',
    // The last time, over every campaign: "opened a campaign within the last 30 days", "never clicked" (is empty).
    rows: { on: 'id', sql: () => sql`select contact_id as id, max(${sql.raw(column[what])}) as v from campaign_recipients where ${sql.raw(column[what])} is not null group by contact_id`, empty: null },
  });
}

const ops: SegmentOperator[] = ['any_of', 'none_of'];
registerSegmentFieldSource(async (db) => {
  const campaigns = await db.selectFrom('campaigns').select(['id', 'name']).where('status', 'in', ['sending', 'sent', 'cancelled']).orderBy('createdAt', 'desc').limit(200).execute();
  const options = campaigns.map((c) => ({ value: c.id, label: c.name }));
  return (Object.keys(column) as Engagement[]).map((what) => ({
    key: `campaign.${what}.which`,
    group: 'campaigns',
    label: `${labels[what]} (which)`,
    type: 'select' as const,
    options,
    operators: ops,
    condition: (_ctx, op, v: any) => {
      const ids = sql.join((v as string[]).map((x) => sql`${x}`));
      const hit = sql`select contact_id from campaign_recipients where campaign_id in (${ids}) and ${sql.raw(column[what])} is not null`;
      return op === 'none_of' ? sql<boolean>`r.id not in (${hit})` : sql<boolean>`r.id in (${hit})`;
    },
  }));
});
