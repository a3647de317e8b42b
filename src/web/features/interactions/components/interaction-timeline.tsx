// Timeline of everything that happened with a contact or company, newest first, paged from the server.
import { Group, Paper, Text, Timeline, Tooltip } from '@mantine/core';
import { IconTimeline } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { LoadMore } from '../../../components/load-more';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { useInteractions, type TimelineTarget } from '../api/interactions';
import { InteractionDetails } from './interaction-details';
import { InteractionIcon } from './interaction-icon';
import { InteractionMenu } from './interaction-menu';

export function InteractionTimeline({ target }: { target: TimelineTarget }) {
  const { t } = useTranslation();
  const list = useInteractions(target);
  const items = list.data?.pages.flatMap((p) => p.data) ?? [];

  if (list.isPending) return <ListSkeleton rows={4} />;
  if (list.error && items.length === 0) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (items.length === 0) return <EmptyState icon={<IconTimeline size={28} />} title={t('interactions.empty')} description={t('interactions.emptyHint')} />;

  return (
    <>
      <Timeline bulletSize={28} lineWidth={2} data-testid="timeline">
        {items.map((item) => (
          <Timeline.Item
            key={item.id}
            bullet={<InteractionIcon interaction={item} size={28} />}
            data-testid="timeline-item"
            data-type={item.type}
            title={
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text fw={600} size="sm" style={{ wordBreak: 'break-word' }}>
                  {item.subject || t(`interactions.types.${item.type}`)}
                </Text>
                <InteractionMenu item={item} />
              </Group>
            }
          >
            <InteractionDetails item={item} />
            {item.body && (
              <Paper bg="var(--mantine-color-gray-0)" p="xs" mt={4} radius="sm">
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{item.body}</Text>
              </Paper>
            )}
            <Tooltip label={formatDateTime(item.occurredAt)}>
              <Text size="xs" c="dimmed" mt={4} span>
                {t(`interactions.types.${item.type}`)} · {formatRelative(item.occurredAt)}
                {item.createdByName ? ` · ${item.createdByName}` : ''}
              </Text>
            </Tooltip>
          </Timeline.Item>
        ))}
      </Timeline>
      <LoadMore shown={items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
    </>
  );
}
