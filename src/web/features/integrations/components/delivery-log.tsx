// The delivery log of one webhook: every event sent, its status, attempts, last HTTP answer or error, next retry.
import { Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { LoadMore } from '../../../components/load-more';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { useDeliveries, useRetryDelivery, type Delivery, type Webhook } from '../api/webhooks';

const COLORS: Record<Delivery['status'], string> = { pending: 'yellow', delivered: 'green', failed: 'red' };

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
            <Table.ScrollContainer minWidth={820}>
              <Table verticalSpacing="xs" data-testid="deliveries-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('integrations.log.time')}</Table.Th>
                    <Table.Th>{t('integrations.log.event')}</Table.Th>
                    <Table.Th>{t('integrations.log.status')}</Table.Th>
                    <Table.Th>{t('integrations.log.attempts')}</Table.Th>
                    <Table.Th>{t('integrations.log.httpCode')}</Table.Th>
                    <Table.Th>{t('integrations.log.lastError')}</Table.Th>
                    <Table.Th>{t('integrations.log.nextRetry')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((d) => (
                    <Table.Tr key={d.id} data-testid="delivery-row" data-status={d.status}>
                      <Table.Td><Text size="sm">{formatDateTime(d.createdAt)}</Text></Table.Td>
                      <Table.Td><Text size="sm" ff="monospace">{d.eventType}</Text></Table.Td>
                      <Table.Td><Badge color={COLORS[d.status]} variant="light">{t(`integrations.log.statuses.${d.status}`)}</Badge></Table.Td>
                      <Table.Td><Text size="sm">{d.attempts}</Text></Table.Td>
                      <Table.Td><Text size="sm">{d.lastStatusCode ?? t('common.empty')}</Text></Table.Td>
                      <Table.Td maw={240}><Text size="sm" c={d.lastError ? 'red' : undefined} style={{ wordBreak: 'break-word' }}>{d.lastError ?? t('common.empty')}</Text></Table.Td>
                      <Table.Td>
                        <Text size="sm" title={formatDateTime(d.nextAttemptAt)}>{d.status === 'pending' ? formatRelative(d.nextAttemptAt) : t('common.empty')}</Text>
                      </Table.Td>
                      <Table.Td>
                        {d.status !== 'delivered' && (
                          <Button size="xs" variant="subtle" loading={retry.isPending && retry.variables === d.id} onClick={() => retry.mutate(d.id)}>
                            {t('integrations.log.retry')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <LoadMore shown={rows.length} hasMore={Boolean(log.hasNextPage)} loading={log.isFetchingNextPage} onLoadMore={() => void log.fetchNextPage()} />
          </>
        )}
      </Stack>
    </Modal>
  );
}
