// The delivery log of one webhook: every event sent, its status, attempts, last HTTP answer or error, next retry.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { LoadMore } from '../../../components/load-more';
import { useDeliveries, useRetryDelivery, type Webhook } from '../api/webhooks';
import { DeliveryTable } from './delivery-table';

export function DeliveryLog({ webhook, onClose }: { webhook: Webhook | null; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const log = useDeliveries(webhook?.id ?? null);
  const retry = useRetryDelivery();
  const rows = log.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <Modal opened={Boolean(webhook)} onClose={onClose} size="80rem" fullScreen={phone} title={t('integrations.log.title')}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all', minWidth: 0, flex: '1 1 200px' }}>{webhook?.url}</Text>
          <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} loading={log.isRefetching} onClick={() => void log.refetch()} data-testid="refresh-deliveries">
            {t('common.reload')}
          </Button>
        </Group>
        {retry.error && <ErrorAlert error={retry.error} />}
        {log.isPending ? (
          <ListSkeleton rows={4} />
        ) : log.error ? (
          <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState title={t('integrations.log.empty')} description={t('integrations.log.emptyHint')} />
        ) : (
          <>
            <DeliveryTable rows={rows} retrying={retry.isPending ? (retry.variables ?? null) : null} onRetry={(id) => retry.mutate(id)} />
            <LoadMore shown={rows.length} hasMore={Boolean(log.hasNextPage)} loading={log.isFetchingNextPage} onLoadMore={() => void log.fetchNextPage()} />
          </>
        )}
      </Stack>
    </Modal>
  );
}
