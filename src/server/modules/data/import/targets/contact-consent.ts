// Consent in contact imports: the file's statuses as states (source 'import'), their columns in the bulk rows, and the
// consent history rows written with the batch (detail: the import's id).
import type { DbOrTrx, Engine } from '../../../../core/db/database.js';
import { consentChannels, consentColumns, consentEventRows, mergeConsentState, unknownConsent, type Consent, type ConsentChannel, type ConsentStatus } from '../../../customers/index.js';
import { bulkInsert, type BulkColumn } from '../bulk-insert.js';

export type DraftConsent = Partial<Record<ConsentChannel, ConsentStatus>>;

/** A consent cell: yes grants, no withdraws (an opt-out column only ever withdraws). */
export const fileStatus = (yes: boolean): ConsentStatus => (yes ? 'granted' : 'withdrawn');

/** Two rows of one person: the most restrictive status per channel (a withdrawal in any row wins). */
export function mergeDraftConsent(into: DraftConsent, from: DraftConsent): DraftConsent {
  const out = { ...into };
  for (const ch of consentChannels) {
    const [a, b] = [into[ch], from[ch]];
    if (b === undefined) continue;
    out[ch] = a === undefined ? b : mergeConsentState({ status: a, source: null, at: null }, { status: b, source: null, at: null }).status;
  }
  return out;
}

/** The stored consent after the file's: the most restrictive per channel whatever the update mode; an import-made state carries 'import' and `at`. */
export function applyDraftConsent(stored: Consent, d: DraftConsent, at: string): Consent {
  const out = { ...stored };
  for (const ch of consentChannels) {
    const s = d[ch];
    if (s) out[ch] = mergeConsentState(stored[ch], { status: s, source: 'import', at });
  }
  return out;
}

export const draftConsent = (d: DraftConsent, at: string): Consent => applyDraftConsent(unknownConsent(), d, at);

export const consentBulkColumns: BulkColumn[] = [...['consent_email', 'consent_sms', 'consent_phone'].map((name): BulkColumn => ({ name, pg: 'integer' })), { name: 'consent_detail', pg: 'text' }];

/** The values of consentBulkColumns for a contact row. */
export function consentCells(c: Consent): unknown[] {
  const v = consentColumns(c);
  return [v.consentEmail, v.consentSms, v.consentPhone, v.consentDetail];
}

/** The consent fields as the API's contact shows them (booleans for older clients, and the states). */
export const consentView = (c: Consent) => ({ consent: { email: c.email.status === 'granted', sms: c.sms.status === 'granted', phone: c.phone.status === 'granted' }, consentStatus: c });

const eventColumns: BulkColumn[] = ['id', 'contact_id', 'channel', 'status', 'previous_status', 'source', 'detail', 'actor_id', 'at'].map((name) => ({ name, pg: 'text' }));

/** Collects the history rows of a batch and writes them in one statement per 1,000. */
export function consentHistory(importId: string, actorId: string | null, at: string) {
  const rows: unknown[][] = [];
  return {
    add(contactId: string, before: Consent | null, after: Consent) {
      for (const e of consentEventRows(contactId, before, after, { source: 'import', detail: importId, actorId, at })) rows.push([e.id, e.contactId, e.channel, e.status, e.previousStatus, e.source, e.detail, e.actorId, e.at]);
    },
    write: (trx: DbOrTrx, engine: Engine) => bulkInsert(trx, engine, 'consent_events', eventColumns, rows),
  };
}
