// The contacts behind one bucket of a 7P chart (those the user may see), in a drawer; each links to the contact.
import { Anchor, Drawer, Group, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { formatMoney } from '../../../lib/format';
import { useSevenPContacts } from '../api/get-value';

export function SevenPContacts({ p, bucket, title, money, currency, onClose }: { p: string; bucket: string; title: string; money: boolean; currency: string; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const q = useSevenPContacts(p, bucket);
  return (
    <Drawer opened={Boolean(p && bucket)} onClose={onClose} position="right" size={phone ? '100%' : 'md'} title={<Text fw={600}>{title}</Text>}>
      {q.isPending ? (
        <ListSkeleton rows={4} />
      ) : q.error ? (
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.data.length === 0 ? (
        <Text size="sm" c="dimmed">{t('customerValue.noContacts')}</Text>
      ) : (
        <Stack gap={6} data-testid="seven-p-contacts">
          {q.data.data.map((c) => (
            <Group key={c.id} justify="space-between" wrap="nowrap">
              <Anchor component={Link} to={`/contacts/${c.id}`} size="sm" lineClamp={1}>{c.displayName}</Anchor>
              {money && c.value !== null && <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{formatMoney(c.value, currency)}</Text>}
            </Group>
          ))}
          {q.data.data.length >= 100 && <Text size="xs" c="dimmed">{t('sevenP.firstHundred')}</Text>}
        </Stack>
      )}
    </Drawer>
  );
}
