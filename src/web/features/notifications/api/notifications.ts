// My notifications (unread first, with the unread count) and marking one read.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  entity: string | null;
  entityId: string | null;
  /** By kind: lead.assigned {name, steps, handed?}, lead.reassigned {name, from, to, steps}, leads.assigned {count, fileName} (an import's leads). */
  params: { subject?: string; dueAt?: string; about?: string | null; taskId?: string; name?: string; from?: string | null; to?: string | null; handed?: boolean; steps?: unknown[]; count?: number; fileName?: string; rule?: string; number?: number } | null;
  read: boolean;
  readAt: string | null;
  createdAt: string;
}
export interface NotificationPage {
  data: Notification[];
  nextCursor: string | null;
  unread: number;
}

const KEY = ['notifications'];

export const useNotifications = () =>
  useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get<NotificationPage>('/notifications', { limit: 30 }, signal),
    refetchInterval: 60_000,
    staleTime: 15_000,
  });

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Notification>(`/notifications/${id}/read`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
}
