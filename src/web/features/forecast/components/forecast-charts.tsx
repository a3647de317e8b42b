// Forecast charts: pipeline, weighted, best case and commit per period; closed revenue against quota with attainment.
import { BarChart, LineChart } from '@mantine/charts';
import { Badge, Box, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { RecordCards } from '../../../components/record-cards';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../lib/format';
import { formatPeriod } from '../../../lib/format-period';
import type { Forecast } from '../api/get-forecast';

// Recharts sorts legend items by name unless told not to; the legend must read in the order the bars stand.
const LEGEND_IN_SERIES_ORDER = { itemSorter: null };

export function ForecastCharts({ forecast }: { forecast: Forecast }) {
  const { t, i18n } = useTranslation();
  const money = (v: number) => formatMoney(v, forecast.currency);
  const data = forecast.rows.map((r) => ({ ...r, period: formatPeriod(r.period, i18n.language), quota: r.quota ?? 0 }));
  const total = (k: 'pipeline' | 'weighted' | 'commit' | 'bestCase' | 'closed') => forecast.rows.reduce((s, r) => s + r[k], 0);
  const quota = forecast.rows.reduce((s, r) => s + (r.quota ?? 0), 0);
  const attainment = (a: number | null) =>
    a === null ? t('common.empty') : <Badge variant="light" color={a >= 1 ? 'green' : a >= 0.7 ? 'yellow' : 'red'}>{Math.round(a * 100)}%</Badge>;
  return (
    <>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} mb="md">
        {(['pipeline', 'weighted', 'bestCase', 'commit', 'closed'] as const).map((k) => (
          <Paper key={k} withBorder p="sm" data-testid={`kpi-${k}`}>
            <Text size="xs" c="dimmed">{t(`forecast.series.${k}`)}</Text>
            <Text fw={700} size="lg">{money(total(k))}</Text>
          </Paper>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} mb="md">
        <Paper withBorder p="sm">
          <Title order={5} mb="sm">{t('forecast.openPipeline')}</Title>
          <BarChart
            h={260}
            data={data}
            dataKey="period"
            valueFormatter={money}
            withLegend
            legendProps={LEGEND_IN_SERIES_ORDER}
            yAxisProps={{ width: 90 }}
            series={[
              { name: 'pipeline', label: t('forecast.series.pipeline'), color: 'gray.5' },
              { name: 'bestCase', label: t('forecast.series.bestCase'), color: 'blue.5' },
              { name: 'weighted', label: t('forecast.series.weighted'), color: 'indigo.6' },
              { name: 'historical', label: t('forecast.series.historical'), color: 'grape.5' },
              { name: 'commit', label: t('forecast.series.commit'), color: 'teal.6' },
            ]}
          />
        </Paper>
        <Paper withBorder p="sm">
          <Title order={5} mb="sm">{t('forecast.closedVsQuota')}</Title>
          <LineChart
            h={260}
            data={data}
            dataKey="period"
            valueFormatter={money}
            withLegend
            legendProps={LEGEND_IN_SERIES_ORDER}
            yAxisProps={{ width: 90 }}
            series={[
              { name: 'closed', label: t('forecast.series.closed'), color: 'green.6' },
              { name: 'quota', label: t('forecast.series.quota'), color: 'orange.6', strokeDasharray: '5 5' },
            ]}
          />
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="sm" mb="md">
        <Title order={5} mb="sm">{t('forecast.attainment')}</Title>
        <RecordCards
          testId="forecast-cards"
          cards={forecast.rows.map((r) => ({
            key: r.period,
            title: <Text size="sm" fw={500}>{formatPeriod(r.period, i18n.language)}</Text>,
            aside: attainment(r.attainment),
            fields: [
              { label: t('forecast.series.wonDeals'), value: money(r.wonDeals) },
              { label: t('forecast.series.orderRevenue'), value: money(r.orderRevenue) },
              { label: t('forecast.series.closed'), value: money(r.closed) },
              { label: t('forecast.series.quota'), value: r.quota ? money(r.quota) : t('common.empty') },
            ],
          }))}
        />
        <Box visibleFrom="sm">
        <Table.ScrollContainer minWidth={560}>
          <Table striped data-testid="forecast-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('forecast.period')}</Table.Th>
                <Table.Th ta="right">{t('forecast.series.wonDeals')}</Table.Th>
                <Table.Th ta="right">{t('forecast.series.orderRevenue')}</Table.Th>
                <Table.Th ta="right">{t('forecast.series.closed')}</Table.Th>
                <Table.Th ta="right">{t('forecast.series.quota')}</Table.Th>
                <Table.Th ta="right">{t('forecast.attainment')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {forecast.rows.map((r) => (
                <Table.Tr key={r.period}>
                  <Table.Td>{formatPeriod(r.period, i18n.language)}</Table.Td>
                  <Table.Td ta="right">{money(r.wonDeals)}</Table.Td>
                  <Table.Td ta="right">{money(r.orderRevenue)}</Table.Td>
                  <Table.Td ta="right">{money(r.closed)}</Table.Td>
                  <Table.Td ta="right">{r.quota ? money(r.quota) : t('common.empty')}</Table.Td>
                  <Table.Td ta="right">{attainment(r.attainment)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        </Box>
        {quota > 0 && <Text size="sm" mt="xs" c="dimmed">{t('forecast.totalAttainment', { pct: Math.round((total('closed') / quota) * 100) })}</Text>}
      </Paper>
    </>
  );
}
