// Contact merge: the contacts in full (for choosing each field's value), and the merge request itself.
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Contact } from '../../../types/api';
import type { Merge } from './duplicates';

/** The fields a contact merge lets the user pick (emails, phones, tags and custom fields are always combined). */
export const contactMergeFields = ['displayName', 'title', 'companyId', 'address', 'birthday', 'source', 'lifecycleStage', 'ownerId', 'externalId'] as const;
export type ContactMergeField = (typeof contactMergeFields)[number];

/** A contact as GET /contacts/:id returns it (the shared type leaves out the external id). */
export type MergeContact = Contact & { externalId?: string | null };

export interface ContactMergeInput {
  survivorId: string;
  /** Up to 20 contacts merged into the survivor. */
  mergedIds: string[];
  fields?: Partial<Record<ContactMergeField, string>>;
  /** The updatedAt of each contact as shown: a contact changed since makes the server answer 409. */
  expectedUpdatedAt?: Record<string, string>;
}

/** The contacts, fresh each time the dialog opens; not refetched once it closes (the merged ones are gone). */
export function useContactsToMerge(ids: string[], open: boolean) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: ['contacts', 'merge-candidate', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<MergeContact>(`/contacts/${id}`, undefined, signal),
      enabled: open,
      staleTime: 0,
      gcTime: 0,
      retry: false,
    })),
  });
}

export function useMergeContacts() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: ContactMergeInput) => api.post<Merge>('/contacts/merge', b),
    onSuccess: () => {
      // Not the dialog's own contacts: the merged ones are gone, and the dialog is closing.
      const keys = ['duplicates', 'contacts', 'companies', 'deals', 'orders'];
      qc.invalidateQueries({ predicate: (q) => keys.includes(String(q.queryKey[0])) && q.queryKey[1] !== 'merge-candidate', refetchType: 'active' });
    },
  });
}
