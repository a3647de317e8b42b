// Tables of SLA: business calendars, SLA policies (chosen by priority and customer tier) and each ticket's timers.
import type { Generated } from 'kysely';
export interface BusinessCalendarsTable {
  id: string;
  name: string;
  timeZone: string;
  /** JSON: 7 arrays (Sunday first) of { start: 'HH:MM', end: 'HH:MM' }. */
  week: string;
  /** JSON array of local dates 'YYYY-MM-DD'. */
  holidays: string;
  /** 1 for the calendar used by policies that name none. */
  isDefault: number;
  createdAt: string;
  updatedAt: string;
}

export interface SlaPoliciesTable {
  id: string;
  name: string;
  /** Policies are tried in this order; the first whose priorities and tiers fit the ticket applies. */
  position: number;
  /** JSON array of ticket priorities (empty: any). */
  priorities: string;
  /** JSON array of customer tiers 'vip' | 'standard' (empty: any). */
  tiers: string;
  calendarId: string | null;
  /** Business minutes to the first public agent reply (null: no target). */
  firstResponseMinutes: number | null;
  /** Business minutes to solved (null: no target). */
  resolutionMinutes: number | null;
  /** Business minutes before a due time when the assignee is warned (0: no warning). */
  warnBeforeMinutes: number;
  /** 1: the clocks stop while the ticket waits on the customer (status pending). */
  pauseWhenPending: number;
  /** The team whose queue tickets under this policy go to (a VIP queue); null: routing rules decide. */
  queueTeamId: string | null;
  /** 1: on a breach the ticket is re-assigned to another available agent of its team (or escalationTeamId). */
  reassignOnBreach: number;
  escalationTeamId: string | null;
  active: number;
  createdAt: string;
  updatedAt: string;
}

/** One row per ticket under a policy; due times are instants computed in business time. */
export interface TicketSlaTable {
  ticketId: string;
  policyId: string;
  policyName: string;
  calendarId: string | null;
  firstResponseMinutes: number | null;
  firstResponseWarnAt: string | null;
  firstResponseDueAt: string | null;
  firstResponseWarnedAt: string | null;
  firstResponseBreachedAt: string | null;
  firstResponseMetAt: string | null;
  resolutionMinutes: number | null;
  resolutionWarnAt: string | null;
  resolutionDueAt: string | null;
  resolutionWarnedAt: string | null;
  resolutionBreachedAt: string | null;
  resolutionMetAt: string | null;
  /** Set while the clocks are stopped (pending customer); the remaining business minutes are kept beside it. */
  pausedAt: string | null;
  firstResponseLeftMinutes: number | null;
  resolutionLeftMinutes: number | null;
  /** Business minutes of the pauses that have ended; a re-targeted policy counts from creation plus these. */
  pausedMinutes: Generated<number>;
  /** The earliest warning or due instant still to act on; the timer poller claims rows by it (null: nothing to do). */
  nextCheckAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SlaTables {
  business_calendars: BusinessCalendarsTable;
  sla_policies: SlaPoliciesTable;
  ticket_sla: TicketSlaTable;
}
