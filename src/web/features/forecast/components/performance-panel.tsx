// Performance per rep or team: a table of activity and results, and the stage-to-stage funnel drawn as bars.
import { BarChart } from '@mantine/charts';
import { Box, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { RecordCards } from '../../../components/record-cards';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { formatMoney } from '../../../lib/format';
import type { Performance } from '../api/get-forecast';
import { displayName } from '../../../lib/default-names';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);

export function PerformancePanel({ data }: { data: Performance }) {
  const { t } = useTranslation();
  // The table spans two of three columns only where there are three; in one column a span of 2 would widen the grid.
  const wide = useMediaQuery('(min-width: 75em)') ?? false;
  if (data.rows.length === 0) return <EmptyState title={t('forecast.noPerformance')} />;
  // The funnel sums each stage's entries over all rows (first stage, then every stage a deal advanced into).
  const funnel = new Map<string, number>();
  for (const r of data.rows) {
    r.conversions.forEach((c, i) => {
      if (i === 0) funnel.set(c.fromStage, (funnel.get(c.fromStage) ?? 0) + c.entered);
      funnel.set(c.toStage, (funnel.get(c.toStage) ?? 0) + c.advanced);
    });
  }
  const funnelData = [...funnel].map(([stage, deals]) => ({ stage: displayName(stage, t), deals }));
  return (
    <SimpleGrid cols={{ base: 1, lg: 3 }}>
      <Paper withBorder p="sm" style={wide ? { gridColumn: 'span 2' } : undefined} miw={0}>
        <RecordCards
          testId="performance-cards"
          cards={data.rows.map((r) => ({
            key: r.key,
            title: <Text size="sm" fw={500}>{r.name}</Text>,
            aside: <Text size="sm" fw={500}>{formatMoney(r.revenue, data.currency)}</Text>,
            fields: [
              { label: t('forecast.perf.activities'), value: r.activities },
              { label: t('forecast.perf.leadsContacted'), value: r.leadsContacted },
              { label: t('forecast.perf.dealsCreated'), value: r.dealsCreated },
              { label: t('forecast.perf.wonLost'), value: `${r.won} / ${r.lost}` },
              { label: t('forecast.perf.winRate'), value: pct(r.winRate) },
              { label: t('forecast.perf.averageDealSize'), value: r.averageDealSize === null ? '—' : formatMoney(r.averageDealSize, data.currency) },
              { label: t('forecast.perf.cycle'), value: r.salesCycleDays === null ? '—' : t('deals.days', { count: Math.round(r.salesCycleDays) }) },
            ],
          }))}
        />
        <Box visibleFrom="sm">
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover data-testid="performance-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('forecast.who')}</Table.Th>
                <Table.Th ta="right">{t('forecast.perf.activities')}</Table.Th>
                <Table.Th ta="right">{t('forecast.perf.leadsContacted')}</Table.Th>
                <Table.Th ta="right">{t('forecast.perf.dealsCreated')}</Table.Th>
                <Table.Th ta="right">{t('forecast.perf.wonLost')}</Table.Th>
                <Table.Th ta="right">{t('forecast.perf.winRate')}</Table.Th>
                <Table.Th ta="right">{t('forecast.perf.averageDealSize')}</Table.Th>
                <Table.Th ta="right">{t('forecast.perf.cycle')}</Table.Th>
                <Table.Th ta="right">{t('forecast.perf.revenue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Td><Text size="sm" fw={500}>{r.name}</Text></Table.Td>
                  <Table.Td ta="right">{r.activities}</Table.Td>
                  <Table.Td ta="right">{r.leadsContacted}</Table.Td>
                  <Table.Td ta="right">{r.dealsCreated}</Table.Td>
                  <Table.Td ta="right">{r.won} / {r.lost}</Table.Td>
                  <Table.Td ta="right">{pct(r.winRate)}</Table.Td>
                  <Table.Td ta="right">{r.averageDealSize === null ? '—' : formatMoney(r.averageDealSize, data.currency)}</Table.Td>
                  <Table.Td ta="right">{r.salesCycleDays === null ? '—' : t('deals.days', { count: Math.round(r.salesCycleDays) })}</Table.Td>
                  <Table.Td ta="right">{formatMoney(r.revenue, data.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        </Box>
      </Paper>
      <Paper withBorder p="sm">
        <Title order={5} mb="sm">{t('forecast.funnel')}</Title>
        {funnelData.length === 0 ? (
          <Text size="sm" c="dimmed">{t('forecast.noFunnel')}</Text>
        ) : (
          <BarChart h={260} data={funnelData} dataKey="stage" orientation="vertical" yAxisProps={{ width: 110 }} series={[{ name: 'deals', label: t('forecast.funnelDeals'), color: 'blue.6' }]} />
        )}
      </Paper>
    </SimpleGrid>
  );
}
