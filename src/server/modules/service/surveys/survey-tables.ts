// Tables of satisfaction surveys: one survey per solved ticket, answered through a signed link (CSAT 1–5, NPS 0–10).
export interface SurveysTable {
  id: string;
  ticketId: string;
  contactId: string | null;
  /** 'pending' (to send) → 'sent' | 'skipped' (no way to reach the customer). */
  state: string;
  /** Where the link went: 'email', 'chat', 'im' (comma-separated when several). */
  sentVia: string | null;
  language: string | null;
  expiresAt: string;
  csat: number | null;
  nps: number | null;
  comment: string | null;
  answeredAt: string | null;
  /** The follow-up task opened for a low score (once per survey). */
  followUpTaskId: string | null;
  /** Copied from the ticket when the survey is made, so the dashboard groups without a join. */
  assigneeId: string | null;
  teamId: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface SurveyTables {
  surveys: SurveysTable;
}
