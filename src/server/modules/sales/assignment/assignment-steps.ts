// Why a lead went to whom, as steps the UI can say in the reader's language; `explainSteps` is the English line kept
// in the API, the audit log and events ('rule East China → team East → round-robin → 王芳').
import { z } from 'zod';

export const assignmentStepSchema = z.discriminatedUnion('k', [
  z.object({ k: z.literal('rule'), name: z.string() }),
  z.object({ k: z.literal('team'), name: z.string() }),
  z.object({ k: z.literal('roundRobin') }),
  z.object({ k: z.literal('leastLoaded'), open: z.number() }),
  z.object({ k: z.literal('namedUser') }),
  z.object({ k: z.literal('rep'), name: z.string() }),
  z.object({ k: z.literal('noRep') }),
  z.object({ k: z.literal('noRule'), facts: z.array(z.object({ field: z.string(), value: z.string() })) }),
  z.object({ k: z.literal('reassigned'), from: z.string().nullable(), hours: z.number() }),
  z.object({ k: z.literal('untouched'), from: z.string().nullable(), hours: z.number() }),
  z.object({ k: z.literal('keptByHand') }),
  z.object({ k: z.literal('keptExisting'), name: z.string() }),
  z.object({ k: z.literal('setByImport') }),
]);
export type AssignmentStep = z.infer<typeof assignmentStepSchema>;

const untouched = (s: { from: string | null; hours: number }) => `not touched by ${s.from ?? 'anyone'} within ${s.hours} h`;

function word(s: AssignmentStep): string {
  switch (s.k) {
    case 'rule': return `rule ${s.name}`;
    case 'team': return `team ${s.name}`;
    case 'roundRobin': return 'round-robin';
    case 'leastLoaded': return `least-loaded (${s.open} open)`;
    case 'namedUser': return 'user';
    case 'rep': return s.name;
    case 'noRep': return 'no other available rep';
    case 'noRule': return `no assignment rule matched (${s.facts.length ? s.facts.map((f) => `${f.field} ${f.value}`).join(', ') : 'no region, industry, size or source'})`;
    case 'reassigned': case 'untouched': return untouched(s);
    case 'keptByHand': return 'owner set by hand before assignment';
    case 'keptExisting': return `existing owner kept → ${s.name}`;
    case 'setByImport': return 'owner set by the import';
  }
}

export function explainSteps(steps: AssignmentStep[]): string {
  const [head, ...rest] = steps;
  if (head?.k === 'reassigned') return `re-assigned (${untouched(head)}): ${explainSteps(rest)}`;
  if (head?.k === 'untouched') return `${untouched(head)}; ${explainSteps(rest)}`;
  return steps.map(word).join(' → ');
}

/** The lead_details columns for an explanation: the English line and its steps (JSON). */
export const explanationColumns = (steps: AssignmentStep[] | null) => ({
  assignmentExplanation: steps ? explainSteps(steps) : null,
  assignmentSteps: steps ? JSON.stringify(steps) : null,
});
