// Tables of the customers module: contacts, companies, tags, custom field definitions, the search index.
import type { Generated } from 'kysely';
import type { ConsentEventsTable } from './consent-tables.js';

export const lifecycleStages = ['subscriber', 'lead', 'qualified', 'opportunity', 'customer', 'churned'] as const;
export type LifecycleStage = (typeof lifecycleStages)[number];

export interface ContactsTable {
  id: string;
  displayName: string;
  sortName: string; // displayName as its pinyin sort key (sort-name.ts), written with every displayName
  externalId: string | null;
  givenName: string | null;
  familyName: string | null;
  title: string | null;
  companyId: string | null;
  emails: string; // JSON array
  phones: string; // JSON array of E.164
  rawPhones: string | null; // JSON array: numbers kept as typed, not valid for their country
  primaryEmail: string | null;
  primaryPhone: string | null;
  address: string | null; // JSON object
  birthday: string | null;
  source: string | null;
  lifecycleStage: LifecycleStage;
  ownerId: string | null;
  teamId: string | null;
  consentEmail: number; // 1 granted, 0 unknown, -1 withdrawn (consent-rule.ts)
  consentSms: number;
  consentPhone: number;
  consentDetail: string | null; // JSON {channel: {source, at}}: where each consent status came from (consent-store.ts)
  custom: string; // JSON object
  sourceCreatedAt: string | null; // when the record was created in the system it was imported from (first seen)
  createdAt: string;
  updatedAt: string;
}

export interface CompaniesTable {
  id: string;
  name: string;
  sortName: string; // name as its pinyin sort key (sort-name.ts), written with every name
  domain: string | null;
  industry: string | null;
  size: string | null;
  annualRevenue: number | null;
  currency: string;
  address: string | null;
  ownerId: string | null;
  teamId: string | null;
  custom: string;
  createdAt: string;
  updatedAt: string;
}

export interface TagsTable {
  entity: string;
  entityId: string;
  tag: string;
}

export interface CustomFieldsTable {
  id: string;
  object: 'contact' | 'company';
  key: string;
  label: string;
  type: 'text' | 'number' | 'date' | 'boolean' | 'select' | 'multiselect';
  options: string; // JSON array
  createdAt: string;
}

export interface SearchIndexTable {
  rid: Generated<number>;
  entity: string;
  entityId: string;
  doc: string;
  grams: string | string[] | null; // PostgreSQL only: text[] of 1- and 2-grams for short queries
}

export interface CustomerTables {
  contacts: ContactsTable;
  companies: CompaniesTable;
  tags: TagsTable;
  customFields: CustomFieldsTable;
  searchIndex: SearchIndexTable;
  consentEvents: ConsentEventsTable;
  savedViews: SavedViewsTable;
}

export interface SavedViewsTable {
  id: string;
  ownerId: string;
  teamId: string | null; // the owner's team when saved: who a shared view is shared with
  shared: number; // 1 shared with the team, 0 personal
  object: string; // 'contact' | 'company'
  name: string;
  state: string; // JSON SavedViewState (saved-views.ts)
  createdAt: string;
  updatedAt: string;
}
