// Says the service notifications (a ticket routed to you, an SLA due soon or breached) in the reader's language from
// their params; null for any other kind, which the bell says as before.
import type { TFunction } from 'i18next';
import { formatDateTime } from './format';
import { explainRouting, readRoutingSteps } from './routing-steps';

interface Note {
  kind: string;
  title: string;
  body: string | null;
  params: Record<string, unknown> | null;
}

export function serviceNotificationText(n: Note, t: TFunction): { title: string; body: string | null } | null {
  const p = n.params;
  if (!p || p.number === undefined) return null;
  const steps = readRoutingSteps(p.routingSteps);
  const why = steps ? explainRouting(steps, t) : n.body;
  const about = { number: p.number, subject: p.subject };
  const target = t(`sla.targets.${String(p.target)}`, { defaultValue: String(p.target ?? '') });
  if (n.kind === 'ticket.routed') return { title: t(p.escalated ? 'serviceNotifications.routedEscalated' : 'serviceNotifications.routed', about), body: why };
  if (n.kind === 'sla.warning') return { title: t('serviceNotifications.warning', { ...about, target }), body: p.dueAt ? t('sla.timers.due', { at: formatDateTime(String(p.dueAt)) }) : null };
  if (n.kind === 'sla.breach') return { title: t('serviceNotifications.breach', { ...about, target }), body: why };
  return null;
}
