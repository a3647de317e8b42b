// Shapes of the Rapport REST API (docs/api-contract.md) as the web app sees them.

export type Locale = 'en' | 'zh-CN';
export type Role = 'admin' | 'manager' | 'sales' | 'marketing' | 'support';
export const ROLES: Role[] = ['admin', 'manager', 'sales', 'marketing', 'support'];

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  locale: Locale;
  /** IANA zone for reminder e-mails; null = the organisation's. */
  timeZone: string | null;
  active: boolean;
  createdAt: string;
}

/** A colleague as every user sees them (GET /users/directory): enough for owner and assignee pickers. */
export type UserDirectoryEntry = Pick<User, 'id' | 'name' | 'teamId' | 'active'>;

export interface Team {
  id: string;
  name: string;
  managerId: string | null;
  createdAt: string;
}

export type Visibility = 'all' | 'own_team';
export interface RoleVisibility {
  role: Role;
  visibility: Visibility;
}

export interface AppSettings {
  defaultRegion: string;
  defaultCurrency: string;
  /** Times written to people without a zone of their own (reminder e-mails). */
  timeZone: string;
}

export type CustomFieldObject = 'contact' | 'company';
export type CustomFieldType = 'text' | 'number' | 'date' | 'boolean' | 'select' | 'multiselect';
export const CUSTOM_FIELD_TYPES: CustomFieldType[] = ['text', 'number', 'date', 'boolean', 'select', 'multiselect'];

export interface CustomField {
  id: string;
  object: CustomFieldObject;
  key: string;
  label: string;
  type: CustomFieldType;
  options: string[];
  createdAt: string;
}

export type CustomFieldValues = Record<string, unknown>;

export interface Address {
  street: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
}

export type LifecycleStage = 'subscriber' | 'lead' | 'qualified' | 'opportunity' | 'customer' | 'churned';
export const LIFECYCLE_STAGES: LifecycleStage[] = ['subscriber', 'lead', 'qualified', 'opportunity', 'customer', 'churned'];

export type ConsentChannel = 'email' | 'sms' | 'phone';
export const CONSENT_CHANNELS: ConsentChannel[] = ['email', 'sms', 'phone'];
export type ConsentStatus = 'granted' | 'withdrawn' | 'unknown';
/** One channel's consent: its status, where it came from (form, import, api, user, merge, …) and when. */
export interface ConsentState {
  status: ConsentStatus;
  source: string | null;
  at: string | null;
}

export interface Contact {
  id: string;
  displayName: string;
  givenName: string | null;
  familyName: string | null;
  title: string | null;
  companyId: string | null;
  companyName: string | null;
  emails: string[];
  phones: string[];
  /** Numbers an import kept as typed: not valid for their country, so not normalised. */
  rawPhones?: string[];
  address: Address | null;
  birthday: string | null;
  source: string | null;
  /** When the record was created in the system it was imported from. */
  sourceCreatedAt?: string | null;
  lifecycleStage: LifecycleStage;
  ownerId: string | null;
  ownerName: string | null;
  teamId: string | null;
  tags: string[];
  consent: { email: boolean; sms: boolean; phone: boolean };
  consentStatus: Record<ConsentChannel, ConsentState>;
  customFields: CustomFieldValues;
  createdAt: string;
  updatedAt: string;
}

export type CompanySize = '1-10' | '11-50' | '51-200' | '201-1000' | '1000+';
export const COMPANY_SIZES: CompanySize[] = ['1-10', '11-50', '51-200', '201-1000', '1000+'];

export interface Company {
  id: string;
  name: string;
  domain: string | null;
  industry: string | null;
  size: CompanySize | null;
  annualRevenue: number | null;
  currency: string | null;
  address: Address | null;
  ownerId: string | null;
  ownerName: string | null;
  teamId: string | null;
  tags: string[];
  customFields: CustomFieldValues;
  contactCount: number;
  createdAt: string;
  updatedAt: string;
}

export type InteractionType = 'note' | 'call' | 'meeting' | 'email' | 'task';
export type Direction = 'inbound' | 'outbound';

export interface Interaction {
  id: string;
  type: InteractionType;
  contactId: string | null;
  companyId: string | null;
  /** Not in the v1 contract yet; shown instead of a generic link when the server sends them. */
  contactName?: string | null;
  companyName?: string | null;
  subject: string | null;
  body: string | null;
  occurredAt: string;
  direction: Direction | null;
  durationSeconds: number | null;
  outcome: string | null;
  startsAt: string | null;
  endsAt: string | null;
  attendees: string[];
  dueAt: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  done: boolean;
  reminderAt: string | null;
  remindedAt: string | null;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
}

export interface Score {
  key: string;
  label: string;
  value: number;
  max: number;
}

export interface OverviewSection {
  key: string;
  title: string;
  items: unknown[];
}

export interface ContactOverview {
  contact: Contact;
  company: Company | null;
  scores: Score[];
  recentInteractions: Interaction[];
  openTasks: Interaction[];
  sections: OverviewSection[];
}

export interface CompanyOverview {
  company: Company;
  contacts: Contact[];
  /** Sent by the server although the v1 contract lists scores only for contacts. */
  scores?: Score[];
  recentInteractions: Interaction[];
  openTasks: Interaction[];
  sections: OverviewSection[];
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
