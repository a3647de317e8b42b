// A contact's consent as stored (status columns + consent_detail JSON), how an API input changes it, and the history
// rows every change writes in its own transaction.
import type { DbOrTrx } from '../../core/db/database.js';
import type { Actor } from '../../core/auth/actor.js';
import { newId } from '../../core/ids.js';
import { consentChannels, mergeConsentState, sameState, statusCode, statusOfCode, type Consent, type ConsentChannel, type ConsentState, type ConsentStatus } from './consent-rule.js';
import type { ConsentEventsTable } from './consent-tables.js';

export interface ConsentColumns {
  consentEmail: number;
  consentSms: number;
  consentPhone: number;
  consentDetail: string | null;
}
const columnOf: Record<ConsentChannel, 'consentEmail' | 'consentSms' | 'consentPhone'> = { email: 'consentEmail', sms: 'consentSms', phone: 'consentPhone' };
type Detail = Partial<Record<ConsentChannel, { source: string | null; at: string | null }>>;

export function consentFromRow(r: { consentEmail: number; consentSms: number; consentPhone: number; consentDetail?: string | null }): Consent {
  const detail = (r.consentDetail ? JSON.parse(r.consentDetail) : {}) as Detail;
  const state = (ch: ConsentChannel): ConsentState => {
    const status = statusOfCode(Number(r[columnOf[ch]]));
    return status === 'unknown' && !detail[ch] ? { status, source: null, at: null } : { status, source: detail[ch]?.source ?? null, at: detail[ch]?.at ?? null };
  };
  return { email: state('email'), sms: state('sms'), phone: state('phone') };
}

export function consentColumns(c: Consent): ConsentColumns {
  const detail: Detail = {};
  for (const ch of consentChannels) if (c[ch].source !== null || c[ch].at !== null) detail[ch] = { source: c[ch].source, at: c[ch].at };
  return { consentEmail: statusCode(c.email.status), consentSms: statusCode(c.sms.status), consentPhone: statusCode(c.phone.status), consentDetail: Object.keys(detail).length ? JSON.stringify(detail) : null };
}

/** What an API request may send per channel: a status, or the old boolean (true grants; false withdraws). */
export type ConsentInputValue = boolean | ConsentStatus;
export const toStatus = (v: ConsentInputValue): ConsentStatus => (v === true ? 'granted' : v === false ? 'withdrawn' : v);

/** Where a change made through the API comes from when the request does not say: an API key's call, else a person. */
export const consentSourceOf = (actor: Actor, given?: string | null): string => given ?? (actor.apiKey ? 'api' : actor.id === 'system' ? 'system' : 'user');

/**
 * The consent after a request. `set` (a person editing the contact) takes each sent status as it is; `merge` (an
 * inbound upsert matching an existing contact) applies the most-restrictive rule, so a sync never undoes an opt-out.
 * A channel whose status does not change keeps its source and time.
 */
export function nextConsent(current: Consent, input: Partial<Record<ConsentChannel, ConsentInputValue>> | undefined, origin: { source: string; at: string }, rule: 'set' | 'merge'): Consent {
  const out = { ...current };
  for (const ch of consentChannels) {
    const v = input?.[ch];
    if (v === undefined) continue;
    const sent: ConsentState = { status: toStatus(v), source: origin.source, at: origin.at };
    if (sent.status === current[ch].status) continue;
    out[ch] = rule === 'merge' ? mergeConsentState(current[ch], sent) : sent;
  }
  return out;
}

export type ConsentEventRow = ConsentEventsTable;

/** One history row per channel whose state changed (`before` null: a new contact, rows for what it was created with). */
export function consentEventRows(contactId: string, before: Consent | null, after: Consent, meta: { source?: string; detail?: string | null; actorId: string | null; at: string }): ConsentEventRow[] {
  const rows: ConsentEventRow[] = [];
  for (const ch of consentChannels) {
    const b = before?.[ch];
    if (b ? sameState(b, after[ch]) : after[ch].status === 'unknown') continue;
    rows.push({ id: newId(), contactId, channel: ch, status: after[ch].status, previousStatus: b?.status ?? null, source: meta.source ?? after[ch].source ?? 'unknown', detail: meta.detail ?? null, actorId: meta.actorId, at: meta.at });
  }
  return rows;
}

export async function writeConsentEvents(db: DbOrTrx, rows: ConsentEventRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('consentEvents').values(rows.slice(i, i + 500)).execute();
}

/** A contact's consent history, newest first, with the name of whoever made each change. */
export async function listConsentEvents(db: DbOrTrx, contactId: string) {
  return db
    .selectFrom('consentEvents as e')
    .leftJoin('users as u', 'u.id', 'e.actorId')
    .select(['e.id', 'e.channel', 'e.status', 'e.previousStatus', 'e.source', 'e.detail', 'e.actorId', 'u.name as actorName', 'e.at'])
    .where('e.contactId', '=', contactId)
    .orderBy('e.at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(1000)
    .execute();
}
