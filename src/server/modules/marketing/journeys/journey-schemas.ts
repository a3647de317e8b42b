// zod schemas of the journeys API (they also make the OpenAPI). The trigger, steps and goal are checked in full by
// journey-check.ts, whose errors name the exact part (steps[2].yes[0].subject).
import { z } from 'zod';

const anyObject = z.record(z.string(), z.unknown());
export const journeyStatus = z.enum(['draft', 'active', 'paused']);
export const reentry = z.enum(['never', 'after', 'always']);

const definition = {
  trigger: anyObject.describe('{ kind: "segment", segmentId } | { kind: "event", eventType, filter? } | { kind: "date", field: "birthday" | "cf.<key>", offsetDays, annual } | { kind: "manual" }'),
  steps: z.array(anyObject).max(100).describe('Steps { id?, kind: wait | branch | email | task | assign_owner | update_field | tag | webhook | end, … }; a branch has yes and no lists'),
  goal: anyObject.nullable().optional().describe('A segment rule tree: a contact who meets it leaves the journey'),
  reentry: reentry.default('never'),
  reentryDays: z.number().int().nullable().optional(),
};

export const createJourneyBody = z.strictObject({ name: z.string().trim().min(1).max(120), description: z.string().trim().max(1000).nullable().optional(), ...definition });
export const patchJourneyBody = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  description: z.string().trim().max(1000).nullable().optional(),
  trigger: definition.trigger.optional(),
  steps: definition.steps.optional(),
  goal: definition.goal,
  reentry: reentry.optional(),
  reentryDays: definition.reentryDays,
});
export type CreateJourneyBody = z.infer<typeof createJourneyBody>;
export type PatchJourneyBody = z.infer<typeof patchJourneyBody>;

export const journeySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  status: journeyStatus,
  trigger: anyObject,
  steps: z.array(anyObject),
  goal: anyObject.nullable(),
  reentry,
  reentryDays: z.number().nullable(),
  /** The key of the journey's signed webhook calls (shown to whoever may change the journey). */
  webhookSecret: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  activatedAt: z.string().nullable(),
});
export type Journey = z.infer<typeof journeySchema>;

export const enrolBody = z.strictObject({
  contactIds: z.array(z.string().min(1).max(100)).min(1).max(1000).optional(),
  segmentId: z.string().min(1).max(100).optional(),
});
export const enrolResult = z.object({ enrolled: z.number().int(), skipped: z.number().int() });

export const enrolmentStatus = z.enum(['active', 'completed', 'goal', 'exited']);
export const enrolmentSchema = z.object({
  id: z.string(),
  journeyId: z.string(),
  journeyName: z.string(),
  contactId: z.string(),
  contactName: z.string(),
  status: enrolmentStatus,
  stepId: z.string().nullable(),
  nextRunAt: z.string().nullable(),
  exitReason: z.string().nullable(),
  enteredAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const enrolmentQuery = z.object({
  status: enrolmentStatus.optional(),
  stepId: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(100).optional(),
});

export const stepRunSchema = z.object({ stepId: z.string(), kind: z.string().nullable(), outcome: z.string(), detail: z.string().nullable(), ranAt: z.string() });
export const contactJourneySchema = enrolmentSchema.extend({ steps: z.array(stepRunSchema) });

export const analyticsSchema = z.object({
  enrolled: z.number().int(),
  active: z.number().int(),
  completed: z.number().int(),
  goal: z.number().int(),
  exited: z.number().int(),
  /** Share of enrolled contacts who reached the goal (0–1); null without a goal or anyone enrolled. */
  conversion: z.number().nullable(),
  steps: z.array(
    z.object({
      stepId: z.string(),
      kind: z.string(),
      path: z.string(),
      depth: z.number().int(),
      /** Contacts at this step now (waiting in it or about to run it). */
      current: z.number().int(),
      done: z.number().int(),
      skipped: z.number().int(),
      failed: z.number().int(),
      yes: z.number().int(),
      no: z.number().int(),
    }),
  ),
});
export type JourneyAnalytics = z.infer<typeof analyticsSchema>;
