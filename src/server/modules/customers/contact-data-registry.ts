// Everything a module keeps about a contact, reachable by the customers module without knowing the module:
// for a merge (move records to the survivor), a per-person data export, and an erasure on request.
// Each module registers one participant (interactions now; deals, orders, tickets later).
import type { DbOrTrx } from '../../core/db/database.js';

export interface ContactDataParticipant {
  key: string;
  /** Everything this module holds about the contact, as plain JSON (GDPR export). */
  exportFor(db: DbOrTrx, contactId: string): Promise<unknown>;
  /** Moves this module's records of `fromId` to `toId`; returns the ids moved, so a merge can be undone. */
  reassign(db: DbOrTrx, fromId: string, toId: string): Promise<string[]>;
  /** Moves exactly these records back to `toId` (undo of a merge). */
  restore(db: DbOrTrx, ids: string[], toId: string): Promise<void>;
  /** Deletes this module's records about the contact (erasure). */
  erase(db: DbOrTrx, contactId: string): Promise<number>;
}

const participants: ContactDataParticipant[] = [];

export function registerContactDataParticipant(p: ContactDataParticipant): void {
  const i = participants.findIndex((x) => x.key === p.key);
  if (i >= 0) participants[i] = p;
  else participants.push(p);
}

export const contactDataParticipants = (): readonly ContactDataParticipant[] => participants;
