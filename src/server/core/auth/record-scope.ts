// Visibility of rows that hang on a contact or a company (notes, pairs, households, search rows…): SQL conditions
// that put such rows inside the actor's scope, for joins and subqueries in any module's query.
import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db-schema.js';
import { visibleTo, type Actor } from './actor.js';

// Any query's builder: the helpers only name the column they are given, so the caller's tables do not matter here.
type AnyEb = ExpressionBuilder<any, any>;

const always = (eb: AnyEb) => eb.lit(true) as unknown as Expression<SqlBool>;

/** True where the contact named by `contactIdCol` exists and the actor may see it (a missing contact is hidden). */
export function contactVisibleTo(eb: AnyEb, actor: Actor, contactIdCol: string): Expression<SqlBool> {
  if (actor.visibility === 'all') return always(eb);
  const e = eb as unknown as ExpressionBuilder<Database, never>;
  return e.exists(
    e
      .selectFrom('contacts as scope_c')
      .select('scope_c.id')
      .whereRef('scope_c.id', '=', contactIdCol as never)
      .where((s) => visibleTo(s, actor, 'scope_c.ownerId', 'scope_c.teamId')),
  );
}

/** True where the company named by `companyIdCol` exists and the actor may see it. */
export function companyVisibleTo(eb: AnyEb, actor: Actor, companyIdCol: string): Expression<SqlBool> {
  if (actor.visibility === 'all') return always(eb);
  const e = eb as unknown as ExpressionBuilder<Database, never>;
  return e.exists(
    e
      .selectFrom('companies as scope_co')
      .select('scope_co.id')
      .whereRef('scope_co.id', '=', companyIdCol as never)
      .where((s) => visibleTo(s, actor, 'scope_co.ownerId', 'scope_co.teamId')),
  );
}

/**
 * A row tied to a contact and/or a company (an interaction, a task): one tied to a contact follows the contact's
 * visibility, even on a visible company's timeline; one tied only to a company follows the company's.
 */
export function contactOrCompanyVisibleTo(eb: AnyEb, actor: Actor, contactIdCol: string, companyIdCol: string): Expression<SqlBool> {
  if (actor.visibility === 'all') return always(eb);
  const ref = eb.ref as (c: string) => any;
  return eb.or([
    eb.and([eb(ref(contactIdCol), 'is not', null), contactVisibleTo(eb, actor, contactIdCol)]),
    eb.and([eb(ref(contactIdCol), 'is', null), eb(ref(companyIdCol), 'is not', null), companyVisibleTo(eb, actor, companyIdCol)]),
  ]);
}

/** visibleTo for raw SQL over a table aliased `alias` with owner_id and team_id columns. */
export function visibleToSql(actor: Actor, alias: string): RawBuilder<boolean> {
  if (actor.visibility === 'all') return sql<boolean>`1 = 1`;
  const owner = sql.ref(`${alias}.owner_id`);
  if (!actor.teamId) return sql<boolean>`${owner} = ${actor.id}`;
  return sql<boolean>`(${owner} = ${actor.id} or ${sql.ref(`${alias}.team_id`)} = ${actor.teamId})`;
}
