// Won/lost reasons admins manage: the list the close-reason modal offers, and the admin's add / rename / remove.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface CloseReason {
  id: string;
  kind: 'won' | 'lost';
  label: string;
  position: number;
}

const KEY = ['deal-close-reasons'] as const;

export function useCloseReasons(kind?: 'won' | 'lost', enabled = true) {
  return useQuery({
    queryKey: [...KEY, kind ?? 'all'],
    enabled,
    queryFn: ({ signal }) => api.get<{ data: CloseReason[] }>('/deal-close-reasons', kind ? { kind } : {}, signal).then((r) => r.data),
    staleTime: 30_000,
  });
}

export function useCloseReasonMutations() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: KEY });
  return {
    add: useMutation({ mutationFn: (input: { kind: 'won' | 'lost'; label: string }) => api.post<CloseReason>('/deal-close-reasons', input), onSuccess }),
    change: useMutation({ mutationFn: ({ id, ...patch }: { id: string; label?: string; position?: number }) => api.patch<CloseReason>(`/deal-close-reasons/${id}`, patch), onSuccess }),
    remove: useMutation({ mutationFn: (id: string) => api.delete(`/deal-close-reasons/${id}`), onSuccess }),
  };
}
