// Who is acting, and the record-level scope that every repository applies to what they may see.
import type { ExpressionBuilder, Expression, SqlBool } from 'kysely';

export type Role = 'admin' | 'manager' | 'sales' | 'marketing' | 'support';

export interface Actor {
  id: string;
  name: string;
  role: Role;
  teamId: string | null;
  visibility: 'all' | 'own_team';
  /** Set when the request came with an API key: what the key may do, e.g. "customers:write". */
  apiKey?: { id: string; scopes: string[] };
}

/** The system actor runs seeds, imports from the CLI and jobs; it sees everything. */
export const systemActor: Actor = { id: 'system', name: 'System', role: 'admin', teamId: null, visibility: 'all' };

/** True where the actor may see a row carrying owner_id/team_id; applied in the data layer so no route can forget it. */
export function visibleTo<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  actor: Actor,
  ownerCol: string,
  teamCol: string,
): Expression<SqlBool> {
  if (actor.visibility === 'all') return eb.lit(true) as unknown as Expression<SqlBool>;
  const ref = eb.ref as (c: string) => any;
  const conds = [eb(ref(ownerCol), '=', actor.id)];
  if (actor.teamId) conds.push(eb(ref(teamCol), '=', actor.teamId));
  return eb.or(conds as any);
}

export function canSee(actor: Actor, row: { ownerId: string | null; teamId: string | null }): boolean {
  return actor.visibility === 'all' || row.ownerId === actor.id || (actor.teamId !== null && row.teamId === actor.teamId);
}
