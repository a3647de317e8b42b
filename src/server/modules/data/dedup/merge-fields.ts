// Which value of each contact field survives a merge (the rule is merge-row.ts's): the one the user chose, else the
// most recently updated non-empty one; emails, phones, tags and custom fields are combined rather than picked.
import type { ContactRecord } from '../../customers/index.js';
import { combineCustomFields, mergedRecord, type MergeSnap, type MergeSpec } from './merge-row.js';
import { withGapsFilled } from './merge-gaps.js';

export const mergeableFields = ['displayName', 'givenName', 'familyName', 'title', 'companyId', 'emails', 'phones', 'address', 'birthday', 'source', 'lifecycleStage', 'ownerId', 'externalId', 'consent', 'customFields'] as const;
export type MergeableField = (typeof mergeableFields)[number];

/** A JSON list column becomes the union of every record's list (most recent first), its primary the first entry. */
const combineList =
  (list: 'emails' | 'phones', primary: 'primaryEmail' | 'primaryPhone') =>
  (row: Record<string, unknown>, byRecency: MergeSnap<ContactRecord>[]): void => {
    row[list] = JSON.stringify([...new Set(byRecency.flatMap((r) => JSON.parse(r.row[list]) as string[]))]);
    row[primary] = (JSON.parse(row[list] as string) as string[])[0] ?? null;
  };

const spec: MergeSpec<ContactRecord, MergeableField> = {
  fields: mergeableFields,
  // The row columns each API field is stored in.
  columnsOf: {
    displayName: ['displayName'],
    givenName: ['givenName'],
    familyName: ['familyName'],
    title: ['title'],
    companyId: ['companyId'],
    emails: ['emails', 'primaryEmail'],
    phones: ['phones', 'primaryPhone'],
    address: ['address'],
    birthday: ['birthday'],
    source: ['source'],
    lifecycleStage: ['lifecycleStage'],
    ownerId: ['ownerId', 'teamId'],
    externalId: ['externalId'],
    // Decided by the most-restrictive rule in merge-gaps.ts whatever is picked; listed so older requests stay valid.
    consent: ['consentEmail', 'consentSms', 'consentPhone', 'consentDetail'],
    customFields: ['custom'],
  },
  combine: { emails: combineList('emails', 'primaryEmail'), phones: combineList('phones', 'primaryPhone'), customFields: combineCustomFields },
};

/** The survivor's row after the merge; `chosen` maps a field to the contact whose value wins, its gaps filled from the others. */
export function mergedRow(survivor: MergeSnap<ContactRecord>, records: MergeSnap<ContactRecord>[], chosen: Partial<Record<MergeableField, string>>): MergeSnap<ContactRecord> {
  return withGapsFilled(mergedRecord(spec, survivor, records, chosen), survivor, records);
}
