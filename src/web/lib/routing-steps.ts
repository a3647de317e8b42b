// Says why a ticket went to whom as sentences in the reader's language, from the steps ({ kind, params }) the server
// records in tickets.routing ("Matched routing rule “Billing”, which sends tickets to team “Support”." /
// "匹配路由规则“Billing”，工单发往团队“Support”。").
import type { TFunction } from 'i18next';
import { matchServerMessage } from './server-message-patterns.js';

type Team = string | null;
export type RoutingStep =
  | { kind: 'tier'; params: { tier: string } }
  | { kind: 'signal'; params: { name: string; reason: string; priorityUp: boolean; skill: string | null } }
  | { kind: 'ruleMatched'; params: { rule: string; team: Team } }
  | { kind: 'noRuleMatched'; params: Record<string, never> }
  | { kind: 'slaQueue'; params: { policy: string; team: Team } }
  | { kind: 'keptTeam'; params: { team: Team } }
  | { kind: 'priority'; params: { from: string; to: string } }
  | { kind: 'skillRequired'; params: { skill: string } }
  | { kind: 'skipped'; params: { name: string; cause: 'away' | 'full' | 'noSkill' | 'current'; open: number | null; capacity: number | null } }
  | { kind: 'roundRobin'; params: { team: Team; name: string } }
  | { kind: 'leastLoaded'; params: { team: Team; name: string; open: number } }
  | { kind: 'noAgent'; params: { team: Team } }
  | { kind: 'agentFreed'; params: Record<string, never> }
  | { kind: 'slaBreach'; params: { target: 'firstResponse' | 'resolution' } };

const KINDS = new Set(['tier', 'signal', 'ruleMatched', 'noRuleMatched', 'slaQueue', 'keptTeam', 'priority', 'skillRequired', 'skipped', 'roundRobin', 'leastLoaded', 'noAgent', 'agentFreed', 'slaBreach']);

/** Steps the web can say; null for anything else. */
export function readRoutingSteps(steps: unknown): RoutingStep[] | null {
  if (typeof steps === 'string') {
    try {
      steps = JSON.parse(steps);
    } catch {
      return null;
    }
  }
  if (!Array.isArray(steps) || steps.length === 0) return null;
  const ok = steps.every((s) => s && typeof s === 'object' && KINDS.has((s as { kind?: string }).kind ?? '') && typeof (s as { params?: unknown }).params === 'object');
  return ok ? (steps as RoutingStep[]) : null;
}

/** One step as one sentence. */
export function routingSentence(s: RoutingStep, t: TFunction): string {
  const p = s.params as Record<string, unknown>;
  const priority = (v: unknown) => t(`sla.priorities.${String(v)}`, { defaultValue: String(v) });
  switch (s.kind) {
    case 'tier': return t(s.params.tier === 'vip' ? 'routingSteps.tierVip' : 'routingSteps.tier', { tier: s.params.tier });
    case 'signal': {
      // A signal's reason in the server's words is translated when a pattern knows it (the sentiment signal's do).
      const m = matchServerMessage(s.params.reason);
      const reason = m ? t(`serverPatterns.${m.key}`, { ...m.params, defaultValue: s.params.reason }) : s.params.reason;
      const parts = [t('routingSteps.signal', { name: s.params.name, reason })];
      if (s.params.priorityUp) parts.push(t('routingSteps.signalPriorityUp'));
      if (s.params.skill) parts.push(t('routingSteps.signalSkill', { skill: s.params.skill }));
      return parts.join(t('routingSteps.sentenceSeparator'));
    }
    case 'priority': return t('routingSteps.priority', { from: priority(s.params.from), to: priority(s.params.to) });
    case 'skipped': return t(`routingSteps.skipped.${s.params.cause}`, { name: s.params.name, open: s.params.open, capacity: s.params.capacity });
    case 'slaBreach': return t(`routingSteps.slaBreach.${s.params.target}`);
    default: return t(`routingSteps.${s.kind}`, p);
  }
}

export const explainRouting = (steps: RoutingStep[], t: TFunction): string => steps.map((s) => routingSentence(s, t)).join(t('routingSteps.sentenceSeparator'));
