// Segment fields from web behaviour: last seen; "visited a page whose address contains …" and "did event X N times"
// within the last 7, 30 or 90 days (the window is part of the field, since a rule holds one value). All compile to
// SQL over web_events on both engines; the segment compiler applies the contacts' visibility around them.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../../core/db/database.js';
import { registerSegmentField, registerSegmentFieldSource, type CompileContext, type SegmentField } from '../segments/segment-fields.js';
import type { SegmentOperator } from '../segments/segment-operators.js';

export const WEB_WINDOWS = [7, 30, 90] as const;
const since = (ctx: CompileContext, days: number) => new Date(ctx.now.getTime() - days * 86_400_000).toISOString();
const likeEscape = (s: string) => s.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);

registerSegmentField({
  key: 'web.lastSeen',
  group: 'web',
  label: 'Last seen on the website',
  type: 'date',
  rows: { on: 'id', sql: () => sql`select e.contact_id as id, max(e.occurred_at) as v from web_events e where e.contact_id is not null group by e.contact_id`, empty: null },
});

for (const days of WEB_WINDOWS) {
  registerSegmentField({
    key: `web.visited.${days}d`,
    group: 'web',
    label: `Visited a page in the last ${days} days (address)`,
    type: 'text',
    operators: ['contains', 'not_contains'],
    condition: (ctx, op: SegmentOperator, v) => {
      const visited = sql`select e.contact_id from web_events e where e.contact_id is not null and e.kind = 'page' and e.occurred_at >= ${since(ctx, days)} and lower(e.url) like ${`%${likeEscape(String(v))}%`} escape '\\'`;
      return op === 'not_contains' ? sql<boolean>`r.id not in (${visited})` : sql<boolean>`r.id in (${visited})`;
    },
  });
}

const counts: SegmentOperator[] = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between'];

const EVENT_KEY = /^web\.event\.(.+)\.(\d+)d$/;

/** Event names seen in the last 90 days: for the rule builder at most 50, the most frequent first; for checking or
 * compiling a rule tree, the names it asks for, each one seek on the events-by-name index (migration 0190). */
async function recentEventNames(db: DbOrTrx, wanted: ReadonlySet<string> | undefined): Promise<string[]> {
  const since = new Date(Date.now() - 90 * 86_400_000).toISOString();
  if (wanted) {
    const asked = [...new Set([...wanted].map((k) => EVENT_KEY.exec(k)?.[1]).filter((n): n is string => Boolean(n)))];
    const seen: string[] = [];
    for (const name of asked) {
      const hit = await db.selectFrom('webEvents').select('name').where('kind', '=', 'event').where('name', '=', name).where('occurredAt', '>=', since).limit(1).executeTakeFirst();
      if (hit) seen.push(name);
    }
    return seen;
  }
  const rows = await db
    .selectFrom('webEvents')
    .select(['name', (eb) => eb.fn.countAll<number>().as('n')])
    .where('kind', '=', 'event')
    .where('name', 'is not', null)
    .where('occurredAt', '>=', since)
    .groupBy('name')
    .orderBy('n', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => r.name!);
}

/** One count field per recent event name and window. */
registerSegmentFieldSource(async (db: DbOrTrx, wanted) => {
  const names = await recentEventNames(db, wanted);
  return names.flatMap((name) =>
    WEB_WINDOWS.map(
      (days): SegmentField => ({
        key: `web.event.${name}.${days}d`,
        group: 'web',
        label: `Times did “${name}” in the last ${days} days`,
        type: 'number',
        operators: counts,
        rows: { on: 'id', sql: (ctx) => sql`select e.contact_id as id, count(*) as v from web_events e where e.contact_id is not null and e.kind = 'event' and e.name = ${name} and e.occurred_at >= ${since(ctx, days)} group by e.contact_id`, empty: 0 },
      }),
    ),
  );
});
