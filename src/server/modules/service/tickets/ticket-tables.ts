// Tables of the tickets part: the ticket number counter, macros (canned replies), who is viewing a ticket now, and
// undoable ticket merges.
export interface TicketCountersTable {
  name: string;
  /** The last number given out. */
  value: number;
}

export interface MacrosTable {
  id: string;
  name: string;
  bodyEn: string;
  bodyZh: string | null;
  /** JSON { status?, priority?, addTags? } applied when the macro is used in a reply. */
  actions: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One row per agent with a ticket open; seenAt is the last heartbeat. */
export interface TicketViewersTable {
  ticketId: string;
  userId: string;
  seenAt: string;
}

export interface TicketMergesTable {
  id: string;
  sourceId: string;
  targetId: string;
  actorId: string;
  /** JSON { conversations: string[], events: string[], source: { status, closedAt, solvedAt, updatedAt } }. */
  snapshot: string;
  createdAt: string;
  undoneAt: string | null;
}

export interface TicketPartTables {
  ticket_counters: TicketCountersTable;
  macros: MacrosTable;
  ticket_viewers: TicketViewersTable;
  ticket_merges: TicketMergesTable;
}
