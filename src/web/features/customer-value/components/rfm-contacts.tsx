// The contacts of the picked RFM cell or segment, highest spend first, each linking to the contact.
import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { formatDate } from '../../../lib/format';
import { useRfmContacts } from '../api/get-rfm';
import { segmentColor } from './rfm-grid';

export function RfmContacts({ filter }: { filter: { r?: number; f?: number; segment?: string } }) {
  const { t } = useTranslation();
  const q = useRfmContacts(filter);
  if (q.isPending) return <ListSkeleton rows={4} />;
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data.data.length) return <Text size="sm" c="dimmed" data-testid="rfm-contacts-empty">{t('customerValue.noContacts')}</Text>;
  return (
    <Stack gap="xs" data-testid="rfm-contacts">
      {q.data.data.map((c) => (
        <Card key={c.id} withBorder padding="xs">
          <Group justify="space-between" wrap="wrap" gap={4}>
            <Anchor component={Link} to={`/contacts/${c.id}`} fw={500} size="sm">{c.displayName}</Anchor>
            <Badge color={segmentColor[c.segment]} variant="light">{t(`customerValue.segments.${c.segment}`)}</Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {t('customerValue.contactFacts', { r: c.r, f: c.f, m: c.m, orders: c.orders, last: formatDate(c.lastOrderAt) })}
          </Text>
        </Card>
      ))}
      {q.data.data.length >= 100 && <Text size="xs" c="dimmed">{t('customerValue.firstHundred')}</Text>}
    </Stack>
  );
}
