// Tickets over the API: the list (filters, cursor, count), one ticket, its timeline, and the changes agents make.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../types/api';

export const TICKET_STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const TICKET_CHANNELS = ['email', 'chat', 'phone', 'im', 'web', 'api'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export interface Ticket {
  id: string;
  number: number;
  subject: string;
  description: string | null;
  status: TicketStatus;
  priority: TicketPriority;
  category: string | null;
  channel: string;
  language: string | null;
  contactId: string | null;
  contactName: string | null;
  companyId: string | null;
  companyName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  teamId: string | null;
  teamName: string | null;
  tags: string[];
  customFields: Record<string, string | number | boolean | null>;
  dealId: string | null;
  dealName: string | null;
  orderId: string | null;
  orderLabel: string | null;
  mergedIntoId: string | null;
  mergedIntoNumber: number | null;
  firstRespondedAt: string | null;
  solvedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TicketFilters {
  status?: string;
  priority?: string;
  assigneeId?: string;
  teamId?: string;
  channel?: string;
  tag?: string;
  contactId?: string;
  q?: string;
}

export interface TimelineItem {
  id: string;
  at: string;
  type: 'event' | 'message';
  kind: string | null;
  actorName: string | null;
  body: string | null;
  data: Record<string, any>;
  direction: 'in' | 'out' | null;
  authorKind: string | null;
  private: boolean;
  channelKind: string | null;
  /** An e-mail with an HTML part: shown sanitised by MessageBody. */
  hasHtml?: boolean;
}

const clean = (f: TicketFilters) => Object.fromEntries(Object.entries(f).filter(([, v]) => v));

export function useTickets(filters: TicketFilters, sort: string) {
  return useInfiniteQuery({
    queryKey: ['tickets', 'list', filters, sort],
    queryFn: ({ pageParam, signal }) => api.get<Page<Ticket>>('/tickets', { ...clean(filters), sort, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useTicketCount(filters: TicketFilters) {
  return useQuery({
    queryKey: ['tickets', 'count', filters],
    queryFn: ({ signal }) => api.get<{ total: number; estimated: boolean }>('/tickets/count', clean(filters), signal),
    placeholderData: keepPreviousData,
  });
}

export function useTicket(id: string) {
  return useQuery({ queryKey: ['tickets', 'one', id], queryFn: ({ signal }) => api.get<Ticket>(`/tickets/${id}`, {}, signal) });
}

export function useTicketTimeline(id: string) {
  return useInfiniteQuery({
    queryKey: ['tickets', 'timeline', id],
    queryFn: ({ pageParam, signal }) => api.get<Page<TimelineItem>>(`/tickets/${id}/timeline`, { limit: 100, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['tickets'] });
}

export function useCreateTicket() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (body: Record<string, unknown>) => api.post<Ticket>('/tickets', body), onSuccess: done });
}

export function useUpdateTicket(id: string) {
  const done = useInvalidate();
  return useMutation({ mutationFn: (patch: Record<string, unknown>) => api.patch<Ticket>(`/tickets/${id}`, patch), onSuccess: done });
}

export function useTicketWrite(id: string) {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (input: { note: boolean; body: string; macroId?: string }) =>
      input.note ? api.post(`/tickets/${id}/notes`, { body: input.body }) : api.post(`/tickets/${id}/replies`, { bodyText: input.body, macroId: input.macroId }),
    onSuccess: done,
  });
}

export function useTicketBulk() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: { selection: { ids: string[] }; action: Record<string, unknown> }) => api.post<{ mode: string; changed?: number; skipped?: number }>('/tickets/bulk', body),
    onSuccess: done,
  });
}

/** Heartbeat every 10 s while the page is open; answers the colleagues also viewing it. */
export function useTicketViewers(id: string) {
  return useQuery({
    queryKey: ['ticket-viewers', id],
    queryFn: () => api.post<{ data: { userId: string; name: string }[] }>(`/tickets/${id}/viewers`).then((r) => r.data),
    refetchInterval: 10_000,
    refetchIntervalInBackground: false,
  });
}

export interface TicketMerge { id: string; sourceId: string; targetId: string; createdAt: string; undoUntil: string; undoneAt: string | null }

export function useMergeTicket(id: string) {
  const done = useInvalidate();
  return useMutation({ mutationFn: (targetId: string) => api.post<TicketMerge>(`/tickets/${id}/merge`, { targetId }), onSuccess: done });
}

export function useUndoTicketMerge() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (mergeId: string) => api.post<TicketMerge>(`/ticket-merges/${mergeId}/undo`), onSuccess: done });
}

export const leaveTicket = (id: string) => api.delete(`/tickets/${id}/viewers`).catch(() => undefined);
