// One P of the 7P analysis: a bar chart of contacts per bucket, and the buckets as buttons that open their contacts.
// A P without data says what data it needs instead of drawing empty bars.
import { BarChart } from '@mantine/charts';
import { Badge, Button, Group, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../lib/format';
import type { SevenPBar, SevenPChart as Chart } from '../api/get-value';

export function useBarLabel() {
  const { t, i18n } = useTranslation();
  return (p: string, b: SevenPBar) =>
    p === 'product' ? ((i18n.language.startsWith('zh') && b.labelZh) || b.label || b.key)
    : p === 'promotion' || p === 'performance' ? t(`fields.values.${b.key}`, { defaultValue: b.label ?? b.key })
    : p === 'profiling' ? t(`stages.${b.key}`, { defaultValue: b.key })
    : t(`sevenP.buckets.${b.key}`);
}

export function SevenPChart({ chart, currency, onPick }: { chart: Chart; currency: string; onPick: (bucket: string) => void }) {
  const { t } = useTranslation();
  const label = useBarLabel();
  const data = chart.bars.map((b) => ({ bucket: label(chart.key, b), contacts: b.contacts, key: b.key }));
  const valueText = (b: SevenPBar) => (b.value === null ? null : chart.value === 'money' ? formatMoney(b.value, currency) : t('sevenP.buyers', { count: b.value }));
  return (
    <Paper withBorder p="sm" data-testid={`seven-p-${chart.key}`}>
      <Title order={5}>{t(`sevenP.ps.${chart.key}.title`)}</Title>
      <Text size="xs" c="dimmed" mb="sm">{t(`sevenP.ps.${chart.key}.help`)}</Text>
      {!chart.hasData ? (
        <Text size="sm" c="dimmed" data-testid={`seven-p-empty-${chart.key}`}>{t(`sevenP.ps.${chart.key}.needs`)}</Text>
      ) : (
        <>
          <BarChart
            h={200}
            data={data}
            dataKey="bucket"
            series={[{ name: 'contacts', label: t('sevenP.contacts'), color: 'blue.6' }]}
            barProps={{ cursor: 'pointer', onClick: (d: { payload?: { key?: string } }) => d.payload?.key && onPick(d.payload.key) }}
            tickLine="y"
            yAxisProps={{ allowDecimals: false }}
          />
          <Group gap={6} mt="xs">
            {chart.bars.map((b) => (
              <Button key={b.key} size="compact-xs" variant="light" disabled={b.contacts === 0} onClick={() => onPick(b.key)} data-testid={`seven-p-bucket-${chart.key}-${b.key}`}>
                {label(chart.key, b)}
                <Badge size="xs" ml={6} variant="white">{b.contacts}</Badge>
                {valueText(b) && <Text span size="xs" ml={6}>{valueText(b)}</Text>}
              </Button>
            ))}
          </Group>
        </>
      )}
    </Paper>
  );
}
