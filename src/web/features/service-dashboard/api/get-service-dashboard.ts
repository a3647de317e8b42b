// The service dashboard's data (see README "Service dashboard").
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

interface Durations {
  count: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}
interface Attainment {
  met: number;
  breached: number;
  running: number;
  attainmentPct: number | null;
}

export interface ServiceDashboard {
  range: { from: string; to: string };
  scope: 'all' | 'team' | 'own';
  open: {
    total: number;
    byStatus: { status: string; count: number }[];
    byPriority: { priority: string; count: number }[];
    byTeam: { teamId: string | null; teamName: string | null; count: number }[];
  };
  sla: { firstResponse: Attainment; resolution: Attainment } | null;
  slaNote: string | null;
  firstResponse: Durations;
  resolution: Durations;
  backlog: { date: string; open: number; created: number; solved: number }[];
  satisfaction: {
    responses: number;
    csatAverage: number | null;
    csatSatisfiedPct: number | null;
    nps: number | null;
    npsResponses: number;
    trend: { period: string; responses: number; csatAverage: number | null; nps: number | null }[];
  };
  channels: { channel: string; count: number }[];
}

export function useServiceDashboard(params: { from: string; to: string; teamId?: string }, enabled: boolean) {
  return useQuery({
    queryKey: ['service-dashboard', params],
    queryFn: ({ signal }) => api.get<ServiceDashboard>('/service/dashboard', params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}
