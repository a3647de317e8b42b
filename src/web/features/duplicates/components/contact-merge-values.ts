// How the contact merge dialog shows each field's value, whether contacts differ on it, and which contact's value the
// server keeps by default (merge-row.ts: the most recently updated non-empty value, the survivor winning ties).
import type { TFunction } from 'i18next';
import type { ContactMergeField, MergeContact } from '../api/contact-merge';
import { latestSource } from './merge-parts';
import { formatAddress } from '../../../lib/format';

export const contactFieldLabelKey: Record<ContactMergeField, string> = {
  displayName: 'contacts.name',
  title: 'contacts.jobTitle',
  companyId: 'contacts.company',
  address: 'duplicates.address',
  birthday: 'contacts.birthday',
  source: 'contacts.source',
  lifecycleStage: 'contacts.stage',
  ownerId: 'common.owner',
  externalId: 'duplicates.externalId',
};

const raw = (c: MergeContact, f: ContactMergeField): unknown => c[f] ?? null;
const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (typeof v === 'object' && Object.keys(v).length === 0);

/** The value as the dialog shows it ('' when empty). */
export function shownContactValue(c: MergeContact, f: ContactMergeField, t: TFunction): string {
  if (f === 'address') return formatAddress(c.address);
  if (f === 'companyId') return c.companyId ? (c.companyName ?? c.companyId) : '';
  if (f === 'ownerId') return c.ownerId ? (c.ownerName ?? c.ownerId) : '';
  if (f === 'lifecycleStage') return t(`stages.${c.lifecycleStage}`);
  return (raw(c, f) as string | null) ?? '';
}

/** The fields on which the contacts hold different values (compared as stored, not as shown). */
export function differingFields(contacts: MergeContact[], fields: readonly ContactMergeField[]): ContactMergeField[] {
  return fields.filter((f) => new Set(contacts.map((c) => JSON.stringify(raw(c, f)))).size > 1);
}

export function defaultContactSource(contacts: MergeContact[], f: ContactMergeField, survivorId: string): string {
  return latestSource(contacts, (c) => !isEmpty(raw(c, f)), survivorId);
}
