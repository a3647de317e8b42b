// The filters of forecasts and performance as conditions on deals and orders, inside the actor's scope.
import type { ExpressionBuilder } from 'kysely';
import { visibleTo, type Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../db-schema.js';

type DealEb = ExpressionBuilder<Database, 'deals'>;
type TotalsEb = ExpressionBuilder<Database & { orders: Database['orderMonthTotals'] }, 'orders'>;

export function dealScope(actor: Actor, q: { ownerId?: string; teamId?: string; pipelineId?: string }) {
  return (eb: DealEb) => {
    const c = [visibleTo(eb, actor, 'deals.ownerId', 'deals.teamId')];
    if (q.ownerId) c.push(eb('deals.ownerId', '=', q.ownerId === 'me' ? actor.id : q.ownerId));
    if (q.teamId) c.push(eb('deals.teamId', '=', q.teamId));
    if (q.pipelineId) c.push(eb('deals.pipelineId', '=', q.pipelineId));
    return eb.and(c);
  };
}

/** The same scope on the monthly order totals, whose owner and team are '' when the orders had none. */
export function monthTotalsScope(actor: Actor, q: { ownerId?: string; teamId?: string }) {
  return (eb: TotalsEb) => {
    const c = [visibleTo(eb, actor, 'orders.ownerId', 'orders.teamId')];
    if (q.ownerId) c.push(eb('orders.ownerId', '=', q.ownerId === 'me' ? actor.id : q.ownerId));
    if (q.teamId) c.push(eb('orders.teamId', '=', q.teamId));
    return eb.and(c);
  };
}
