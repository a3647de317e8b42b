// A user's tasks for the Tasks page, in groups: overdue, today, upcoming (open, by due time) and done (latest first);
// "today" is the user's day in their time zone. Counts per group for the group headers.
import type { Ctx } from '../../core/http/request-context.js';
import { AppError } from '../../core/errors.js';
import { decodeCursor, keysetAfter, pageOf, type Page } from '../../core/pagination.js';
import { dayWindow } from '../../core/today/day-window.js';
import { scopedQuery, toInteraction } from './interaction-service.js';
import type { Interaction, taskGroups } from './schemas.js';

type Group = (typeof taskGroups)[number];
interface TaskQuery {
  assignee: string;
  done?: 'true' | 'false';
  group?: Group;
  tz?: string;
  limit: number;
  cursor?: string;
}

/**
 * Whose tasks: mine; anyone's for a user who sees everything; a teammate's for a manager of the team. The tasks
 * themselves still pass the record scope, so a manager sees a teammate's tasks only on records they may see.
 */
async function assigneeOf(ctx: Ctx, assignee: string): Promise<string> {
  const { actor } = ctx;
  const id = assignee === 'me' ? actor.id : assignee;
  if (id === actor.id || actor.visibility === 'all') return id;
  const teammate = actor.role === 'manager' && actor.teamId !== null && (await ctx.db.kysely.selectFrom('users').select('id').where('id', '=', id).where('teamId', '=', actor.teamId).executeTakeFirst());
  if (!teammate) throw new AppError('forbidden', 'You can only list your own tasks');
  return id;
}

function tasksOf(ctx: Ctx, assignee: string, group: Group | undefined, tz: string | undefined) {
  let q = scopedQuery(ctx.db.kysely, ctx.actor).where('i.type', '=', 'task').where('i.assigneeId', '=', assignee);
  if (!group) return q;
  if (group === 'done') return q.where('i.done', '=', 1);
  const day = dayWindow(new Date(), tz ?? 'UTC');
  q = q.where('i.done', '=', 0);
  if (group === 'overdue') return q.where('i.dueAt', '<', day.dayStart);
  if (group === 'today') return q.where('i.dueAt', '>=', day.dayStart).where('i.dueAt', '<', day.dayEnd);
  return q.where((eb) => eb.or([eb('i.dueAt', '>=', day.dayEnd), eb('i.dueAt', 'is', null)]));
}

export async function listTasks(ctx: Ctx, query: TaskQuery): Promise<Page<Interaction>> {
  const assignee = await assigneeOf(ctx, query.assignee);
  // Done tasks read latest first; open ones soonest first.
  const dir = query.group === 'done' ? 'desc' : 'asc';
  let q = tasksOf(ctx, assignee, query.group, query.tz).orderBy('i.dueAt', dir).orderBy('i.id', dir).limit(query.limit + 1);
  if (query.done) q = q.where('i.done', '=', query.done === 'true' ? 1 : 0);
  if (query.cursor) q = q.where(keysetAfter('i.dueAt', 'i.id', decodeCursor(query.cursor, 2), dir));
  const page = pageOf(await q.execute(), query.limit, (r) => [r.dueAt, r.id]);
  return { data: page.data.map(toInteraction), nextCursor: page.nextCursor };
}

export async function countTasks(ctx: Ctx, query: { assignee: string; tz?: string }): Promise<Record<Group, number>> {
  const assignee = await assigneeOf(ctx, query.assignee);
  const count = async (g: Group) => Number((await tasksOf(ctx, assignee, g, query.tz).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const [overdue, today, upcoming, done] = await Promise.all([count('overdue'), count('today'), count('upcoming'), count('done')]);
  return { overdue, today, upcoming, done };
}
