// Activity against a deal: a call, note, meeting or task logged on the deal (the interactions module stores the deal's
// id), and the deal's timeline, which also shows what happened with its contacts. The deal's visibility gates both.
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Page } from '../../../core/pagination.js';
import { AppError } from '../../../core/errors.js';
import { listDealTimeline, logInteraction, type InteractionInput } from '../../interactions/index.js';
import { dealForActor, getDealDetail } from './deal-repository.js';

type Logged = Awaited<ReturnType<typeof logInteraction>>;

/** Hangs the activity on the contact given (one of the deal's), else on the deal's company, else on its first contact. */
export async function logDealActivity(db: Db, actor: Actor, dealId: string, input: InteractionInput): Promise<Logged> {
  const deal = await dealForActor(db, actor, await getDealDetail(db, actor, dealId));
  let { contactId, companyId } = input;
  if (contactId && !deal.contacts.some((c) => c.contactId === contactId)) throw new AppError('validation', 'That contact is not on the deal', [{ path: 'contactId', message: 'not a contact of the deal' }]);
  if (!contactId && !companyId) {
    if (deal.companyId) companyId = deal.companyId;
    else if (deal.contacts[0]) contactId = deal.contacts[0].contactId;
    else throw new AppError('validation', 'Link the deal to a contact or a company before logging activity on it', [{ path: 'contactId', message: 'the deal has no contact or company' }]);
  }
  return logInteraction(db, actor, { ...input, contactId, companyId }, { dealId: deal.id });
}

export async function dealTimeline(db: Db, actor: Actor, dealId: string, page: { limit: number; cursor?: string }): Promise<Page<Logged>> {
  const deal = await getDealDetail(db, actor, dealId);
  return listDealTimeline(db, actor, { dealId: deal.id, contactIds: deal.contacts.map((c) => c.contactId), ...page });
}
