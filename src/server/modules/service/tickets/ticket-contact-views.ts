// A contact's tickets in the rest of the app: the Service section of the 360° view (open tickets, tickets per month)
// and the ticket changes on the contact's timeline (the record history shows a contact's tickets' audit entries; its
// activities their opening, status changes and messages).
import { sql } from 'kysely';
import { registerHistoryRelation } from '../../../core/audit/record-history-registry.js';
import { registerOverviewContributor } from '../../customers/index.js';
import { ticketVisible } from './ticket-repository.js';
import { ticketActivities } from './ticket-history.js';

const openStatuses = ['new', 'open', 'pending', 'on_hold'] as const;
const column = (object: 'contact' | 'company') => (object === 'contact' ? 't.contactId' : 't.companyId');

registerOverviewContributor({
  key: 'service',
  title: 'Service',
  objects: ['contact', 'company'],
  async section(ctx, object, id) {
    const rows = await ctx.db.kysely
      .selectFrom('tickets as t')
      .select(['t.id', 't.number', 't.subject', 't.status', 't.priority', 't.createdAt'])
      .where(column(object), '=', id)
      .where('t.status', 'in', [...openStatuses])
      .where('t.mergedIntoId', 'is', null)
      .where(ticketVisible(ctx.actor))
      .orderBy('t.createdAt', 'desc')
      .limit(20)
      .execute();
    return rows.map((r) => ({ ticketId: r.id, subject: `#${r.number} ${r.subject}`, status: r.status, priority: r.priority, createdAt: r.createdAt, path: `/tickets/${r.id}` }));
  },
});

registerOverviewContributor({
  key: 'ticketsPerMonth',
  title: 'Tickets per month',
  objects: ['contact', 'company'],
  omitWhenEmpty: true,
  async section(ctx, object, id) {
    const since = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 11, 1)).toISOString();
    const month = sql<string>`substr(t.created_at, 1, 7)`;
    const rows = await ctx.db.kysely
      .selectFrom('tickets as t')
      .select([month.as('month'), (eb) => eb.fn.countAll<number>().as('n')])
      .where(column(object), '=', id)
      .where('t.createdAt', '>=', since)
      .where('t.mergedIntoId', 'is', null)
      .where(ticketVisible(ctx.actor))
      .groupBy(month)
      .orderBy(month, 'desc')
      .execute();
    return rows.map((r) => ({ label: r.month, tickets: Number(r.n) }));
  },
});

registerHistoryRelation('contact', {
  entity: 'ticket',
  async relatedIds(db, actor, contactId) {
    const rows = await db.selectFrom('tickets as t').select('t.id').where('t.contactId', '=', contactId).where(ticketVisible(actor)).orderBy('t.createdAt', 'desc').limit(300).execute();
    return rows.map((r) => r.id);
  },
  async labels(db, ids) {
    const rows = await db.selectFrom('tickets').select(['id', 'number', 'subject']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, { label: `#${r.number} ${r.subject}`, path: `/tickets/${r.id}` }]));
  },
  activities: ticketActivities,
});
