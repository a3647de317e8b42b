// The 7P analysis page: profiling, persistency, profitability, performance, prospecting, product and promotion, each a
// chart whose buckets open the contacts behind them.
import { Anchor, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { PageHeader } from '../../../components/page-header';
import { useUrlParams } from '../../../hooks/use-url-params';
import { useSevenP, useValueSummary } from '../api/get-value';
import { SevenPChart, useBarLabel } from '../components/seven-p-chart';
import { SevenPContacts } from '../components/seven-p-contacts';

const KEYS = ['p', 'bucket'] as const;

export function SevenPRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useUrlParams(KEYS);
  const q = useSevenP();
  const summary = useValueSummary();
  const label = useBarLabel();
  const currency = summary.data?.currency ?? 'CNY';
  const picked = q.data?.data.find((c) => c.key === params.p);
  const bar = picked?.bars.find((b) => b.key === params.bucket);
  return (
    <>
      <PageHeader title={t('sevenP.title')} actions={<Anchor component={Link} to="/customer-value" size="sm">{t('sevenP.back')}</Anchor>} />
      <Text c="dimmed" size="sm" mt={-8} mb="md">{t('sevenP.intro')}</Text>
      {q.isPending ? (
        <ListSkeleton rows={6} />
      ) : q.error ? (
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {q.data.data.map((chart) => (
            <SevenPChart key={chart.key} chart={chart} currency={currency} onPick={(bucket) => setParams({ p: chart.key, bucket })} />
          ))}
        </SimpleGrid>
      )}
      <SevenPContacts
        p={params.p}
        bucket={params.bucket}
        money={picked?.value === 'money'}
        currency={currency}
        title={picked && bar ? `${t(`sevenP.ps.${picked.key}.title`)} · ${label(picked.key, bar)}` : ''}
        onClose={() => setParams({ p: null, bucket: null })}
      />
    </>
  );
}
