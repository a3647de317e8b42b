// Service dashboard: a date range (and a team for admins), headline numbers and charts; agents see their own tickets.
import '@mantine/charts/styles.css';
import { Alert, Group, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-fields';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { PageHeader } from '../../../components/page-header';
import { useUrlParams } from '../../../hooks/use-url-params';
import { useMe } from '../../auth';
import { useServiceDashboard } from '../api/get-service-dashboard';
import { ServiceCharts } from '../components/service-charts';
import { ServiceKpis } from '../components/service-kpis';
import { TeamFilter } from '../components/team-filter';

const KEYS = ['from', 'to', 'team'] as const;

export function ServiceDashboardRoute() {
  const { t } = useTranslation();
  const [p, setP] = useUrlParams(KEYS, { from: dayjs().subtract(29, 'day').format('YYYY-MM-DD'), to: dayjs().format('YYYY-MM-DD') });
  const me = useMe().data;
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(p.from) && /^\d{4}-\d{2}-\d{2}$/.test(p.to) && p.from <= p.to && dayjs(p.to).diff(dayjs(p.from), 'day') <= 366;
  const q = useServiceDashboard({ from: p.from, to: p.to, teamId: p.team || undefined }, valid);
  return (
    <>
      <PageHeader title={t('nav.serviceDashboard')} />
      <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
        <DateField label={t('serviceDashboard.from')} value={p.from} onChange={(v) => setP({ from: v })} w={{ base: '47%', xs: 170 }} data-testid="dashboard-from" />
        <DateField label={t('serviceDashboard.to')} value={p.to} onChange={(v) => setP({ to: v })} w={{ base: '47%', xs: 170 }} error={!valid ? t('serviceDashboard.badRange') : undefined} data-testid="dashboard-to" />
        {me?.role === 'admin' && <TeamFilter value={p.team} onChange={(v) => setP({ team: v })} />}
      </Group>
      {q.data && q.data.scope !== 'all' && (
        <Text size="sm" c="dimmed" mb="sm" data-testid="dashboard-scope">{t(`serviceDashboard.scope.${q.data.scope}`)}</Text>
      )}
      {!valid ? null : q.isPending ? (
        <ListSkeleton rows={6} />
      ) : q.error ? (
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <div style={{ opacity: q.isPlaceholderData ? 0.6 : 1 }} data-testid="service-dashboard">
          <ServiceKpis d={q.data} />
          {!q.data.sla && <Alert color="gray" mb="md" data-testid="sla-note">{t('serviceDashboard.noSlaNote')}</Alert>}
          <ServiceCharts d={q.data} />
        </div>
      )}
    </>
  );
}
