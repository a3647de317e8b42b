// Says why a lead went to whom as sentences in the reader's language ("Matched rule “Shanghai leads” (region is
// 上海)." / "匹配规则“Shanghai leads”（地区为上海）。"), from the steps ({ kind, params }) the server records.
import type { TFunction } from 'i18next';

export interface StepFact { field: string; value: string }
export type AssignmentStep =
  | { kind: 'ruleMatched'; params: { rule: string; matched: StepFact[] | null } }
  | { kind: 'noRuleMatched'; params: { facts: StepFact[] } }
  | { kind: 'skipped'; params: { name: string; cause: 'previousOwner' | 'inactive' } }
  | { kind: 'roundRobin'; params: { team: string | null; name: string } }
  | { kind: 'leastLoaded'; params: { team: string | null; name: string; open: number } }
  | { kind: 'namedUser'; params: { name: string } }
  | { kind: 'noRep'; params: { team: string | null } }
  | { kind: 'untouched'; params: { from: string | null; hours: number; reassigned: boolean } }
  | { kind: 'keptByHand' | 'setByImport'; params: Record<string, never> }
  | { kind: 'keptExisting'; params: { name: string } };

const KINDS = new Set(['ruleMatched', 'noRuleMatched', 'skipped', 'roundRobin', 'leastLoaded', 'namedUser', 'noRep', 'untouched', 'keptByHand', 'setByImport', 'keptExisting']);

/** Steps the web can say; null for anything else (such as notifications from before steps had a kind). */
export function readSteps(steps: unknown): AssignmentStep[] | null {
  if (!Array.isArray(steps) || steps.length === 0) return null;
  const ok = steps.every((s) => s && typeof s === 'object' && KINDS.has((s as { kind?: string }).kind ?? '') && typeof (s as { params?: unknown }).params === 'object');
  return ok ? (steps as AssignmentStep[]) : null;
}

function facts(fs: StepFact[], t: TFunction): string {
  return fs
    .map((f) => t('assignmentSteps.fact', {
      field: t(`assignmentSteps.facts.${f.field}`, { defaultValue: f.field }),
      value: f.field === 'source' ? t(`assignmentSteps.sources.${f.value}`, { defaultValue: f.value }) : f.value,
    }))
    .join(t('assignmentSteps.listSeparator'));
}

/** One step as one sentence. */
export function stepSentence(s: AssignmentStep, t: TFunction): string {
  switch (s.kind) {
    case 'ruleMatched': {
      const m = s.params.matched;
      if (m === null) return t('assignmentSteps.ruleMatched', { rule: s.params.rule });
      return t('assignmentSteps.ruleMatchedBecause', { rule: s.params.rule, why: m.length ? facts(m, t) : t('assignmentSteps.takesEveryLead') });
    }
    case 'noRuleMatched':
      return t('assignmentSteps.noRuleMatched', { facts: s.params.facts.length ? facts(s.params.facts, t) : t('assignmentSteps.noFacts') });
    case 'skipped': return t(s.params.cause === 'inactive' ? 'assignmentSteps.skippedInactive' : 'assignmentSteps.skippedPreviousOwner', { name: s.params.name });
    case 'roundRobin': return t(s.params.team ? 'assignmentSteps.roundRobinTeam' : 'assignmentSteps.roundRobin', { team: s.params.team, name: s.params.name });
    case 'leastLoaded': return t(s.params.team ? 'assignmentSteps.leastLoadedTeam' : 'assignmentSteps.leastLoaded', { team: s.params.team, name: s.params.name, open: s.params.open });
    case 'namedUser': return t('assignmentSteps.namedUser', { name: s.params.name });
    case 'noRep': return t(s.params.team ? 'assignmentSteps.noRepTeam' : 'assignmentSteps.noRep', { team: s.params.team });
    case 'untouched': {
      const from = s.params.from ?? t('assignmentSteps.theOwner');
      return t(s.params.reassigned ? 'assignmentSteps.untouchedReassigned' : 'assignmentSteps.untouched', { from, count: s.params.hours });
    }
    case 'keptByHand': return t('assignmentSteps.keptByHand');
    case 'setByImport': return t('assignmentSteps.setByImport');
    case 'keptExisting': return t('assignmentSteps.keptExisting', { name: s.params.name });
  }
}

export const assignmentSentences = (steps: AssignmentStep[], t: TFunction): string[] => steps.map((s) => stepSentence(s, t));

/** The sentences as one text ("… was next. …" in English; no spaces between Chinese sentences). */
export const explainAssignment = (steps: AssignmentStep[], t: TFunction): string => assignmentSentences(steps, t).join(t('assignmentSteps.sentenceSeparator'));
