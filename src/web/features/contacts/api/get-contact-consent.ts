// A contact's consent history (GET /contacts/:id/consent), newest first; refreshed with the contact after a change.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ConsentChannel, ConsentState, ConsentStatus } from '../../../types/api';

export interface ConsentEvent {
  id: string;
  channel: ConsentChannel;
  status: ConsentStatus;
  previousStatus: ConsentStatus | null;
  source: string;
  detail: string | null;
  actorId: string | null;
  actorName: string | null;
  at: string;
}

export function useContactConsent(id: string) {
  return useQuery({
    queryKey: ['contacts', 'consent', id],
    queryFn: ({ signal }) => api.get<{ current: Record<ConsentChannel, ConsentState>; data: ConsentEvent[] }>(`/contacts/${id}/consent`, undefined, signal),
  });
}
