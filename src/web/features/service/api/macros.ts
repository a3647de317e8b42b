// Macros (canned replies): the list, rendering one for a ticket on the server, and managing them in Settings.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface MacroActions { status?: string; priority?: string; addTags?: string[] }
export interface Macro { id: string; name: string; bodyEn: string; bodyZh: string | null; actions: MacroActions }
export interface RenderedMacro { text: string; language: string; actions: MacroActions; missing: string[] }

export function useMacros() {
  return useQuery({ queryKey: ['macros'], queryFn: () => api.get<{ data: Macro[] }>('/macros').then((r) => r.data), staleTime: 30_000 });
}

export const renderMacro = (macroId: string, ticketId: string) => api.post<RenderedMacro>(`/macros/${macroId}/render?ticketId=${encodeURIComponent(ticketId)}`);

export function useSaveMacro() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Partial<Macro> & { name: string; bodyEn: string }) => (id ? api.patch<Macro>(`/macros/${id}`, body) : api.post<Macro>('/macros', body)),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['macros'] }),
  });
}

export function useDeleteMacro() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.delete(`/macros/${id}`), onSuccess: () => qc.invalidateQueries({ queryKey: ['macros'] }) });
}
