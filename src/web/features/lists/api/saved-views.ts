// Saved list views (/saved-views): filters, sort and columns under a name, personal or shared with the team.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface SavedViewState {
  filters: Record<string, string>;
  sort: string | null;
  columns: string[] | null;
}

export interface SavedView {
  id: string;
  object: 'contact' | 'company';
  name: string;
  shared: boolean;
  ownerId: string;
  ownerName: string | null;
  mine: boolean;
  state: SavedViewState;
}

const key = (object: string) => ['saved-views', object];

export function useSavedViews(object: 'contact' | 'company') {
  return useQuery({ queryKey: key(object), queryFn: () => api.get<{ data: SavedView[] }>('/saved-views', { object }).then((r) => r.data), staleTime: 30_000 });
}

export function useSaveView(object: 'contact' | 'company') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; name?: string; shared?: boolean; state?: SavedViewState }) =>
      v.id ? api.patch<SavedView>(`/saved-views/${v.id}`, { name: v.name, shared: v.shared, state: v.state }) : api.post<SavedView>('/saved-views', { object, name: v.name, shared: v.shared ?? false, state: v.state }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(object) }),
  });
}

export function useDeleteView(object: 'contact' | 'company') {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.delete(`/saved-views/${id}`), onSuccess: () => qc.invalidateQueries({ queryKey: key(object) }) });
}
