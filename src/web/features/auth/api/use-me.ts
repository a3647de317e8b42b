// The logged-in user (null when not logged in) and whether first-run setup is needed.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { ApiError } from '../../../lib/api-error';
import type { User } from '../../../types/api';

export const ME_KEY = ['auth', 'me'] as const;
export const SETUP_KEY = ['auth', 'setup'] as const;

export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<User | null> => {
      try {
        return (await api.get<{ user: User }>('/auth/me')).user;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useSetupStatus() {
  return useQuery({
    queryKey: SETUP_KEY,
    queryFn: () => api.get<{ needsSetup: boolean }>('/setup'),
    staleTime: Infinity,
    retry: 1,
  });
}
