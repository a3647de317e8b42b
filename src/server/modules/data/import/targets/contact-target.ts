// The contacts import target: its fields (with custom fields), the row check, and the batch writer.
import { registerImportTarget, type ImportTarget } from '../import-target.js';
import { contactFields } from './contact-fields.js';
import { customFieldColumns } from './custom-field-columns.js';
import { writeContacts } from './contact-writer.js';

export const contactTarget: ImportTarget = {
  object: 'contacts',
  tables: ['contacts', 'companies', 'search_index'],
  label: 'Contacts',
  async fields(db) {
    return [...contactFields, ...(await customFieldColumns(db, 'contact'))];
  },
  checkRow(v) {
    if (!v.displayName && !v.givenName && !v.familyName) return [{ column: 'displayName', reason: 'a contact needs a name (a Name, First name or Last name column with a value)' }];
    return [];
  },
  writeBatch: writeContacts,
};

registerImportTarget(contactTarget);
