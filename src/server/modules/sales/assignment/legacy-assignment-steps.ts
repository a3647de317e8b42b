// Reads assignment steps as stored: steps recorded before { kind, params } ({ k: 'rule' }, { k: 'rep' }…, an arrow
// chain) are turned into the sentence steps of today, so every reader gets one shape.
import { z } from 'zod';
import { assignmentStepSchema, type AssignmentStep } from './assignment-steps.js';

const legacyStep = z.object({ k: z.string(), name: z.string().optional(), open: z.number().optional(), from: z.string().nullable().optional(), hours: z.number().optional(), facts: z.array(z.object({ field: z.string(), value: z.string() })).optional() });
type Legacy = z.infer<typeof legacyStep>;

function upgrade(old: Legacy[]): AssignmentStep[] {
  const out: AssignmentStep[] = [];
  let team: string | null = null;
  let how: Legacy | null = null;
  for (const s of old) {
    switch (s.k) {
      case 'rule': out.push({ kind: 'ruleMatched', params: { rule: s.name ?? '', matched: null } }); break;
      case 'team': team = s.name ?? null; break;
      case 'roundRobin': case 'leastLoaded': case 'namedUser': how = s; break;
      case 'rep': {
        const name = s.name ?? '';
        if (how?.k === 'leastLoaded') out.push({ kind: 'leastLoaded', params: { team, name, open: how.open ?? 0 } });
        else if (how?.k === 'namedUser') out.push({ kind: 'namedUser', params: { name } });
        else out.push({ kind: 'roundRobin', params: { team, name } });
        break;
      }
      case 'noRep': out.push({ kind: 'noRep', params: { team } }); break;
      case 'noRule': out.push({ kind: 'noRuleMatched', params: { facts: s.facts ?? [] } }); break;
      case 'reassigned': case 'untouched': out.push({ kind: 'untouched', params: { from: s.from ?? null, hours: s.hours ?? 0, reassigned: s.k === 'reassigned' } }); break;
      case 'keptByHand': out.push({ kind: 'keptByHand', params: {} }); break;
      case 'setByImport': out.push({ kind: 'setByImport', params: {} }); break;
      case 'keptExisting': out.push({ kind: 'keptExisting', params: { name: s.name ?? '' } }); break;
    }
  }
  return out;
}

/** Stored steps JSON → steps; null when absent or unreadable (the English explanation is then all there is). */
export function readStoredSteps(json: string | null): AssignmentStep[] | null {
  if (!json) return null;
  let raw: unknown;
  try { raw = JSON.parse(json); } catch { return null; }
  const current = z.array(assignmentStepSchema).safeParse(raw);
  if (current.success) return current.data;
  const legacy = z.array(legacyStep).safeParse(raw);
  return legacy.success ? upgrade(legacy.data) : null;
}
