// Tables of leads: the lead details kept beside a contact (source, UTM, form, assignment) and its behaviour activity.
export const leadStatuses = ['new', 'working', 'converted', 'disqualified'] as const;
export type LeadStatus = (typeof leadStatuses)[number];
export const activityKinds = ['email_opened', 'page_visited', 'form_submitted', 'meeting_held', 'call_logged'] as const;
export type ActivityKind = (typeof activityKinds)[number];

export interface LeadDetailsTable {
  contactId: string;
  status: LeadStatus;
  source: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmTerm: string | null;
  utmContent: string | null;
  formName: string | null;
  message: string | null;
  /** pending (waiting for the assignment worker) | assigned | unmatched (no rule fits) | kept (had an owner) */
  assignmentStatus: string;
  assignmentRuleId: string | null;
  assignmentExplanation: string | null;
  /** JSON array of AssignmentStep: the explanation as steps the UI translates. */
  assignmentSteps: string | null;
  assignedAt: string | null;
  reassignCount: number;
  lastTouchedAt: string | null;
  convertedAt: string | null;
  dealId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LeadActivityTable {
  id: string;
  contactId: string;
  kind: ActivityKind;
  occurredAt: string;
  /** The outbox event it came from (unique), so a replayed event is not counted twice. */
  sourceEventId: string | null;
  detail: string; // JSON object
  createdAt: string;
}

export interface LeadTables {
  leadDetails: LeadDetailsTable;
  leadActivity: LeadActivityTable;
}
