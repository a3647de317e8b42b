// What a contact merge adds to the field-by-field pick: gaps filled from the other records (address parts and custom
// fields key by key), and consent by the most-restrictive rule whichever value was picked.
import { consentChannels, consentColumns, consentFromRow, mergeConsents, sameConsentState as sameState, type ContactRecord } from '../../customers/index.js';
import type { MergeSnap } from './merge-row.js';

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** A JSON object column with each empty key filled from the first of `others` that has it (null stays null when all are empty). */
export function fillJsonGaps(kept: string | null, others: (string | null)[]): string | null {
  const out = (kept ? JSON.parse(kept) : {}) as Record<string, unknown>;
  for (const o of others) {
    if (!o) continue;
    for (const [k, v] of Object.entries(JSON.parse(o) as Record<string, unknown>)) if (isEmpty(out[k]) && !isEmpty(v)) out[k] = v;
  }
  for (const k of Object.keys(out)) if (isEmpty(out[k])) delete out[k];
  return Object.keys(out).length ? JSON.stringify(out) : kept === null ? null : '{}';
}

/**
 * The survivor's row after the pick: address parts and custom fields it lacks come from the other records, most
 * recent first (the picked value's own parts always win); consent is the most restrictive of all, survivor first.
 */
export function withGapsFilled(picked: MergeSnap<ContactRecord>, survivor: MergeSnap<ContactRecord>, records: MergeSnap<ContactRecord>[]): MergeSnap<ContactRecord> {
  const others = [...records].sort((a, b) => (b.row.updatedAt > a.row.updatedAt ? 1 : b.row.updatedAt < a.row.updatedAt ? -1 : 0));
  const row = { ...picked.row };
  row.address = fillJsonGaps(row.address, others.map((r) => r.row.address));
  row.custom = fillJsonGaps(row.custom, others.map((r) => r.row.custom)) ?? '{}';
  const rest = records.filter((r) => r.row.id !== survivor.row.id).map((r) => consentFromRow(r.row));
  Object.assign(row, consentColumns(mergeConsents(consentFromRow(survivor.row), ...rest)));
  return { row, tags: picked.tags };
}

/**
 * Consent on undo, channel by channel: back to the survivor's state before the merge where the merge's state is still
 * there, else the later change stays (the columns of one channel never split between the two).
 */
export function revertedConsent(reverted: MergeSnap<ContactRecord>, current: ContactRecord, snap: { survivor: MergeSnap<ContactRecord>; survivorAfter: MergeSnap<ContactRecord> }): MergeSnap<ContactRecord> {
  const [now, before, after] = [consentFromRow(current), consentFromRow(snap.survivor.row), consentFromRow(snap.survivorAfter.row)];
  const out = { ...now };
  for (const ch of consentChannels) if (sameState(now[ch], after[ch])) out[ch] = before[ch];
  return { row: { ...reverted.row, ...consentColumns(out) }, tags: reverted.tags };
}
