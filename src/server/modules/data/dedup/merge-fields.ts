// Which value of each field survives a merge: the one the user chose (field → source contact), else the most
// recently updated non-empty one; emails, phones, tags and custom fields are combined rather than picked.
import type { ContactRecord } from '../../customers/index.js';

export const mergeableFields = ['displayName', 'givenName', 'familyName', 'title', 'companyId', 'emails', 'phones', 'address', 'birthday', 'source', 'lifecycleStage', 'ownerId', 'externalId', 'consent', 'customFields'] as const;
export type MergeableField = (typeof mergeableFields)[number];

type Snap = { row: ContactRecord; tags: string[] };

/** The row columns each API field is stored in. */
const columnsOf: Record<MergeableField, (keyof ContactRecord)[]> = {
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
  consent: ['consentEmail', 'consentSms', 'consentPhone'],
  customFields: ['custom'],
};

export const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || v === '[]' || v === '{}';

const unionList = (lists: string[]): string => JSON.stringify([...new Set(lists.flatMap((l) => JSON.parse(l) as string[]))]);

/**
 * The survivor's row after the merge. `records` holds the survivor and the merged contacts; `chosen` maps a field
 * to the contact whose value wins. The survivor keeps its id and creation time.
 */
export function mergedRow(survivor: Snap, records: Snap[], chosen: Partial<Record<MergeableField, string>>): { row: ContactRecord; tags: string[] } {
  // Most recent first; the survivor wins ties.
  const byRecency = [...records].sort((a, b) => (b.row.updatedAt > a.row.updatedAt ? 1 : b.row.updatedAt < a.row.updatedAt ? -1 : a.row.id === survivor.row.id ? -1 : 1));
  const row = { ...survivor.row } as Record<string, unknown>;
  for (const field of mergeableFields) {
    const cols = columnsOf[field];
    const source = chosen[field];
    if (source) {
      const from = records.find((r) => r.row.id === source)!;
      for (const c of cols) row[c] = from.row[c];
      continue;
    }
    if (field === 'emails' || field === 'phones') {
      const [list, primary] = cols as ['emails' | 'phones', 'primaryEmail' | 'primaryPhone'];
      row[list] = unionList(byRecency.map((r) => r.row[list]));
      row[primary] = (JSON.parse(row[list] as string) as string[])[0] ?? null;
      continue;
    }
    if (field === 'customFields') {
      const custom: Record<string, unknown> = {};
      for (const r of [...byRecency].reverse()) for (const [k, v] of Object.entries(JSON.parse(r.row.custom) as Record<string, unknown>)) if (!isEmpty(v)) custom[k] = v;
      row.custom = JSON.stringify(custom);
      continue;
    }
    const from = byRecency.find((r) => !isEmpty(r.row[cols[0]!])) ?? survivor;
    for (const c of cols) row[c] = from.row[c];
  }
  row.updatedAt = new Date().toISOString();
  const tags = [...new Set(records.flatMap((r) => r.tags))].sort();
  return { row: row as ContactRecord, tags };
}
