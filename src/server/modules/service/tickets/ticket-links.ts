// Checks what a ticket points at before it is written: an active assignee (whose team the ticket joins unless a
// team is given), an existing team, and a requester, company, deal and order the actor may see.
import type { DbOrTrx } from '../../../core/db/database.js';
import { canSee, type Actor } from '../../../core/auth/actor.js';
import { AppError } from '../../../core/errors.js';


export interface Assignment {
  assigneeId: string | null;
  teamId: string | null;
}

/** The assignee and team after a change: a new assignee brings their team when no team is named. */
export async function resolveAssignment(db: DbOrTrx, next: { assigneeId?: string | null; teamId?: string | null }, current: Assignment): Promise<Assignment> {
  let assigneeId = current.assigneeId;
  let teamId = current.teamId;
  if (next.assigneeId !== undefined && next.assigneeId !== current.assigneeId) {
    assigneeId = next.assigneeId;
    if (assigneeId) {
      const u = await db.selectFrom('users').select(['id', 'teamId', 'active']).where('id', '=', assigneeId).executeTakeFirst();
      if (!u || u.active !== 1) throw new AppError('validation', 'The assignee must be an active user', [{ path: 'assigneeId', message: 'unknown or inactive user' }]);
      if (next.teamId === undefined && u.teamId) teamId = u.teamId;
    }
  }
  if (next.teamId !== undefined) {
    teamId = next.teamId;
    if (teamId && !(await db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst())) throw new AppError('validation', 'That team does not exist', [{ path: 'teamId', message: 'unknown team' }]);
  }
  return { assigneeId, teamId };
}

/** The requester; returns the contact's company so a ticket without a company gets it. */
export async function checkContact(db: DbOrTrx, actor: Actor, contactId: string | null | undefined): Promise<{ companyId: string | null } | null> {
  if (!contactId) return null;
  const c = await db.selectFrom('contacts').select(['companyId', 'ownerId', 'teamId']).where('id', '=', contactId).executeTakeFirst();
  if (!c || !canSee(actor, c)) throw new AppError('validation', 'That contact does not exist', [{ path: 'contactId', message: 'unknown contact' }]);
  return { companyId: c.companyId };
}

export async function checkCompany(db: DbOrTrx, actor: Actor, companyId: string | null | undefined): Promise<void> {
  if (!companyId) return;
  const c = await db.selectFrom('companies').select(['ownerId', 'teamId']).where('id', '=', companyId).executeTakeFirst();
  if (!c || !canSee(actor, c)) throw new AppError('validation', 'That company does not exist', [{ path: 'companyId', message: 'unknown company' }]);
}

export async function checkDeal(db: DbOrTrx, actor: Actor, dealId: string | null | undefined): Promise<void> {
  if (!dealId) return;
  const d = await db.selectFrom('deals').select(['ownerId', 'teamId']).where('id', '=', dealId).executeTakeFirst();
  if (!d || !canSee(actor, d)) throw new AppError('validation', 'That deal does not exist', [{ path: 'dealId', message: 'unknown deal' }]);
}

export async function checkOrder(db: DbOrTrx, actor: Actor, orderId: string | null | undefined): Promise<void> {
  if (!orderId) return;
  const o = await db.selectFrom('orders').select(['ownerId', 'teamId']).where('id', '=', orderId).executeTakeFirst();
  if (!o || !canSee(actor, o)) throw new AppError('validation', 'That order does not exist', [{ path: 'orderId', message: 'unknown order' }]);
}
