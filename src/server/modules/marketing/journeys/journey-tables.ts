// Tables of journeys: the definitions, each contact's durable place in one (an enrolment), the steps it went through
// (the idempotency key of a step is enrolment + step), signed webhook calls waiting to go out, and engagement with
// journey e-mails (opens and clicks through signed links).
export interface JourneysTable {
  id: string;
  name: string;
  description: string | null;
  status: 'draft' | 'active' | 'paused';
  /** JSON JourneyTrigger (journey-definition.ts). */
  trigger: string;
  /** JSON JourneyStep[]. */
  steps: string;
  /** JSON segment rule tree; null: no goal. */
  goal: string | null;
  reentry: 'never' | 'after' | 'always';
  reentryDays: number | null;
  /** HMAC key of the journey's webhook calls. */
  webhookSecret: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  activatedAt: string | null;
}

export interface JourneyEnrolmentsTable {
  id: string;
  journeyId: string;
  contactId: string;
  /** active → completed | goal (exited by the goal) | exited (removed: contact erased, step gone, journey deleted). */
  status: 'active' | 'completed' | 'goal' | 'exited';
  /** The step the contact is at (waiting in, or about to run); null once finished. */
  stepId: string | null;
  /** When the step runs (or the wait ends); null once finished. */
  nextRunAt: string | null;
  /** A runner's claim; a runner that died leaves it to expire. */
  lockedUntil: string | null;
  /** What enrolled it: an outbox event id, 'date:YYYY-MM-DD', 'manual:<id>'. Unique per journey and contact. */
  triggerRef: string;
  exitReason: string | null;
  enteredAt: string;
  finishedAt: string | null;
}

export interface JourneyStepRunsTable {
  enrolmentId: string;
  stepId: string;
  journeyId: string;
  contactId: string;
  /** done | skipped | waiting | yes | no | failed */
  outcome: string;
  /** Why skipped/failed, or what was done (the mail id, the task id, the branch taken). */
  detail: string | null;
  ranAt: string;
}

export interface JourneyWebhookCallsTable {
  id: string;
  enrolmentId: string;
  stepId: string;
  journeyId: string;
  url: string;
  body: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  lockedUntil: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export interface JourneyEmailEventsTable {
  enrolmentId: string;
  stepId: string;
  kind: 'opened' | 'clicked';
  at: string;
}

export interface JourneyTables {
  journeys: JourneysTable;
  journeyEnrolments: JourneyEnrolmentsTable;
  journeyStepRuns: JourneyStepRunsTable;
  journeyWebhookCalls: JourneyWebhookCallsTable;
  journeyEmailEvents: JourneyEmailEventsTable;
}
