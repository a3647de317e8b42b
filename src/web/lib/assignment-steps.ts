// Says why a lead went to whom in the reader's language, from the steps the server records beside its English line.
import type { TFunction } from 'i18next';

export type AssignmentStep =
  | { k: 'rule' | 'team' | 'rep' | 'keptExisting'; name: string }
  | { k: 'roundRobin' | 'namedUser' | 'noRep' | 'keptByHand' | 'setByImport' }
  | { k: 'leastLoaded'; open: number }
  | { k: 'noRule'; facts: { field: string; value: string }[] }
  | { k: 'reassigned' | 'untouched'; from: string | null; hours: number };

function word(s: AssignmentStep, t: TFunction): string {
  switch (s.k) {
    case 'rule': case 'team': case 'keptExisting': return t(`assignmentSteps.${s.k}`, { name: s.name });
    case 'rep': return s.name;
    case 'leastLoaded': return t('assignmentSteps.leastLoaded', { open: s.open });
    case 'noRule': {
      const facts = s.facts.map((f) => t('assignmentSteps.fact', { field: t(`assignmentSteps.facts.${f.field}`, { defaultValue: f.field }), value: f.value }));
      return t('assignmentSteps.noRule', { facts: facts.length ? facts.join(', ') : t('assignmentSteps.noFacts') });
    }
    case 'reassigned': case 'untouched': return t('assignmentSteps.untouched', { from: s.from ?? t('assignmentSteps.anyone'), hours: s.hours });
    default: return t(`assignmentSteps.${s.k}`);
  }
}

export function explainAssignment(steps: AssignmentStep[], t: TFunction): string {
  const [head, ...rest] = steps;
  if (head?.k === 'reassigned' || head?.k === 'untouched') {
    return t(head.k === 'reassigned' ? 'assignmentSteps.reassigned' : 'assignmentSteps.untouchedThen', { why: word(head, t), rest: explainAssignment(rest, t) });
  }
  return steps.map((s) => word(s, t)).join(' → ');
}
