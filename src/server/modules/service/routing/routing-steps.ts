// Why a ticket went to whom, as steps ({ kind, params }, as lead assignment records them) that the UI says as
// sentences in the reader's language (web lib routing-steps.ts); `explainRouting` is the English text kept in the
// API and notifications.
import { z } from 'zod';

const step = <K extends string, P extends z.ZodRawShape>(kind: K, params: P) => z.object({ kind: z.literal(kind), params: z.object(params) });
const team = z.string().nullable();

export const routingStepSchema = z.discriminatedUnion('kind', [
  step('tier', { tier: z.string() }),
  step('signal', { name: z.string(), reason: z.string(), priorityUp: z.boolean(), skill: z.string().nullable() }),
  step('ruleMatched', { rule: z.string(), team }),
  step('noRuleMatched', {}),
  step('slaQueue', { policy: z.string(), team }),
  step('keptTeam', { team }),
  step('priority', { from: z.string(), to: z.string() }),
  step('skillRequired', { skill: z.string() }),
  step('skipped', { name: z.string(), cause: z.enum(['away', 'full', 'noSkill', 'current']), open: z.number().nullable(), capacity: z.number().nullable() }),
  step('roundRobin', { team, name: z.string() }),
  step('leastLoaded', { team, name: z.string(), open: z.number() }),
  step('noAgent', { team }),
  step('agentFreed', {}),
  step('slaBreach', { target: z.enum(['firstResponse', 'resolution']) }),
]);
export type RoutingStep = z.infer<typeof routingStepSchema>;

const q = (s: string | null) => `“${s ?? '?'}”`;

/** One step as an English sentence (the web has the same sentences in en and zh-CN). */
export function routingSentence(s: RoutingStep): string {
  switch (s.kind) {
    case 'tier': return s.params.tier === 'vip' ? 'The customer is a VIP.' : `The customer's tier is ${s.params.tier}.`;
    case 'signal': return `Signal ${q(s.params.name)}: ${s.params.reason}.${s.params.priorityUp ? ' Priority raised.' : ''}${s.params.skill ? ` Needs the skill ${q(s.params.skill)}.` : ''}`;
    case 'ruleMatched': return `Matched routing rule ${q(s.params.rule)}, which sends tickets to team ${q(s.params.team)}.`;
    case 'noRuleMatched': return 'No routing rule matched.';
    case 'slaQueue': return `SLA policy ${q(s.params.policy)} sends its tickets to team ${q(s.params.team)}.`;
    case 'keptTeam': return `The ticket stays with its team ${q(s.params.team)}.`;
    case 'priority': return `Priority changed from ${s.params.from} to ${s.params.to}.`;
    case 'skillRequired': return `Only agents with the skill ${q(s.params.skill)} can take it.`;
    case 'skipped': {
      const p = s.params;
      if (p.cause === 'away') return `${p.name} is away, skipped.`;
      if (p.cause === 'full') return `${p.name} has ${p.open} of ${p.capacity} open tickets, skipped.`;
      if (p.cause === 'noSkill') return `${p.name} lacks the skill, skipped.`;
      return `${p.name} had the ticket already, skipped.`;
    }
    case 'roundRobin': return `Round-robin among team ${q(s.params.team)}: ${s.params.name} was next.`;
    case 'leastLoaded': return `Fewest open tickets among team ${q(s.params.team)}: ${s.params.name} (${s.params.open} open).`;
    case 'noAgent': return `Nobody among team ${q(s.params.team)} was available, so the ticket waits in the team's queue.`;
    case 'agentFreed': return 'Later an agent became available.';
    case 'slaBreach': return `The ${s.params.target === 'firstResponse' ? 'first-response' : 'resolution'} SLA was breached.`;
  }
}

export const explainRouting = (steps: RoutingStep[]): string => steps.map(routingSentence).join(' ');
