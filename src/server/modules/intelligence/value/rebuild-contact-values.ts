// Rebuilds contact_values from the orders and tickets, and saves the fitted CLV model; part of the daily customer-value job.
import type { Db } from '../../../core/db/database.js';
import { orderCosts } from '../../sales/index.js';
import { ticketCountsByContact } from '../../service/index.js';
import { computeContactValues } from './compute-contact-values.js';
import { getValueSettings, saveClvModel } from './value-settings.js';

export async function rebuildContactValues(db: Db, now = new Date()): Promise<{ contacts: number; model: string }> {
  const [orders, tickets, settings] = await Promise.all([orderCosts(db.kysely), ticketCountsByContact(db.kysely), getValueSettings(db.kysely)]);
  const { values, model } = computeContactValues(orders, tickets, settings, now);
  const at = now.toISOString();
  await db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('contact_values').execute();
    for (let i = 0; i < values.length; i += 500) await trx.insertInto('contact_values').values(values.slice(i, i + 500).map((v) => ({ ...v, computedAt: at }))).execute();
    await saveClvModel(trx, model);
  });
  return { contacts: values.length, model: model.status };
}
