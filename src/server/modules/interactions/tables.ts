// The interactions table: one row per timeline entry (note, call, meeting, email, task).
export const interactionTypes = ['note', 'call', 'meeting', 'email', 'task'] as const;
export type InteractionType = (typeof interactionTypes)[number];

export interface InteractionsTable {
  id: string;
  type: InteractionType;
  contactId: string | null;
  companyId: string | null;
  subject: string | null;
  body: string | null;
  occurredAt: string;
  direction: string | null;
  durationSeconds: number | null;
  outcome: string | null;
  startsAt: string | null;
  endsAt: string | null;
  attendees: string; // JSON array
  dueAt: string | null;
  assigneeId: string | null;
  done: number;
  /** When to remind the assignee of a task (null: no reminder). */
  reminderAt: string | null;
  /** When the reminder went out; null until then (and again after a reschedule). */
  remindedAt: string | null;
  /** The deal it was logged against (the sales module checks the deal; this module only stores the id). */
  dealId: string | null;
  createdBy: string | null;
  teamId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface InteractionTables {
  interactions: InteractionsTable;
}
