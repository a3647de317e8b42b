// Queries shared by several features: custom-field definitions, users, teams, app settings, company lookup.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../lib/api-client';
import { ApiError } from '../lib/api-error';
import type { AppSettings, Company, CustomField, CustomFieldObject, Page, Team, User, UserDirectoryEntry } from '../types/api';

export function useCustomFields(object: CustomFieldObject) {
  return useQuery({
    queryKey: ['custom-fields', object],
    queryFn: () => api.get<{ data: CustomField[] }>('/custom-fields', { object }).then((r) => r.data),
    staleTime: 60_000,
  });
}

/** All users with email and role (admin only on the server, for Settings); non-admins get an empty list instead of an error. */
export function useUsers(enabled = true) {
  return useQuery({
    queryKey: ['users'],
    enabled,
    queryFn: async () => {
      try {
        const r = await api.get<{ data: User[] } | User[]>('/users');
        return Array.isArray(r) ? r : r.data;
      } catch (err) {
        if (err instanceof ApiError && err.status === 403) return [] as User[];
        throw err;
      }
    },
    staleTime: 30_000,
  });
}

/** Colleagues for owner and assignee pickers (any user): id, name, team, active. */
export function useUserDirectory(enabled = true) {
  return useQuery({
    queryKey: ['users', 'directory'],
    enabled,
    queryFn: () => api.get<{ data: UserDirectoryEntry[] }>('/users/directory').then((r) => r.data),
    staleTime: 30_000,
  });
}

export function useTeams() {
  return useQuery({
    queryKey: ['teams'],
    queryFn: () => api.get<{ data: Team[] }>('/teams').then((r) => r.data),
    staleTime: 30_000,
  });
}

export function useAppSettings() {
  return useQuery({
    queryKey: ['settings'],
    queryFn: () => api.get<AppSettings>('/settings'),
    staleTime: 60_000,
  });
}

/** Company choices for a picker, searched on the server (never loads the whole table). */
export function useCompanyOptions(q: string) {
  return useQuery({
    queryKey: ['companies', 'options', q],
    queryFn: () => api.get<Page<Company>>('/companies', { q, limit: 20, sort: 'name' }).then((r) => r.data),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
