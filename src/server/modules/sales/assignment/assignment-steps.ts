// Why a lead went to whom, as steps ({ kind, params }) the UI says as sentences in the reader's language;
// `explainSteps` is the English text kept in the API, the audit log and events.
import { z } from 'zod';

const facts = z.array(z.object({ field: z.string(), value: z.string() }));
const step = <K extends string, P extends z.ZodRawShape>(kind: K, params: P) => z.object({ kind: z.literal(kind), params: z.object(params) });

export const assignmentStepSchema = z.discriminatedUnion('kind', [
  // matched: the lead's facts the rule's conditions asked for ([] = a rule without conditions; null = not recorded).
  step('ruleMatched', { rule: z.string(), matched: facts.nullable() }),
  step('noRuleMatched', { facts }),
  step('skipped', { name: z.string(), cause: z.enum(['previousOwner', 'inactive']) }),
  step('roundRobin', { team: z.string().nullable(), name: z.string() }),
  step('leastLoaded', { team: z.string().nullable(), name: z.string(), open: z.number() }),
  step('namedUser', { name: z.string() }),
  step('noRep', { team: z.string().nullable() }),
  step('untouched', { from: z.string().nullable(), hours: z.number(), reassigned: z.boolean() }),
  step('keptByHand', {}),
  step('keptExisting', { name: z.string() }),
  step('setByImport', {}),
]);
export type AssignmentStep = z.infer<typeof assignmentStepSchema>;
export type StepFact = z.infer<typeof facts>[number];

const FIELD: Record<string, string> = { region: 'region', city: 'city', country: 'country', industry: 'industry', companySize: 'company size', source: 'source' };
const factList = (fs: StepFact[]) => fs.map((f) => `${FIELD[f.field] ?? f.field} is ${f.value === 'web_form' ? 'web form' : f.value}`).join(', ');
const hours = (n: number) => `${n} hour${n === 1 ? '' : 's'}`;
const among = (team: string | null) => (team ? ` among team “${team}”` : '');

/** One step as an English sentence (the web has the same sentences in en and zh-CN). */
export function stepSentence(s: AssignmentStep): string {
  switch (s.kind) {
    case 'ruleMatched': return s.params.matched === null ? `Matched rule “${s.params.rule}”.` : `Matched rule “${s.params.rule}” (${s.params.matched.length ? factList(s.params.matched) : 'it takes every lead'}).`;
    case 'noRuleMatched': return `No assignment rule matched (${s.params.facts.length ? factList(s.params.facts) : 'the lead has no region, industry, size or source'}).`;
    case 'skipped': return s.params.cause === 'inactive' ? `${s.params.name} is deactivated, skipped.` : `${s.params.name} had the lead already, skipped.`;
    case 'roundRobin': return `Round-robin${among(s.params.team)}: ${s.params.name} was next.`;
    case 'leastLoaded': return `Fewest open leads${among(s.params.team)}: ${s.params.name} (${s.params.open} open).`;
    case 'namedUser': return `The rule gives its leads to ${s.params.name}.`;
    case 'noRep': return `Nobody${among(s.params.team)} was available, so the lead stays unassigned.`;
    case 'untouched': return `${s.params.from ?? 'The owner'} did not work on the lead within ${hours(s.params.hours)}${s.params.reassigned ? ', so it was re-assigned' : ''}.`;
    case 'keptByHand': return 'The owner was set by hand before assignment ran.';
    case 'keptExisting': return `${s.params.name} already owned this contact and keeps the lead.`;
    case 'setByImport': return 'The import set the owner.';
  }
}

export const explainSteps = (steps: AssignmentStep[]): string => steps.map(stepSentence).join(' ');

/** The lead_details columns for an explanation: the English text and its steps (JSON). */
export const explanationColumns = (steps: AssignmentStep[] | null) => ({
  assignmentExplanation: steps ? explainSteps(steps) : null,
  assignmentSteps: steps ? JSON.stringify(steps) : null,
});
