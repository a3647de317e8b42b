// API keys (admin): list, create (the token is in the answer only), revoke.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The modules a key can be scoped to, each with read and write (as in the server's core/auth/route-access.ts). */
export const API_KEY_MODULES = ['customers', 'interactions', 'data', 'sales', 'service'] as const;
/** Scopes no module scope implies: a person's whole data, erasure, merges, backups. */
export const API_KEY_SPECIAL_SCOPES = ['privacy:export', 'privacy:erase', 'records:merge', 'admin:backups'] as const;

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function useApiKeys() {
  return useQuery({
    queryKey: ['api-keys'],
    queryFn: ({ signal }) => api.get<{ data: ApiKey[] }>('/api-keys', undefined, signal).then((r) => r.data),
  });
}

export function useCreateApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; scopes: string[] }) => api.post<ApiKey & { key: string }>('/api-keys', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['api-keys'] }),
  });
}

export function useRevokeApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<ApiKey>(`/api-keys/${encodeURIComponent(id)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['api-keys'] }),
  });
}
