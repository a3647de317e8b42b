// IM channels (admin): generic signed connectors and Telegram bots; the secret is in the create/rotate answer only.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface ImChannel {
  id: string;
  kind: 'generic' | 'telegram';
  name: string;
  teamId: string | null;
  enabled: boolean;
  config: { webhookUrl?: string | null; botTokenHint?: string; apiBaseUrl?: string };
  inboundPath: string;
  createdAt: string;
}
export type ImChannelWithSecret = ImChannel & { secret: string };
export type NewImChannel =
  | { kind: 'generic'; name: string; config: { webhookUrl?: string | null } }
  | { kind: 'telegram'; name: string; config: { botToken: string; apiBaseUrl?: string } };

const KEY = ['im-channels'];

export function useImChannels() {
  return useQuery({ queryKey: KEY, queryFn: ({ signal }) => api.get<{ data: ImChannel[] }>('/im-channels', undefined, signal).then((r) => r.data) });
}

export function useCreateImChannel() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (input: NewImChannel) => api.post<ImChannelWithSecret>('/im-channels', input), onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export function useUpdateImChannel() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: ({ id, ...patch }: { id: string; enabled?: boolean; name?: string }) => api.patch<ImChannel>(`/im-channels/${id}`, patch), onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export function useRotateImSecret() {
  return useMutation({ mutationFn: (id: string) => api.post<ImChannelWithSecret>(`/im-channels/${id}/rotate-secret`) });
}
