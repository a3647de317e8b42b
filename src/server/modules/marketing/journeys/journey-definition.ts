// What a journey is made of: a trigger, an ordered list of steps (a branch holds two lists that join again after it),
// a goal (segment rules) and a re-entry rule. Steps carry stable ids: an enrolment's place and the idempotency key of
// a step run are the step's id, so a journey edited while paused keeps its contacts where they were.
import type { SegmentGroup } from '../segments/segment-rules.js';

export type JourneyTrigger =
  | { kind: 'segment'; segmentId: string }
  | { kind: 'event'; eventType: string; filter?: Record<string, string | number | boolean> }
  | { kind: 'date'; field: string; offsetDays: number; annual: boolean }
  | { kind: 'manual' };

export interface WaitWindow {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  from: string;
  to: string;
}

export type BranchCondition = { type: 'rules'; rules: SegmentGroup } | { type: 'engagement'; event: 'opened' | 'clicked' };

export type JourneyStep =
  | { id: string; kind: 'wait'; amount?: number; unit?: 'minutes' | 'hours' | 'days'; window?: WaitWindow }
  | { id: string; kind: 'branch'; condition: BranchCondition; yes: JourneyStep[]; no: JourneyStep[] }
  | { id: string; kind: 'email'; subject: string; body: string }
  | { id: string; kind: 'task'; subject: string; body?: string; dueInDays?: number; assignTo: 'owner' | string }
  | { id: string; kind: 'assign_owner'; userId: string }
  | { id: string; kind: 'update_field'; field: string; value: unknown }
  | { id: string; kind: 'tag'; action: 'add' | 'remove'; tag: string }
  | { id: string; kind: 'webhook'; url: string }
  | { id: string; kind: 'end' };

export type StepKind = JourneyStep['kind'];
export const stepKinds: StepKind[] = ['wait', 'branch', 'email', 'task', 'assign_owner', 'update_field', 'tag', 'webhook', 'end'];

export interface JourneyDefinition {
  trigger: JourneyTrigger;
  steps: JourneyStep[];
  goal: SegmentGroup | null;
  reentry: 'never' | 'after' | 'always';
  reentryDays: number | null;
}

export interface StepPlace {
  step: JourneyStep;
  /** The step after this one when it is done (null: the journey ends). */
  next: string | null;
  path: string;
}

/** Every step by id with the step that follows it: a branch's lists continue with the step after the branch. */
export function stepMap(steps: JourneyStep[]): Map<string, StepPlace> {
  const map = new Map<string, StepPlace>();
  const walk = (list: JourneyStep[], after: string | null, base: string) => {
    list.forEach((step, i) => {
      const next = i + 1 < list.length ? list[i + 1]!.id : after;
      map.set(step.id, { step, next, path: `${base}[${i}]` });
      if (step.kind === 'branch') {
        walk(step.yes, next, `${base}[${i}].yes`);
        walk(step.no, next, `${base}[${i}].no`);
      }
    });
  };
  walk(steps, null, 'steps');
  return map;
}

/** The event type and filter an event trigger listens to (a segment trigger is segment.entered of that segment). */
export function triggerEvent(t: JourneyTrigger): { eventType: string; filter: Record<string, string | number | boolean> } | null {
  if (t.kind === 'segment') return { eventType: 'segment.entered', filter: { segmentId: t.segmentId } };
  if (t.kind === 'event') return { eventType: t.eventType, filter: t.filter ?? {} };
  return null;
}
