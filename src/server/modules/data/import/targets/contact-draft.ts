// A contact as read from one or more file rows: built from cleaned values, merged with duplicates, applied to a stored contact.
import { composeDisplayName } from '../../../customers/index.js';
import { customValues } from './custom-field-columns.js';
import type { Consent } from '../../../customers/index.js';
import { applyDraftConsent, fileStatus, mergeDraftConsent, type DraftConsent } from './contact-consent.js';

export interface ContactDraft {
  rowNumber: number;
  displayName?: string;
  givenName?: string;
  familyName?: string;
  title?: string;
  company?: string;
  emails: string[];
  phones: string[];
  /** Numbers kept as typed: not valid for the row's country. */
  rawPhones: string[];
  externalId?: string;
  address: Record<string, string>;
  birthday?: string;
  source?: string;
  lifecycleStage?: string;
  /** The owner as the file names them (a user's email or name), resolved by the writer. */
  owner?: string;
  sourceCreatedAt?: string;
  /** An opt-out column said yes: email consent is withdrawn whatever the update mode. */
  emailOptOut?: boolean;
  tags: string[];
  consent: DraftConsent;
  custom: Record<string, unknown>;
}

const scalars = ['displayName', 'givenName', 'familyName', 'title', 'company', 'externalId', 'birthday', 'source', 'lifecycleStage', 'owner'] as const;
const earliest = (a: string | null | undefined, b: string | null | undefined) => (!a ? b : !b ? a : a < b ? a : b);

export function toDraft(rowNumber: number, v: Record<string, unknown>): ContactDraft {
  const d: ContactDraft = { rowNumber, emails: (v.emails as string[]) ?? [], phones: (v.phones as string[]) ?? [], rawPhones: (v.rawPhones as string[]) ?? [], address: {}, tags: (v.tags as string[]) ?? [], consent: {}, custom: customValues(v) };
  for (const k of scalars) if (v[k] !== undefined) d[k] = v[k] as string;
  if (v.sourceCreatedAt !== undefined) d.sourceCreatedAt = v.sourceCreatedAt as string;
  for (const [k, val] of Object.entries(v)) {
    if (k.startsWith('address.')) d.address[k.slice(8)] = val as string;
    if (k.startsWith('consent.') && k !== 'consent.emailOptOut' && typeof val === 'boolean') d.consent = mergeDraftConsent(d.consent, { [k.slice(8)]: fileStatus(val) });
  }
  if (v['consent.emailOptOut'] === true) [d.emailOptOut, d.consent.email] = [true, 'withdrawn'];
  return d;
}

export const draftName = (d: ContactDraft): string | null => d.displayName ?? composeDisplayName(d.givenName, d.familyName);

/** The keys that identify a person: external id, every email, every phone. */
export function draftKeys(d: ContactDraft): string[] {
  return [...(d.externalId ? [`x:${d.externalId}`] : []), ...d.emails.map((e) => `e:${e}`), ...d.phones.map((p) => `p:${p}`)];
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/** A later row of the same person fills what the earlier rows left empty and adds its emails, phones and tags. */
export function mergeDrafts(into: ContactDraft, from: ContactDraft): void {
  for (const k of scalars) if (into[k] === undefined && from[k] !== undefined) into[k] = from[k];
  into.emails = union(into.emails, from.emails);
  into.phones = union(into.phones, from.phones);
  into.rawPhones = union(into.rawPhones, from.rawPhones);
  into.sourceCreatedAt = earliest(into.sourceCreatedAt, from.sourceCreatedAt) ?? undefined;
  if (from.emailOptOut) into.emailOptOut = true;
  into.tags = union(into.tags, from.tags);
  into.address = { ...from.address, ...into.address };
  into.consent = mergeDraftConsent(into.consent, from.consent);
  into.custom = { ...from.custom, ...into.custom };
}

/** A stored contact in the shape the import changes and the audit log records. */
export interface StoredContact {
  displayName: string;
  givenName: string | null;
  familyName: string | null;
  title: string | null;
  companyId: string | null;
  companyName: string | null;
  externalId: string | null;
  emails: string[];
  phones: string[];
  rawPhones: string[];
  address: Record<string, string> | null;
  birthday: string | null;
  source: string | null;
  lifecycleStage: string;
  tags: string[];
  consent: Consent;
  customFields: Record<string, unknown>;
  sourceCreatedAt: string | null;
}

/**
 * "fill" sets only what is empty on the stored contact and appends new emails, phones and tags;
 * "overwrite" replaces every field the file has a value for (the file's emails and phones go first, others are kept).
 * A cell left empty in the file never erases anything.
 */
export function applyDraft(c: StoredContact, d: ContactDraft, mode: 'fill' | 'overwrite', companyId: (name: string) => string, at = new Date().toISOString()): StoredContact {
  const out: StoredContact = { ...c, address: c.address ? { ...c.address } : null, consent: { ...c.consent }, customFields: { ...c.customFields } };
  const set = <K extends 'givenName' | 'familyName' | 'title' | 'externalId' | 'birthday' | 'source'>(k: K, v: string | undefined) => {
    if (v !== undefined && (mode === 'overwrite' || !out[k])) out[k] = v;
  };
  set('givenName', d.givenName);
  set('familyName', d.familyName);
  set('title', d.title);
  set('externalId', d.externalId);
  set('birthday', d.birthday);
  set('source', d.source);
  const name = d.displayName ?? (mode === 'overwrite' && (d.givenName || d.familyName) ? composeDisplayName(out.givenName, out.familyName) : null);
  if (name && mode === 'overwrite') out.displayName = name;
  if (d.lifecycleStage && mode === 'overwrite') out.lifecycleStage = d.lifecycleStage;
  if (d.company && (mode === 'overwrite' || !out.companyId)) [out.companyId, out.companyName] = [companyId(d.company), d.company];
  out.emails = mode === 'overwrite' ? union(d.emails, c.emails) : union(c.emails, d.emails);
  out.phones = mode === 'overwrite' ? union(d.phones, c.phones) : union(c.phones, d.phones);
  out.rawPhones = union(c.rawPhones, d.rawPhones);
  out.sourceCreatedAt = earliest(c.sourceCreatedAt, d.sourceCreatedAt) ?? null;
  out.tags = union(c.tags, d.tags).sort();
  if (Object.keys(d.address).length) out.address = mode === 'overwrite' ? { ...out.address, ...d.address } : { ...d.address, ...out.address };
  // Consent is not filled or overwritten but merged: the most restrictive status wins in either mode.
  out.consent = applyDraftConsent(c.consent, d.consent, at);
  out.customFields = mode === 'overwrite' ? { ...out.customFields, ...d.custom } : { ...d.custom, ...out.customFields };
  return out;
}
