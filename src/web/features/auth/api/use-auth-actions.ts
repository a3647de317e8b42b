// Login, first-run setup, logout, profile/locale update and password change.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { applyLocale } from '../../../lib/i18n';
import type { Locale, User } from '../../../types/api';
import { ME_KEY, SETUP_KEY } from './use-me';

export interface LoginInput {
  email: string;
  password: string;
}
export interface SetupInput extends LoginInput {
  name: string;
  locale: Locale;
}

function useSignedIn() {
  const qc = useQueryClient();
  return (user: User) => {
    qc.clear();
    qc.setQueryData(ME_KEY, user);
    qc.setQueryData(SETUP_KEY, { needsSetup: false });
    if (user.locale) applyLocale(user.locale);
  };
}

export function useLogin() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (input: LoginInput) => api.post<{ token: string; user: User }>('/auth/login', input),
    onSuccess: (r) => signedIn(r.user),
  });
}

export function useSetup() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (input: SetupInput) => api.post<{ token: string; user: User }>('/setup', input),
    onSuccess: (r) => signedIn(r.user),
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: () => {
      qc.clear();
      qc.setQueryData(ME_KEY, null);
    },
  });
}

export function useUpdateMe() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name?: string; locale?: Locale; timeZone?: string | null }) => api.patch<{ user: User }>('/auth/me', input),
    onSuccess: (r) => qc.setQueryData(ME_KEY, r.user),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => api.post<void>('/auth/password', input),
  });
}
