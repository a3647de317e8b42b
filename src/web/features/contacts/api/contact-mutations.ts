// Create, update and delete a contact; caches of lists and the 360° view are refreshed afterwards.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ConsentChannel, ConsentStatus, Contact, CustomFieldValues, LifecycleStage } from '../../../types/api';

export interface ContactInput {
  displayName?: string | null;
  givenName?: string | null;
  familyName?: string | null;
  title?: string | null;
  companyId?: string | null;
  emails?: string[];
  phones?: string[];
  birthday?: string | null;
  source?: string | null;
  lifecycleStage?: LifecycleStage;
  ownerId?: string | null;
  tags?: string[];
  /** Only the channels that change: each change is a row of the contact's consent history. */
  consent?: Partial<Record<ConsentChannel, ConsentStatus>>;
  customFields?: CustomFieldValues;
}

export function useCreateContact() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ContactInput) => api.post<Contact>('/contacts', input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['contacts', 'list'] });
      void qc.invalidateQueries({ queryKey: ['companies'] });
    },
  });
}

export function useUpdateContact(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ContactInput) => api.patch<Contact>(`/contacts/${id}`, input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['contacts'] });
      void qc.invalidateQueries({ queryKey: ['companies', 'overview'] });
    },
  });
}

export function useDeleteContact() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/contacts/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['contacts'] }),
  });
}

export interface ErasureResult {
  contactId: string;
  relatedRecordsErased: Record<string, number>;
  auditEntriesScrubbed: number;
}

/** Erasure on request (admin): the person and everything held about them; the audit log keeps only that it happened. */
export function useEraseContact() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ErasureResult>(`/contacts/${id}/erase`, { confirm: 'ERASE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['contacts'] }),
  });
}
