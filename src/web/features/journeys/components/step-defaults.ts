// Pure helpers of the step editor: a new step of a kind (with a fresh id), and moving or replacing steps in a list.
import type { Step, StepKind } from '../api/journeys';

export const STEP_KINDS: StepKind[] = ['wait', 'email', 'branch', 'task', 'assign_owner', 'update_field', 'tag', 'webhook', 'end'];

const newId = () => Math.random().toString(36).slice(2, 10);

export function newStep(kind: StepKind): Step {
  const id = newId();
  switch (kind) {
    case 'wait':
      return { id, kind, amount: 1, unit: 'days' };
    case 'branch':
      return { id, kind, condition: { type: 'engagement', event: 'opened' }, yes: [], no: [] };
    case 'email':
      return { id, kind, subject: '', body: '' };
    case 'task':
      return { id, kind, subject: '', assignTo: 'owner', dueInDays: 1 };
    case 'assign_owner':
      return { id, kind, userId: '' };
    case 'update_field':
      return { id, kind, field: 'lifecycleStage', value: 'qualified' };
    case 'tag':
      return { id, kind, action: 'add', tag: '' };
    case 'webhook':
      return { id, kind, url: 'https://' };
    case 'end':
      return { id, kind };
  }
}

export function moved<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}
