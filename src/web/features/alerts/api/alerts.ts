// Alerts: the list (active or by status, mine or all I may see), acceptance rates per rule, and accept / snooze / dismiss.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const alertRules = ['churnJump', 'negativeSentiment', 'dealStalled', 'vipTicketSla'] as const;

export interface Alert {
  id: string;
  rule: (typeof alertRules)[number];
  entity: 'contact' | 'deal' | 'ticket';
  entityId: string;
  title: string;
  facts: Record<string, unknown>;
  action: 'call' | 'offer' | 'escalate' | 'recommend';
  productName: string | null;
  status: 'open' | 'snoozed' | 'accepted' | 'dismissed';
  snoozedUntil: string | null;
  taskId: string | null;
  createdAt: string;
}

export interface AlertStat {
  rule: Alert['rule'];
  raised: number;
  open: number;
  snoozed: number;
  accepted: number;
  dismissed: number;
  acceptanceRate: number | null;
}

export const useAlerts = (status: string, mine: boolean) =>
  useQuery({ queryKey: ['alerts', status, mine], queryFn: ({ signal }) => api.get<{ data: Alert[] }>('/alerts', { status, mine: String(mine), limit: 100 }, signal) });

export const useAlertStats = () => useQuery({ queryKey: ['alert-stats'], queryFn: ({ signal }) => api.get<{ data: AlertStat[] }>('/alerts/stats', undefined, signal) });

export type Decision = { kind: 'accept' } | { kind: 'dismiss' } | { kind: 'snooze'; until: string };

export function useDecideAlert() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, d }: { id: string; d: Decision }) => api.post<Alert>(`/alerts/${id}/${d.kind}`, d.kind === 'snooze' ? { until: d.until } : d.kind === 'accept' ? { createTask: true } : {}),
    onSuccess: () => {
      for (const key of ['alerts', 'alert-stats', 'today', 'tasks']) void qc.invalidateQueries({ queryKey: [key] });
    },
  });
}
