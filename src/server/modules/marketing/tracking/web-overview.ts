// The contact's web behaviour in the 360° view: last seen, then the latest sessions (a pause of 30 minutes or more
// starts a new one) with the pages they viewed and the events they did.
import type { DbOrTrx } from '../../../core/db/database.js';
import { registerOverviewContributor } from '../../customers/index.js';

export const SESSION_GAP_MS = 30 * 60_000;
const MAX_EVENTS = 1000;
const MAX_SESSIONS = 8;

interface WebEventRow {
  kind: string;
  name: string | null;
  title: string | null;
  path: string | null;
  url: string | null;
  occurredAt: string;
}

export interface WebSession {
  startedAt: string;
  endedAt: string;
  pages: { title: string; path: string | null; at: string }[];
  events: string[];
}

/** Events (oldest first) cut into sessions at every pause of 30 minutes or more. */
export function toSessions(events: WebEventRow[]): WebSession[] {
  const out: WebSession[] = [];
  let cur: WebSession | null = null;
  for (const e of events) {
    if (!cur || Date.parse(e.occurredAt) - Date.parse(cur.endedAt) >= SESSION_GAP_MS) out.push((cur = { startedAt: e.occurredAt, endedAt: e.occurredAt, pages: [], events: [] }));
    cur.endedAt = e.occurredAt;
    if (e.kind === 'page') cur.pages.push({ title: e.title || e.path || e.url || '?', path: e.path, at: e.occurredAt });
    else if (e.kind === 'event' || e.kind === 'click') cur.events.push(e.name ?? e.kind);
  }
  return out;
}

export async function contactWebActivity(db: DbOrTrx, contactId: string) {
  const rows = await db
    .selectFrom('webEvents')
    .select(['kind', 'name', 'title', 'path', 'url', 'occurredAt'])
    .where('contactId', '=', contactId)
    .orderBy('occurredAt', 'desc')
    .orderBy('id', 'desc')
    .limit(MAX_EVENTS)
    .execute();
  const sessions = toSessions(rows.reverse()).reverse();
  return { lastSeen: rows.at(-1)?.occurredAt ?? null, sessions, pageViews: rows.filter((r) => r.kind === 'page').length, events: rows.filter((r) => r.kind === 'event' || r.kind === 'click').length };
}

const unique = (xs: string[]) => [...new Set(xs)];

registerOverviewContributor({
  key: 'webActivity',
  title: 'Web activity',
  objects: ['contact'],
  omitWhenEmpty: true,
  async section(ctx, _object, id) {
    const a = await contactWebActivity(ctx.db.kysely, id);
    if (!a.lastSeen) return [];
    return [
      { lastSeen: a.lastSeen, sessions: a.sessions.length, pageViews: a.pageViews, webEvents: a.events },
      ...a.sessions.slice(0, MAX_SESSIONS).map((s) => ({
        title: s.pages[0]?.title ?? s.events[0] ?? '',
        startedAt: s.startedAt,
        minutes: Math.round((Date.parse(s.endedAt) - Date.parse(s.startedAt)) / 60_000),
        pages: s.pages.map((p) => p.title).join(' → ').slice(0, 400),
        webEvents: unique(s.events).join(', ').slice(0, 200),
      })),
    ];
  },
});
