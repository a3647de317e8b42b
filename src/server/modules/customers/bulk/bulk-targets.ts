// What a bulk change needs to know of each list it serves (contacts, companies): its table, its list walk, the API
// view of its records (audit of a delete, update events) and how a record is removed.
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Page } from '../../../core/pagination.js';
import type { ListParams } from '../record-list.js';
import { listContacts, readContacts } from '../contact-repository.js';
import { listCompanies, readCompanies } from '../company-repository.js';
import { removeContactRecord } from '../contact-merge-support.js';
import { removeCompanyRecord } from '../company-merge-support.js';

export type BulkObject = 'contacts' | 'companies';

export interface BulkTarget {
  object: BulkObject;
  table: 'contacts' | 'companies';
  entity: 'contact' | 'company';
  list(db: Db, actor: Actor, params: ListParams): Promise<Page<{ id: string }>>;
  read(db: DbOrTrx, ids: string[]): Promise<{ id: string }[]>;
  remove(db: DbOrTrx, id: string): Promise<unknown>;
  /** Of these ids, those a delete must leave alone (a company that still has contacts, as a single delete refuses). */
  undeletable(db: DbOrTrx, ids: string[]): Promise<Set<string>>;
}

export const bulkTargets: Record<BulkObject, BulkTarget> = {
  contacts: {
    object: 'contacts',
    table: 'contacts',
    entity: 'contact',
    list: listContacts,
    read: readContacts,
    // The same path as a merge's removal: tags, search row and the contact (its timeline cascades).
    remove: removeContactRecord,
    undeletable: async () => new Set(),
  },
  companies: {
    object: 'companies',
    table: 'companies',
    entity: 'company',
    list: listCompanies,
    read: readCompanies,
    remove: removeCompanyRecord,
    undeletable: async (db, ids) => {
      const out = new Set<string>();
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await db.selectFrom('contacts').select('companyId').distinct().where('companyId', 'in', ids.slice(i, i + 500)).execute();
        for (const r of rows) if (r.companyId) out.add(r.companyId);
      }
      return out;
    },
  },
};
