// Contacts and companies offer their change history to whoever may see them (core audit's record history).
import { registerHistorySubject } from '../../core/audit/record-history-registry.js';
import type { DbOrTrx } from '../../core/db/database.js';
import { getCompany } from './company-repository.js';
import { getContact } from './contact-repository.js';
import { listCustomFields, type CustomFieldObject } from './custom-fields.js';

const labels = (object: CustomFieldObject) => async (db: DbOrTrx) => Object.fromEntries((await listCustomFields(db, object)).map((f) => [f.key, f.label]));

registerHistorySubject('contact', {
  // A lead is a contact being qualified: its status and assignment changes belong to the contact's history.
  entities: ['contact', 'lead'],
  ensureVisible: async (db, actor, id) => void (await getContact(db, actor, id)),
  customFieldLabels: labels('contact'),
});

registerHistorySubject('company', {
  entities: ['company'],
  ensureVisible: async (db, actor, id) => void (await getCompany(db, actor, id)),
  customFieldLabels: labels('company'),
});
