// The demo timeline: notes, calls, meetings, logged emails and tasks over the last 18 months, in the contact's language.
import type { Db } from '../core/db/database.js';
import type { Actor } from '../core/auth/actor.js';
import { logInteraction } from '../modules/interactions/index.js';
import { interactionInput, type InteractionInput } from '../modules/interactions/index.js';
import type { Staff, StaffMember } from './demo-accounts.js';
import type { DemoContact } from './demo-contacts.js';
import { DAY, type Rand } from './demo-random.js';
import { runOn } from './demo-writers.js';
import { calls, emails, fill, meetings, notes, products, tasks, type Lang } from './demo-texts.js';

export interface TimelineStats {
  byType: Record<string, number>;
  openTasks: number;
  overdueTasks: number;
}

/** How many touches a contact gets, and how far back they start (days), by lifecycle stage. */
const plan: Record<string, { touches: [number, number]; since: [number, number]; tasks: number }> = {
  subscriber: { touches: [0, 1], since: [5, 500], tasks: 0 },
  lead: { touches: [0, 2], since: [3, 400], tasks: 0.1 },
  qualified: { touches: [1, 4], since: [20, 300], tasks: 0.45 },
  opportunity: { touches: [3, 7], since: [30, 240], tasks: 0.8 },
  customer: { touches: [3, 8], since: [120, 540], tasks: 0.25 },
  churned: { touches: [2, 5], since: [200, 540], tasks: 0 },
};

interface Planned {
  actor: Actor;
  input: InteractionInput;
}

/** A time during the contact's working day: China is UTC+8, the others roughly the Americas and Europe. */
function workTime(r: Rand, at: number, lang: Lang): number {
  const d = new Date(at);
  d.setUTCHours(lang === 'zh' ? r.int(1, 9) : r.int(13, 21), r.pick([0, 15, 30, 45]), 0, 0);
  return d.getTime();
}

const iso = (ms: number) => new Date(ms).toISOString();

function touch(r: Rand, c: DemoContact, by: StaffMember, at: number, staff: Staff): Planned {
  const lang = c.lang;
  const vars = { name: c.callName, product: r.pick(products[lang]), pct: r.pick([5, 8, 10, 12, 15]), qty: r.int(3, 40), weeks: r.int(4, 12) };
  const kind = c.stage === 'subscriber' ? 'email' : r.weighted([['note', 22], ['call', 32], ['email', 26], ['meeting', c.stage === 'lead' ? 4 : 14]] as const);
  const base = { contactId: c.id, occurredAt: iso(at) };
  switch (kind) {
    case 'note':
      return { actor: by.actor, input: { type: 'note', ...base, body: fill(r.pick(notes[lang]), vars) } };
    case 'call': {
      const support = c.stage === 'customer' && r.chance(0.3) ? r.pick(staff.byRole('support')) : null;
      const direction = support || r.chance(0.3) ? 'inbound' : 'outbound';
      const outcome = direction === 'inbound' ? 'connected' : r.weighted([['connected', 65], ['no answer', 15], ['left voicemail', 10], ['callback requested', 10]] as const);
      const seconds: Record<string, [number, number]> = { connected: [120, 1800], 'no answer': [0, 30], 'left voicemail': [20, 60], 'callback requested': [30, 120] };
      const [lo, hi] = seconds[outcome]!;
      const body = fill(r.pick(calls[lang][outcome]!), vars);
      const subject = lang === 'zh' ? `${direction === 'inbound' ? '来电' : '致电'}：${c.displayName}` : `${direction === 'inbound' ? 'Call from' : 'Call with'} ${c.displayName}`;
      return { actor: (support ?? by).actor, input: { type: 'call', ...base, direction, outcome, durationSeconds: r.int(lo, hi), subject, body } };
    }
    case 'email': {
      const e = c.stage === 'subscriber' ? emails[lang][4]! : r.pick(emails[lang]);
      return { actor: by.actor, input: { type: 'email', ...base, direction: e.direction, subject: fill(e.subject, vars), body: fill(e.body, vars) } };
    }
    case 'meeting':
      return meeting(r, c, by, at, staff, vars);
  }
}

function meeting(r: Rand, c: DemoContact, by: StaffMember, at: number, staff: Staff, vars: Record<string, string | number>): Planned {
  const m = r.pick(meetings[c.lang]);
  const colleague = r.chance(0.35) ? r.pick(staff.members.filter((s) => s !== by && (s.spec.team === by.spec.team || s.spec.role === 'support'))) : undefined;
  const attendees = [c.displayName, by.actor.name, ...(colleague ? [colleague.actor.name] : [])];
  const minutes = r.pick([30, 45, 60, 90, 120]);
  return {
    actor: by.actor,
    input: { type: 'meeting', contactId: c.id, subject: fill(m.subject, vars), body: at > Date.now() ? null : fill(m.body, vars), startsAt: iso(at), endsAt: iso(at + minutes * 60_000), attendees },
  };
}

function task(r: Rand, c: DemoContact, by: StaffMember, due: number, done: boolean): Planned {
  const now = Date.now();
  const created = Math.min(due - r.int(1, 10) * DAY, now - r.int(1, 48) * 3_600_000);
  return {
    actor: by.actor,
    input: { type: 'task', contactId: c.id, subject: r.pick(tasks[c.lang]), occurredAt: iso(created), dueAt: iso(due), assigneeId: by.actor.id, done },
  };
}

function planContact(r: Rand, c: DemoContact, staff: Staff): Planned[] {
  const p = plan[c.stage]!;
  const by = c.owner ?? r.pick(staff.byRole('marketing'));
  const now = Date.now();
  const out: Planned[] = [];
  const n = r.int(...p.touches);
  const start = now - r.int(...p.since) * DAY;
  // Churned contacts went quiet a while ago.
  const end = c.stage === 'churned' ? now - r.int(60, 150) * DAY : now - 3_600_000;
  for (let i = 0; i < n; i++) {
    const at = workTime(r, start + ((end - start) * (i + r.next() * 0.9)) / Math.max(n, 1), c.lang);
    out.push(touch(r, c, by, Math.min(at, end), staff));
    if (r.chance(0.12)) out.push(task(r, c, by, at + r.int(2, 10) * DAY, at + 10 * DAY < now ? r.chance(0.96) : false));
  }
  if (r.chance(p.tasks)) {
    // The current to-do: due soon, or already overdue and not done yet (some are done).
    const due = workTime(r, now + r.int(-10, 21) * DAY, c.lang);
    out.push(task(r, c, by, due, due < now && r.chance(0.5)));
  }
  if (c.stage === 'opportunity' && r.chance(0.35)) out.push(meeting(r, c, by, workTime(r, now + r.int(1, 14) * DAY, c.lang), staff, { product: r.pick(products[c.lang]), pct: 10, qty: r.int(3, 20), name: c.callName }));
  return out;
}

export async function createDemoTimeline(writers: Db[], r: Rand, staff: Staff, contacts: DemoContact[]): Promise<TimelineStats> {
  const planned = contacts.flatMap((c) => planContact(r, c, staff)).map((p) => ({ actor: p.actor, input: interactionInput.parse(p.input) }));
  const stats: TimelineStats = { byType: {}, openTasks: 0, overdueTasks: 0 };
  const now = Date.now();
  for (const { input } of planned) {
    stats.byType[input.type] = (stats.byType[input.type] ?? 0) + 1;
    if (input.type === 'task' && !input.done) {
      stats.openTasks++;
      if (Date.parse(input.dueAt!) < now) stats.overdueTasks++;
    }
  }
  await runOn(writers, planned, async (p, db) => {
    await logInteraction(db, p.actor, p.input);
  });
  return stats;
}
