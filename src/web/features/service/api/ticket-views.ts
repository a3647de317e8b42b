// Saved views of the ticket list (the shared saved_views store with object "ticket").
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface TicketView { id: string; name: string; mine: boolean; state: { filters: Record<string, string>; sort: string | null; columns: string[] | null } }

export function useTicketViews() {
  return useQuery({ queryKey: ['saved-views', 'ticket'], queryFn: () => api.get<{ data: TicketView[] }>('/saved-views', { object: 'ticket' }).then((r) => r.data) });
}

export function useSaveTicketView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { name: string; filters: Record<string, string>; sort: string; columns: string[] }) => api.post<TicketView>('/saved-views', { object: 'ticket', name: v.name, shared: false, state: { filters: v.filters, sort: v.sort, columns: v.columns } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['saved-views', 'ticket'] }),
  });
}

export function useDeleteTicketView() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.delete(`/saved-views/${id}`), onSuccess: () => qc.invalidateQueries({ queryKey: ['saved-views', 'ticket'] }) });
}
