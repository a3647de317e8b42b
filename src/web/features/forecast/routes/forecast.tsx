// Forecast and performance dashboard: month range, month/quarter, pipeline; charts, attainment and per-rep/team results.
import '@mantine/charts/styles.css';
import { Group, SegmentedControl, Select, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { PageHeader } from '../../../components/page-header';
import { useUrlParams } from '../../../hooks/use-url-params';
import { useCanCall } from '../../auth';
import { usePipelines } from '../../deals';
import { useForecast, usePerformance } from '../api/get-forecast';
import { ForecastCharts } from '../components/forecast-charts';
import { PerformancePanel } from '../components/performance-panel';
import { QuotaAttainment } from '../components/quota-attainment';
import { displayName } from '../../../lib/default-names';
import { MonthField } from '../../../components/date-fields';

const KEYS = ['from', 'to', 'period', 'pipeline', 'groupBy'] as const;
const year = new Date().getFullYear();

export function ForecastRoute() {
  const { t } = useTranslation();
  const [p, setP] = useUrlParams(KEYS, { from: `${year}-01`, to: `${year}-12`, period: 'quarter', groupBy: 'rep' });
  const pipelines = usePipelines();
  const canSetQuotas = useCanCall('PUT /quotas');
  const valid = /^\d{4}-\d{2}$/.test(p.from) && /^\d{4}-\d{2}$/.test(p.to) && p.from <= p.to;
  const params = { from: p.from, to: p.to, period: p.period, pipelineId: p.pipeline || undefined };
  const forecast = useForecast(params);
  const performance = usePerformance({ ...params, groupBy: p.groupBy });

  return (
    <>
      <PageHeader title={t('nav.forecast')} />
      <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
        <MonthField label={t('forecast.from')} value={p.from} onChange={(v) => setP({ from: v })} w={{ base: '47%', xs: 170 }} data-testid="forecast-from" />
        <MonthField label={t('forecast.to')} value={p.to} onChange={(v) => setP({ to: v })} w={{ base: '47%', xs: 170 }} error={!valid ? t('forecast.badRange') : undefined} data-testid="forecast-to" />
        <Select
          label={t('deals.pipeline')}
          placeholder={t('forecast.allPipelines')}
          clearable
          data={(pipelines.data ?? []).map((x) => ({ value: x.id, label: displayName(x.name, t) }))}
          value={p.pipeline || null}
          onChange={(v) => setP({ pipeline: v })}
          w={{ base: '100%', xs: 220 }}
        />
        <SegmentedControl
          value={p.period}
          onChange={(period) => setP({ period })}
          data={[{ value: 'month', label: t('forecast.byMonth') }, { value: 'quarter', label: t('forecast.byQuarter') }]}
        />
      </Group>
      {!valid ? null : forecast.isPending ? (
        <ListSkeleton rows={6} />
      ) : forecast.error ? (
        <ErrorAlert error={forecast.error} onRetry={() => void forecast.refetch()} />
      ) : (
        <div style={{ opacity: forecast.isPlaceholderData ? 0.6 : 1 }}>
          <ForecastCharts forecast={forecast.data} />
        </div>
      )}
      <Stack gap="sm" mt="lg">
        <Group justify="space-between" wrap="wrap">
          <Title order={3}>{t('forecast.performance')}</Title>
          <SegmentedControl
            value={p.groupBy}
            onChange={(groupBy) => setP({ groupBy })}
            data={[{ value: 'rep', label: t('forecast.byRep') }, { value: 'team', label: t('forecast.byTeam') }]}
          />
        </Group>
        {!valid ? null : performance.isPending ? (
          <ListSkeleton rows={4} />
        ) : performance.error ? (
          <ErrorAlert error={performance.error} onRetry={() => void performance.refetch()} />
        ) : (
          <>
            <PerformancePanel data={performance.data} />
            <QuotaAttainment
              performance={performance.data}
              groupBy={p.groupBy === 'team' ? 'team' : 'rep'}
              range={{ from: p.from, to: p.to }}
              canEdit={canSetQuotas}
            />
          </>
        )}
      </Stack>
    </>
  );
}
