// Customer value page: the RFM grid (click a cell) and the segments (click one), with the contacts behind the pick.
import { Badge, Button, Card, Grid, Group, SimpleGrid, Text, Title, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { PageHeader } from '../../../components/page-header';
import { useUrlParams } from '../../../hooks/use-url-params';
import { formatDateTime } from '../../../lib/format';
import { useRfm } from '../api/get-rfm';
import { RfmContacts } from '../components/rfm-contacts';
import { RfmGrid, segmentColor } from '../components/rfm-grid';
import { ValuePanel } from '../components/value-panel';

const KEYS = ['r', 'f', 'segment'] as const;

export function CustomerValueRoute() {
  const { t } = useTranslation();
  const [p, setP] = useUrlParams(KEYS);
  const q = useRfm();
  const r = Number(p.r) || undefined;
  const f = Number(p.f) || undefined;
  const filter = r && f ? { r, f } : p.segment ? { segment: p.segment } : null;
  return (
    <>
      <PageHeader title={t('nav.customerValue')} actions={<Button component={Link} to="/customer-value/seven-p" variant="light" size="sm" data-testid="open-seven-p">{t('sevenP.title')}</Button>} />
      {q.isPending ? (
        <ListSkeleton rows={6} />
      ) : q.error ? (
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data.computedAt ? (
        <Text c="dimmed" data-testid="rfm-not-computed">{t('customerValue.notComputed')}</Text>
      ) : (
        <Grid>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Card withBorder mb="md">
              <Title order={4} mb={4}>{t('customerValue.gridTitle')}</Title>
              <Text size="xs" c="dimmed" mb="sm">{t('customerValue.gridHelp', { at: formatDateTime(q.data.computedAt) })}</Text>
              <RfmGrid data={q.data} selected={{ r, f }} onPick={(nr, nf) => setP({ r: String(nr), f: String(nf), segment: '' })} />
            </Card>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" data-testid="rfm-segments">
              {q.data.segments.map((s) => (
                <UnstyledButton key={s.key} onClick={() => setP({ segment: s.key, r: '', f: '' })} data-testid={`rfm-segment-${s.key}`} aria-pressed={p.segment === s.key}>
                  <Card withBorder padding="xs" style={{ borderColor: p.segment === s.key ? 'var(--mantine-color-blue-6)' : undefined }}>
                    <Badge color={segmentColor[s.key]} variant="light" size="sm">{t(`customerValue.segments.${s.key}`)}</Badge>
                    <Text fw={700} size="lg">{s.contacts}</Text>
                    {s.contacts > 0 && <Text size="xs" c="dimmed">{t('customerValue.segmentFacts', { days: s.averageRecencyDays, orders: s.averageOrders })}</Text>}
                  </Card>
                </UnstyledButton>
              ))}
            </SimpleGrid>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Group justify="space-between" mb="xs">
              <Title order={4}>{t('customerValue.contactsTitle')}</Title>
              {filter && <Badge variant="outline">{filter.segment ? t(`customerValue.segments.${filter.segment}`) : `R${r} F${f}`}</Badge>}
            </Group>
            {filter ? <RfmContacts filter={filter} /> : <Text size="sm" c="dimmed">{t('customerValue.pickCell')}</Text>}
          </Grid.Col>
        </Grid>
      )}
      <ValuePanel />
    </>
  );
}
