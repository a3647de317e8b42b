// Contacts list: server-side paging by cursor, sorting, filters and search (never loads the whole table).
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Contact, Page } from '../../../types/api';

export interface ContactListParams {
  q?: string;
  lifecycleStage?: string;
  ownerId?: string;
  tag?: string;
  companyId?: string;
  /** Only the contacts one import created or changed. */
  importId?: string;
  /** Only the members of a marketing segment. */
  segmentId?: string;
  sort?: string;
}

export const PAGE_SIZE = 50;

export function useContactList(params: ContactListParams) {
  return useInfiniteQuery({
    queryKey: ['contacts', 'list', params],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Contact>>('/contacts', { ...params, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
