// The dashboard's headline numbers: open tickets, first response and resolution (median / p90), SLA, CSAT and NPS.
import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ServiceDashboard } from '../api/get-service-dashboard';
import { formatMinutes } from './format-minutes';

function Kpi({ id, label, value, hint }: { id: string; label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder p="sm" data-testid={`kpi-${id}`}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={700} size="lg">{value}</Text>
      {hint && <Text size="xs" c="dimmed">{hint}</Text>}
    </Paper>
  );
}

export function ServiceKpis({ d }: { d: ServiceDashboard }) {
  const { t } = useTranslation();
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? t('common.empty') : `${v}%`);
  const p90 = (m: number | null) => t('serviceDashboard.p90', { value: formatMinutes(m, t) });
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} mb="md">
      <Kpi id="open" label={t('serviceDashboard.openTickets')} value={String(d.open.total)} />
      <Kpi id="first-response" label={t('serviceDashboard.firstResponse')} value={formatMinutes(d.firstResponse.medianMinutes, t)} hint={p90(d.firstResponse.p90Minutes)} />
      <Kpi id="resolution" label={t('serviceDashboard.resolution')} value={formatMinutes(d.resolution.medianMinutes, t)} hint={p90(d.resolution.p90Minutes)} />
      {d.sla ? (
        <Kpi id="sla" label={t('serviceDashboard.slaAttainment')} value={pct(d.sla.resolution.attainmentPct)} hint={t('serviceDashboard.slaFirstResponse', { value: pct(d.sla.firstResponse.attainmentPct) })} />
      ) : (
        <Kpi id="sla" label={t('serviceDashboard.slaAttainment')} value={t('common.empty')} hint={t('serviceDashboard.noSla')} />
      )}
      <Kpi id="csat" label={t('serviceDashboard.csat')} value={d.satisfaction.csatAverage === null ? t('common.empty') : `${d.satisfaction.csatAverage} / 5`} hint={t('serviceDashboard.satisfied', { value: pct(d.satisfaction.csatSatisfiedPct), count: d.satisfaction.responses })} />
      <Kpi id="nps" label={t('serviceDashboard.nps')} value={d.satisfaction.nps === null ? t('common.empty') : String(d.satisfaction.nps)} hint={t('serviceDashboard.responses', { count: d.satisfaction.npsResponses })} />
    </SimpleGrid>
  );
}
