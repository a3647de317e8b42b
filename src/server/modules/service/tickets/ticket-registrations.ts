// The tickets part's place in shared mechanisms: the global search box and saved list views.
import { registerSavedViewObject, registerSearchSection } from '../../customers/index.js';
import { listTickets } from './list-tickets.js';

registerSavedViewObject('ticket');

registerSearchSection({
  key: 'tickets',
  scope: 'service:read',
  async search(ctx, q, limit) {
    const page = await listTickets(ctx.db, ctx.actor, { q, limit });
    return page.data.map((t) => ({ id: t.id, title: `#${t.number} ${t.subject}`, subtitle: t.contactName, path: `/tickets/${t.id}` }));
  },
});
