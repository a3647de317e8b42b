// The interactions module's cards on the Today page: my open tasks (overdue and due today), my meetings today, and the
// latest activity on the records I own. Each reads through the timeline's visibility scope.
import type { ExpressionBuilder } from 'kysely';
import { item, registerTodayCard } from '../../core/today/today-registry.js';
import { scopedQuery } from './interaction-service.js';

const RECENT_DAYS = 7;

registerTodayCard({
  key: 'tasks',
  order: 10,
  async load({ db, actor }, day, limit) {
    const open = () => scopedQuery(db.kysely, actor).where('i.type', '=', 'task').where('i.done', '=', 0).where('i.assigneeId', '=', actor.id).where('i.dueAt', '<', day.dayEnd);
    const [rows, n] = await Promise.all([
      open().orderBy('i.dueAt').orderBy('i.id').limit(limit).execute(),
      open().clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    ]);
    return {
      count: Number(n?.n ?? 0),
      total: null,
      currency: null,
      items: rows.map((r) =>
        item({ id: r.id, title: r.subject ?? '', subtitle: r.contactName ?? r.companyName, at: r.dueAt, entity: r.contactId ? 'contact' : 'company', entityId: (r.contactId ?? r.companyId)!, tags: r.dueAt && r.dueAt < day.dayStart ? ['overdue'] : ['today'] }),
      ),
    };
  },
});

registerTodayCard({
  key: 'meetings',
  order: 20,
  async load({ db, actor }, day, limit) {
    const today = () =>
      scopedQuery(db.kysely, actor)
        .where('i.type', '=', 'meeting')
        .where('i.startsAt', '>=', day.dayStart)
        .where('i.startsAt', '<', day.dayEnd)
        .where((eb) => eb.or([eb('i.createdBy', '=', actor.id), eb('i.assigneeId', '=', actor.id)]));
    const [rows, n] = await Promise.all([
      today().orderBy('i.startsAt').orderBy('i.id').limit(limit).execute(),
      today().clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    ]);
    return {
      count: Number(n?.n ?? 0),
      total: null,
      currency: null,
      items: rows.map((r) => item({ id: r.id, title: r.subject ?? '', subtitle: r.contactName ?? r.companyName, at: r.startsAt, entity: r.contactId ? 'contact' : 'company', entityId: (r.contactId ?? r.companyId)! })),
    };
  },
});

registerTodayCard({
  key: 'recentActivity',
  order: 60,
  async load({ db, actor }, day, limit) {
    const since = new Date(Date.parse(day.now) - RECENT_DAYS * 86_400_000).toISOString();
    // Activity on my records: contacts I own, or companies I own for entries on a company alone. Read from the
    // window's entries (the occurred_at index) with a check of each one's owner, not from every record I own. A record
    // I own is one I may see, so the count needs neither the visibility scope nor the joins that name people.
    // Over `interactions as i`, for both the listed rows (scoped, with names) and the count.
    const onMine = (eb: ExpressionBuilder<any, any>) =>
      eb.and([
        eb('i.type', '!=', 'task'),
        eb('i.occurredAt', '>=', since),
        eb('i.occurredAt', '<=', day.now),
        eb.or([
          eb.exists(eb.selectFrom('contacts as mc').select('mc.id').whereRef('mc.id', '=', 'i.contactId').where('mc.ownerId', '=', actor.id)),
          eb.and([eb('i.contactId', 'is', null), eb.exists(eb.selectFrom('companies as mco').select('mco.id').whereRef('mco.id', '=', 'i.companyId').where('mco.ownerId', '=', actor.id))]),
        ]),
      ]);
    const [rows, n] = await Promise.all([
      scopedQuery(db.kysely, actor).where(onMine).orderBy('i.occurredAt', 'desc').orderBy('i.id', 'desc').limit(limit).execute(),
      db.kysely.selectFrom('interactions as i').where(onMine).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    ]);
    return {
      count: Number(n?.n ?? 0),
      total: null,
      currency: null,
      items: rows.map((r) =>
        item({ id: r.id, title: r.subject ?? (r.body ? r.body.slice(0, 80) : ''), subtitle: r.contactName ?? r.companyName, at: r.occurredAt, entity: r.contactId ? 'contact' : 'company', entityId: (r.contactId ?? r.companyId)!, by: r.createdByName, tags: [r.type] }),
      ),
    };
  },
});

