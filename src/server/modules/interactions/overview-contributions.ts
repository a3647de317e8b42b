// What the timeline contributes to the 360° view: recent interactions, open tasks, an engagement score.
import { registerOverviewContributor } from '../customers/index.js';
import { engagementCount, openTasksOf, recentOf } from './interaction-service.js';

const column = (object: 'contact' | 'company') => (object === 'contact' ? 'contactId' : 'companyId');

registerOverviewContributor({
  key: 'recentInteractions',
  title: 'Recent interactions',
  objects: ['contact', 'company'],
  section: (ctx, object, id) => recentOf(ctx.db.kysely, ctx.actor, column(object), id),
});

registerOverviewContributor({
  key: 'openTasks',
  title: 'Open tasks',
  objects: ['contact', 'company'],
  section: (ctx, object, id) => openTasksOf(ctx.db.kysely, ctx.actor, column(object), id),
});

/** Engagement: interactions in the last 90 days, capped at 20 (= fully engaged). */
registerOverviewContributor({
  key: 'engagement',
  title: 'Engagement',
  objects: ['contact', 'company'],
  async scores(ctx, object, id) {
    const n = await engagementCount(ctx.db.kysely, ctx.actor, column(object), id);
    return [{ key: 'engagement', label: 'Interactions in the last 90 days', value: Math.min(n, 20), max: 20 }];
  },
});
