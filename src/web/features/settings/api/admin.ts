// Administration endpoints: users, teams, role visibility, custom fields and app settings.
import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { AppSettings, CustomField, CustomFieldObject, CustomFieldType, Role, RoleVisibility, Team, User, Visibility } from '../../../types/api';

function useInvalidating<I, O>(keys: QueryKey[], fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      for (const queryKey of keys) void qc.invalidateQueries({ queryKey });
    },
  });
}

export interface NewUserInput {
  email: string;
  name: string;
  password: string;
  role: Role;
  teamId: string | null;
}

export const useCreateUser = () => useInvalidating([['users']], (input: NewUserInput) => api.post<User>('/users', input));
export const useUpdateUser = () =>
  useInvalidating([['users'], ['auth', 'me']], ({ id, ...patch }: { id: string; name?: string; role?: Role; teamId?: string | null; active?: boolean }) =>
    api.patch<User>(`/users/${id}`, patch),
  );

/** Clears the failed-login limits counted against a user (someone else's guesses may have locked them out). */
export const useUnlockUser = () => useInvalidating([], (id: string) => api.post<{ cleared: number }>(`/users/${id}/unlock`, {}));

export const useCreateTeam = () => useInvalidating([['teams']], (input: { name: string; managerId?: string | null }) => api.post<Team>('/teams', input));
export const useUpdateTeam = () =>
  useInvalidating([['teams']], ({ id, ...patch }: { id: string; name?: string; managerId?: string | null }) => api.patch<Team>(`/teams/${id}`, patch));
export const useDeleteTeam = () => useInvalidating([['teams'], ['users']], (id: string) => api.delete(`/teams/${id}`));

export function useRoles() {
  return useQuery({ queryKey: ['roles'], queryFn: () => api.get<{ data: RoleVisibility[] }>('/roles').then((r) => r.data) });
}
export const useSetRoleVisibility = () =>
  useInvalidating([['roles']], ({ role, visibility }: { role: Role; visibility: Visibility }) => api.put<RoleVisibility>(`/roles/${role}`, { visibility }));

export interface NewCustomFieldInput {
  object: CustomFieldObject;
  key: string;
  label: string;
  type: CustomFieldType;
  options: string[];
}
export const useCreateCustomField = () => useInvalidating([['custom-fields']], (input: NewCustomFieldInput) => api.post<CustomField>('/custom-fields', input));
export const useUpdateCustomField = () =>
  useInvalidating([['custom-fields']], ({ id, ...patch }: { id: string; label?: string; options?: string[] }) => api.patch<CustomField>(`/custom-fields/${id}`, patch));
export const useDeleteCustomField = () => useInvalidating([['custom-fields']], (id: string) => api.delete(`/custom-fields/${id}`));

export const useUpdateSettings = () => useInvalidating([['settings']], (patch: Partial<AppSettings>) => api.patch<AppSettings>('/settings', patch));
