// Rows of a webhook's delivery log: a table on wide screens, cards on phones.
import { Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatRelative } from '../../../lib/format';
import type { Delivery } from '../api/webhooks';

const COLORS: Record<Delivery['status'], string> = { pending: 'yellow', delivered: 'green', failed: 'red' };

interface Props {
  rows: Delivery[];
  retrying: string | null;
  onRetry: (id: string) => void;
}

export function DeliveryTable({ rows, retrying, onRetry }: Props) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 48em)');
  const dash = t('common.empty');
  const status = (d: Delivery) => <Badge color={COLORS[d.status]} variant="light">{t(`integrations.log.statuses.${d.status}`)}</Badge>;
  const next = (d: Delivery) => (d.status === 'pending' ? formatRelative(d.nextAttemptAt) : dash);
  const retry = (d: Delivery) =>
    d.status !== 'delivered' && (
      <Button size="xs" variant="subtle" loading={retrying === d.id} onClick={() => onRetry(d.id)}>
        {t('integrations.log.retry')}
      </Button>
    );

  if (narrow) {
    return (
      <Stack gap="xs" data-testid="deliveries-table">
        {rows.map((d) => (
          <Card key={d.id} withBorder padding="sm" data-testid="delivery-row" data-status={d.status}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>{d.eventType}</Text>
              {status(d)}
            </Group>
            <Text size="xs" c="dimmed">{formatDateTime(d.createdAt)}</Text>
            <Text size="xs">
              {t('integrations.log.attempts')}: {d.attempts} · {t('integrations.log.httpCode')}: {d.lastStatusCode ?? dash}
              {d.status === 'pending' && ` · ${t('integrations.log.nextRetry')}: ${next(d)}`}
            </Text>
            {d.lastError && <Text size="xs" c="red" style={{ wordBreak: 'break-word' }}>{d.lastError}</Text>}
            {retry(d) && <Group justify="flex-end">{retry(d)}</Group>}
          </Card>
        ))}
      </Stack>
    );
  }
  return (
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
              <Table.Td>{status(d)}</Table.Td>
              <Table.Td><Text size="sm">{d.attempts}</Text></Table.Td>
              <Table.Td><Text size="sm">{d.lastStatusCode ?? dash}</Text></Table.Td>
              <Table.Td maw={240}><Text size="sm" c={d.lastError ? 'red' : undefined} style={{ wordBreak: 'break-word' }}>{d.lastError ?? dash}</Text></Table.Td>
              <Table.Td><Text size="sm" title={formatDateTime(d.nextAttemptAt)}>{next(d)}</Text></Table.Td>
              <Table.Td>{retry(d)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
