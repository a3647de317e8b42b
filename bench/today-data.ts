// The Today page's data for the 1M-contact bench: every sales rep gets a year of tasks (most done, some overdue, a few
// due today), meetings (a few today), calls/notes/e-mails on their own contacts and leads, bulk-inserted once (a
// settings row remembers the sizes) and reused. Deals come from sales-data.ts.
import { sql } from 'kysely';
import type { Db } from '../src/server/core/db/database.js';
import { newId } from '../src/server/core/ids.js';
import { dayWindow } from '../src/server/core/today/day-window.js';
import { insertRows } from './sales-data.js';

const MARK = 'bench.today';
const DAY = 86_400_000;
const MIN = 60_000;

export interface TodaySizes {
  /** Per rep. */
  tasks: number;
  meetings: number;
  activities: number;
  leads: number;
}

function rand(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** The bench asks for the day in this zone; "today" rows are placed within it. */
export const BENCH_TZ = 'Asia/Shanghai';

export async function prepareTodayData(db: Db, sizes: TodaySizes): Promise<{ seededSeconds: number | null; interactions: number; leads: number }> {
  const day = dayWindow(new Date(), BENCH_TZ);
  const todayAt = (hour: number, minute: number) => Date.parse(day.dayStart) + hour * 3_600_000 + minute * MIN;
  const want = JSON.stringify({ ...sizes, day: day.today });
  const mark = await db.kysely.selectFrom('settings').select('value').where('key', '=', MARK).executeTakeFirst();
  const count = async () => ({
    interactions: Number((await db.kysely.selectFrom('interactions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
    leads: Number((await db.kysely.selectFrom('leadDetails').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
  });
  if (mark && JSON.parse(mark.value) === want) return { seededSeconds: null, ...(await count()) };
  const t0 = performance.now();
  await db.kysely.deleteFrom('interactions').where('subject', 'like', 'Bench %').execute();
  await db.kysely.deleteFrom('leadDetails').where('formName', '=', 'bench').execute();
  const r = rand(20261205);
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const reps = await db.kysely.selectFrom('users').select(['id', 'teamId']).where('email', 'like', 'rep%').orderBy('email').execute();
  for (const rep of reps) {
    const own = await db.kysely.selectFrom('contacts').select(['id', 'companyId']).where('ownerId', '=', rep.id).limit(Math.max(2000, sizes.leads)).execute();
    if (!own.length) continue;
    const pick = () => own[Math.floor(r() * own.length)]!;
    const rows: Record<string, unknown>[] = [];
    const base = (type: string, at: number, subject: string) => {
      const c = pick();
      return { id: newId(), type, contactId: c.id, companyId: c.companyId, subject, body: null, occurredAt: iso(at), direction: null, durationSeconds: null, outcome: null, startsAt: null, endsAt: null, attendees: '[]', dueAt: null, assigneeId: null, done: 0, reminderAt: null, remindedAt: null, dealId: null, createdBy: rep.id, teamId: rep.teamId, createdAt: iso(Math.min(at, now)), updatedAt: iso(Math.min(at, now)) };
    };
    // Tasks due over the last year and the next two months; past ones are done but for ~2 %, and 8 are due today.
    for (let i = 0; i < sizes.tasks; i++) {
      const due = i < 8 ? todayAt(9 + (i % 8), 5 * i) : now + Math.floor((r() * 425 - 365) * DAY);
      rows.push({ ...base('task', due, `Bench task ${i}`), dueAt: iso(due), assigneeId: rep.id, done: i >= 8 && due < now - DAY && r() > 0.02 ? 1 : 0 });
    }
    // Meetings over the last ten months and the next two; 4 of them today.
    for (let i = 0; i < sizes.meetings; i++) {
      const at = i < 4 ? todayAt(10 + 2 * i, 0) : now + Math.floor((r() * 360 - 300) * DAY);
      rows.push({ ...base('meeting', at, `Bench meeting ${i}`), startsAt: iso(at), endsAt: iso(at + 45 * MIN) });
    }
    // Calls, notes and e-mails over the last 180 days.
    for (let i = 0; i < sizes.activities; i++) {
      const type = (['call', 'note', 'email'] as const)[i % 3];
      const at = now - Math.floor(r() * 180 * DAY);
      rows.push({ ...base(type, at, `Bench ${type} ${i}`), body: type === 'note' ? 'Bench note body' : null, direction: type === 'note' ? null : 'outbound', durationSeconds: type === 'call' ? 60 + Math.floor(r() * 900) : null });
    }
    await insertRows(db, 'interactions', rows);
    // Leads among the rep's contacts: 5 % still new.
    const leads = own.slice(0, sizes.leads).map((c, i) => {
      const at = iso(now - Math.floor(r() * 365 * DAY));
      return { contactId: c.id, status: i % 20 === 0 ? 'new' : (['working', 'converted', 'disqualified'] as const)[i % 3], source: ['web', 'referral', 'event'][i % 3], utmSource: null, utmMedium: null, utmCampaign: null, utmTerm: null, utmContent: null, formName: 'bench', message: null, assignmentStatus: 'assigned', assignmentRuleId: null, assignmentExplanation: null, assignmentSteps: null, assignedAt: at, reassignCount: 0, lastTouchedAt: null, convertedAt: null, dealId: null, createdAt: at, updatedAt: at };
    });
    await insertRows(db, 'lead_details', leads);
  }
  if (db.engine === 'sqlite') {
    await sql`pragma analysis_limit = 2000`.execute(db.kysely);
    await sql`analyze`.execute(db.kysely);
  } else await sql`analyze interactions; analyze lead_details`.execute(db.kysely);
  await db.kysely.deleteFrom('settings').where('key', '=', MARK).execute();
  await db.kysely.insertInto('settings').values({ key: MARK, value: JSON.stringify(want) }).execute();
  return { seededSeconds: (performance.now() - t0) / 1000, ...(await count()) };
}
