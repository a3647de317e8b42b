// Says a ticket's SLA timeline line (ticket_events kind 'sla') as a sentence in the reader's language.
import type { TFunction } from 'i18next';
import { explainRouting, readRoutingSteps } from './routing-steps.js';

/** `formatAt` shows an instant (the page passes formatDateTime; kept as a parameter so this file needs no browser). */
export function slaEventSentence(d: Record<string, unknown>, t: TFunction, formatAt: (iso: string) => string = (iso) => iso): string {
  const target = t(`sla.targets.${String(d.target)}`, { defaultValue: String(d.target ?? '') });
  const at = (v: unknown) => (typeof v === 'string' ? formatAt(v) : '');
  switch (d.event) {
    case 'started': {
      const dues = [d.firstResponseDueAt ? t('slaEvents.dueFirst', { at: at(d.firstResponseDueAt) }) : null, d.resolutionDueAt ? t('slaEvents.dueResolution', { at: at(d.resolutionDueAt) }) : null].filter(Boolean);
      return t('slaEvents.started', { policy: d.policy, dues: dues.join(t('slaEvents.listSeparator')) });
    }
    case 'warning': return t('slaEvents.warning', { target, at: at(d.dueAt) });
    case 'breach': return t('slaEvents.breach', { target, at: at(d.dueAt) });
    case 'met': return t('slaEvents.met', { target });
    case 'metLate': return t('slaEvents.metLate', { target });
    case 'paused': return t('slaEvents.paused');
    case 'resumed': return t('slaEvents.resumed');
    case 'policy': return t('slaEvents.policy', { from: d.from, to: d.to });
    case 'escalated': {
      const steps = readRoutingSteps(d.steps);
      return t('slaEvents.escalated', { why: steps ? explainRouting(steps, t) : String(d.explanation ?? '') });
    }
    default: return t('slaEvents.other');
  }
}
