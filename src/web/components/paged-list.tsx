// The framed body of a paged list page: a skeleton until the first page, the error with a retry when nothing could be
// loaded, the empty state, else the rows followed by a later page's error and "Load more". Dimmed while a new
// search or filter loads over the previous results.
import type { ReactNode } from 'react';
import { Paper, type MantineSpacing } from '@mantine/core';
import { ErrorAlert } from './error-alert';
import { ListSkeleton } from './list-skeleton';
import { LoadMore } from './load-more';

/** What PagedList reads of a TanStack infinite query. */
export interface PagedQuery {
  isPending: boolean;
  isPlaceholderData: boolean;
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  refetch: () => Promise<unknown>;
  fetchNextPage: () => Promise<unknown>;
}

interface Props {
  query: PagedQuery;
  /** How many rows are loaded so far. */
  shown: number;
  empty: ReactNode;
  /** The rows, shown once there is at least one. */
  children: ReactNode;
  padding?: MantineSpacing;
  skeletonRows?: number;
}

export function PagedList({ query, shown, empty, children, padding = 'xs', skeletonRows }: Props) {
  return (
    <Paper withBorder p={padding} style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
      {query.isPending ? (
        <ListSkeleton rows={skeletonRows} />
      ) : query.error && shown === 0 ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : shown === 0 ? (
        empty
      ) : (
        <>
          {children}
          {query.error ? <ErrorAlert error={query.error} /> : null}
          <LoadMore shown={shown} hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onLoadMore={() => void query.fetchNextPage()} />
        </>
      )}
    </Paper>
  );
}
