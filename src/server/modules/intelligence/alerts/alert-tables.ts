// Tables of alerts: what a rule noticed about a record, for its owner, with the suggested action and the owner's decision.
export const alertRules = ['churnJump', 'negativeSentiment', 'dealStalled', 'vipTicketSla'] as const;
export type AlertRule = (typeof alertRules)[number];
export const alertActions = ['call', 'offer', 'escalate', 'recommend'] as const;
export type AlertAction = (typeof alertActions)[number];
export const alertStatuses = ['open', 'snoozed', 'accepted', 'dismissed'] as const;
export type AlertStatus = (typeof alertStatuses)[number];

export interface AlertsTable {
  id: string;
  rule: AlertRule;
  /** The record it is about: contact, deal or ticket. */
  entity: 'contact' | 'deal' | 'ticket';
  entityId: string;
  /** The customer behind it, when known (for visibility and the task). */
  contactId: string | null;
  /** Owner and team of the record when the alert was raised: the alert is for the owner and visible as the record is. */
  ownerId: string | null;
  teamId: string | null;
  /** English title; the web says it in the reader's language from rule + facts. */
  title: string;
  /** JSON object of facts the title and reason are built from (days in stage, median, sentiment score, due time…). */
  facts: string;
  action: AlertAction;
  /** The recommended product for 'recommend' and 'offer'. */
  productId: string | null;
  status: AlertStatus;
  /** `rule:entityId` while open or snoozed, null once decided: one open alert per subject (unique). */
  openKey: string | null;
  /** What raised it (a sentiment item, a deal's stage entry, a ticket's due time, a score event): never raised twice. */
  sourceKey: string;
  snoozedUntil: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  /** The task made on accept. */
  taskId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AlertTables {
  alerts: AlertsTable;
}
