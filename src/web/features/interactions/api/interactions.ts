// Timeline entries (notes, calls, meetings, emails, tasks): list, log, update, and my open tasks.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { browserTimeZone } from '../../../lib/time-zone';
import type { Direction, Interaction, InteractionType, Page } from '../../../types/api';

export interface InteractionInput {
  type: InteractionType;
  contactId?: string | null;
  companyId?: string | null;
  subject?: string | null;
  body?: string | null;
  occurredAt?: string | null;
  direction?: Direction | null;
  durationSeconds?: number | null;
  outcome?: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
  attendees?: string[];
  dueAt?: string | null;
  assigneeId?: string | null;
  reminderAt?: string | null;
}

export interface TimelineTarget {
  contactId?: string;
  companyId?: string;
  /** A deal's timeline (the sales routes: logged on the deal, plus its contacts' activity). */
  dealId?: string;
}

export function useInteractions(target: TimelineTarget) {
  return useInfiniteQuery({
    queryKey: ['interactions', target],
    queryFn: ({ pageParam, signal }) =>
      target.dealId
        ? api.get<Page<Interaction>>(`/deals/${target.dealId}/timeline`, { limit: 20, cursor: pageParam }, signal)
        : api.get<Page<Interaction>>('/interactions', { ...target, limit: 20, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

function useRefreshActivity() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['interactions'] });
    void qc.invalidateQueries({ queryKey: ['tasks'] });
    void qc.invalidateQueries({ queryKey: ['contacts', 'overview'] });
    void qc.invalidateQueries({ queryKey: ['companies', 'overview'] });
  };
}

export function useCreateInteraction() {
  const refresh = useRefreshActivity();
  return useMutation({
    mutationFn: ({ dealId, ...input }: InteractionInput & { dealId?: string }) => (dealId ? api.post<Interaction>(`/deals/${dealId}/activities`, input) : api.post<Interaction>('/interactions', input)),
    onSuccess: refresh,
  });
}

export function useUpdateInteraction() {
  const refresh = useRefreshActivity();
  return useMutation({
    mutationFn: ({ id, ...patch }: Partial<InteractionInput> & { id: string; done?: boolean }) => api.patch<Interaction>(`/interactions/${id}`, patch),
    onSuccess: refresh,
  });
}

export function useDeleteInteraction() {
  const refresh = useRefreshActivity();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/interactions/${id}`),
    onSuccess: refresh,
  });
}

export type TaskGroup = 'overdue' | 'today' | 'upcoming' | 'done';

/** One group of my tasks (or, for a manager, a teammate's: assignee = their id), in my time zone. */
export function useTaskGroup(group: TaskGroup, enabled = true, assignee = 'me') {
  return useInfiniteQuery({
    queryKey: ['tasks', assignee, 'group', group],
    queryFn: ({ pageParam, signal }) => api.get<Page<Interaction>>('/tasks', { assignee, group, tz: browserTimeZone(), limit: 25, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function useTaskCounts(assignee = 'me') {
  return useQuery({
    queryKey: ['tasks', assignee, 'counts'],
    queryFn: ({ signal }) => api.get<Record<TaskGroup, number>>('/tasks/counts', { assignee, tz: browserTimeZone() }, signal),
  });
}

export function useMyTasks(done: boolean) {
  return useInfiniteQuery({
    queryKey: ['tasks', 'me', done],
    queryFn: async ({ pageParam, signal }): Promise<Page<Interaction>> => {
      const r = await api.get<Page<Interaction> | Interaction[]>('/tasks', { assignee: 'me', done, limit: 50, cursor: pageParam }, signal);
      return Array.isArray(r) ? { data: r, nextCursor: null } : r;
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
