// SLA settings (business calendars, SLA policies) and a ticket's live SLA timers.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface WorkingInterval { start: string; end: string }
export interface Calendar {
  id: string;
  name: string;
  timeZone: string;
  week: WorkingInterval[][];
  holidays: string[];
  isDefault: boolean;
}
export type CalendarInput = Omit<Calendar, 'id'>;

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const TIERS = ['vip', 'standard'] as const;
export interface Policy {
  id: string;
  name: string;
  position: number;
  priorities: (typeof PRIORITIES)[number][];
  tiers: (typeof TIERS)[number][];
  calendarId: string | null;
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  warnBeforeMinutes: number;
  pauseWhenPending: boolean;
  queueTeamId: string | null;
  reassignOnBreach: boolean;
  escalationTeamId: string | null;
  active: boolean;
}
export type PolicyInput = Omit<Policy, 'id' | 'position'> & { position?: number };

export interface SlaTarget {
  kind: 'firstResponse' | 'resolution';
  minutes: number;
  dueAt: string | null;
  warnedAt: string | null;
  breachedAt: string | null;
  metAt: string | null;
  state: 'running' | 'paused' | 'met' | 'breached' | 'met_late';
  remainingMinutes: number | null;
}
export interface TicketSla {
  ticketId: string;
  policy: { id: string; name: string } | null;
  tier: 'vip' | 'standard' | null;
  paused: boolean;
  working: boolean;
  now: string;
  targets: SlaTarget[];
}

const CALENDARS = ['business-calendars'];
const POLICIES = ['sla-policies'];

function useInvalidating<I, O>(key: string[], fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: key }) });
}

export const useCalendars = () => useQuery({ queryKey: CALENDARS, queryFn: () => api.get<{ data: Calendar[] }>('/business-calendars').then((r) => r.data) });
export const useSaveCalendar = () =>
  useInvalidating(CALENDARS, ({ id, ...input }: CalendarInput & { id?: string }) => (id ? api.patch<Calendar>(`/business-calendars/${id}`, input) : api.post<Calendar>('/business-calendars', input)));
export const useDeleteCalendar = () => useInvalidating(CALENDARS, (id: string) => api.delete(`/business-calendars/${id}`));

export const usePolicies = () => useQuery({ queryKey: POLICIES, queryFn: () => api.get<{ data: Policy[] }>('/sla-policies').then((r) => r.data) });
export const useSavePolicy = () =>
  useInvalidating(POLICIES, ({ id, ...input }: Partial<PolicyInput> & { id?: string }) => (id ? api.patch<Policy>(`/sla-policies/${id}`, input) : api.post<Policy>('/sla-policies', input)));
export const useDeletePolicy = () => useInvalidating(POLICIES, (id: string) => api.delete(`/sla-policies/${id}`));

/** A ticket's timers, fetched again every minute (the countdown in between runs in the browser). */
export const useTicketSla = (ticketId: string) =>
  useQuery({ queryKey: ['tickets', ticketId, 'sla'], queryFn: () => api.get<TicketSla>(`/tickets/${ticketId}/sla`), refetchInterval: 60_000 });
