// Everything other modules keep about a company, reachable by a company merge without knowing those modules: each
// module registers one participant that moves its records to the surviving company and, on undo, back again.
import type { DbOrTrx } from '../../core/db/database.js';

export interface CompanyDataParticipant {
  key: string;
  /** Moves this module's records of company `fromId` to `toId`; returns the ids moved, so a merge can be undone. */
  reassign(db: DbOrTrx, fromId: string, toId: string): Promise<string[]>;
  /** Moves exactly these records back to company `toId` (undo of a merge). */
  restore(db: DbOrTrx, ids: string[], toId: string): Promise<void>;
}

const participants: CompanyDataParticipant[] = [];

export function registerCompanyDataParticipant(p: CompanyDataParticipant): void {
  const i = participants.findIndex((x) => x.key === p.key);
  if (i >= 0) participants[i] = p;
  else participants.push(p);
}

export const companyDataParticipants = (): readonly CompanyDataParticipant[] => participants;
