// The dashboard's charts: backlog per day, CSAT/NPS trend, open tickets by status, priority and team, channel mix.
import { BarChart, LineChart } from '@mantine/charts';
import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceDashboard } from '../api/get-service-dashboard';

// Recharts sorts legend items by name unless told not to; the legend must read in the order the series stand.
const LEGEND_IN_SERIES_ORDER = { itemSorter: null };

function Panel({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" data-testid={`chart-${id}`}>
      <Title order={5} mb="sm">{title}</Title>
      {children}
    </Paper>
  );
}

export function ServiceCharts({ d }: { d: ServiceDashboard }) {
  const { t } = useTranslation();
  const label = (group: string, key: string) => t(`serviceDashboard.${group}.${key}`, { defaultValue: key });
  const empty = <Text size="sm" c="dimmed">{t('serviceDashboard.nothing')}</Text>;
  const noneOpen = <Text size="sm" c="dimmed">{t('serviceDashboard.noneOpen')}</Text>;
  const backlog = d.backlog.map((b) => ({ ...b, date: b.date.slice(5) }));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} mb="md">
      <Panel id="backlog" title={t('serviceDashboard.backlog')}>
        <LineChart
          h={240}
          data={backlog}
          dataKey="date"
          withLegend
          legendProps={LEGEND_IN_SERIES_ORDER}
          series={[
            { name: 'open', label: t('serviceDashboard.series.open'), color: 'blue.6' },
            { name: 'created', label: t('serviceDashboard.series.created'), color: 'orange.6' },
            { name: 'solved', label: t('serviceDashboard.series.solved'), color: 'teal.6' },
          ]}
        />
      </Panel>
      <Panel id="satisfaction" title={t('serviceDashboard.satisfactionTrend')}>
        {d.satisfaction.trend.length === 0 ? (
          empty
        ) : (
          <LineChart
            h={240}
            data={d.satisfaction.trend}
            dataKey="period"
            withLegend
            legendProps={LEGEND_IN_SERIES_ORDER}
            withRightYAxis
            connectNulls
            series={[
              { name: 'csatAverage', label: t('serviceDashboard.csat'), color: 'teal.6' },
              { name: 'nps', label: t('serviceDashboard.nps'), color: 'grape.6', yAxisId: 'right' },
            ]}
          />
        )}
      </Panel>
      <Panel id="status" title={t('serviceDashboard.byStatus')}>
        {d.open.total === 0 ? noneOpen : <BarChart h={220} data={d.open.byStatus.map((x) => ({ name: label('status', x.status), count: x.count }))} dataKey="name" series={[{ name: 'count', label: t('serviceDashboard.series.tickets'), color: 'blue.6' }]} />}
      </Panel>
      <Panel id="priority" title={t('serviceDashboard.byPriority')}>
        {d.open.total === 0 ? noneOpen : <BarChart h={220} data={d.open.byPriority.map((x) => ({ name: label('priority', x.priority), count: x.count }))} dataKey="name" series={[{ name: 'count', label: t('serviceDashboard.series.tickets'), color: 'orange.6' }]} />}
      </Panel>
      <Panel id="team" title={t('serviceDashboard.byTeam')}>
        {d.open.total === 0 ? noneOpen : <BarChart h={220} data={d.open.byTeam.map((x) => ({ name: x.teamName ?? t('serviceDashboard.noTeam'), count: x.count }))} dataKey="name" series={[{ name: 'count', label: t('serviceDashboard.series.tickets'), color: 'indigo.6' }]} />}
      </Panel>
      <Panel id="channels" title={t('serviceDashboard.channelMix')}>
        {d.channels.length === 0 ? empty : <BarChart h={220} data={d.channels.map((c) => ({ name: label('channel', c.channel), count: c.count }))} dataKey="name" series={[{ name: 'count', label: t('serviceDashboard.series.tickets'), color: 'teal.6' }]} />}
      </Panel>
    </SimpleGrid>
  );
}
