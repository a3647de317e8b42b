// Whose tickets the service dashboard counts: admins everyone's (or one team's), managers their team's and their
// own (everyone's when their role sees all), agents and other roles only the tickets assigned to them.
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { visibleTo, type Actor } from '../../../core/auth/actor.js';

export type DashboardScope = 'all' | 'team' | 'own';

export function dashboardScopeOf(actor: Actor): DashboardScope {
  if (actor.role === 'admin') return 'all';
  if (actor.role === 'manager') return actor.visibility === 'all' ? 'all' : 'team';
  return 'own';
}

/** The condition on a query over `tickets as t`: the actor's scope, narrowed to one team when asked. */
export function ticketScope(eb: ExpressionBuilder<any, any>, actor: Actor, teamId?: string): Expression<SqlBool> {
  const scope = dashboardScopeOf(actor);
  const conds: Expression<SqlBool>[] = [];
  if (scope === 'own') conds.push(eb('t.assigneeId', '=', actor.id));
  if (scope === 'team') conds.push(visibleTo(eb, actor, 't.assigneeId', 't.teamId'));
  if (teamId) conds.push(eb('t.teamId', '=', teamId));
  conds.push(eb('t.mergedIntoId', 'is', null));
  return eb.and(conds);
}
