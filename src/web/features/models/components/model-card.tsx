// The model card: what it learnt from and how well it ranks contacts it did not learn from (AUC, precision and recall
// at the threshold), the calibration bins as a chart, and the features that weigh most; or, in plain words, why it
// does not score.
import { BarChart } from '@mantine/charts';
import { Alert, Badge, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import type { Model } from '../api/models';
import { featureName } from './reason-words';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)} %`);

function Stat({ label, value, id }: { label: string; value: string; id: string }) {
  return (
    <Paper withBorder p="xs" data-testid={`card-${id}`}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={700} size="lg">{value}</Text>
    </Paper>
  );
}

export function ModelCardView({ model }: { model: Model }) {
  const { t } = useTranslation();
  const v = model.latestVersion;
  if (!v) return <Text size="sm" c="dimmed" data-testid="model-untrained">{t('models.untrained')}</Text>;
  const c = v.card;
  const maxWeight = Math.max(...c.topFeatures.map((f) => Math.abs(f.weight)), 0.001);
  return (
    <Stack gap="sm" data-testid="model-card">
      <Text size="xs" c="dimmed">{t('models.card.trained', { at: formatDateTime(v.trainedAt), version: v.version, rows: c.rows, positives: c.positives })}</Text>
      {c.verdict.code === 'insufficient' && <Alert color="yellow" data-testid="model-verdict">{t('models.verdict.insufficient', c.verdict.params)}</Alert>}
      {c.verdict.code === 'noSignal' && <Alert color="yellow" data-testid="model-verdict">{t('models.verdict.noSignal', c.verdict.params)}</Alert>}
      {model.status === 'failed' && <Alert color="red">{t('models.verdict.failed')}</Alert>}
      {c.auc !== null && (
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          <Stat id="auc" label={t('models.card.auc')} value={c.auc.toFixed(2)} />
          <Stat id="precision" label={t('models.card.precision', { threshold: pct(c.threshold) })} value={pct(c.precision)} />
          <Stat id="recall" label={t('models.card.recall')} value={pct(c.recall)} />
          <Stat id="base-rate" label={t('models.card.baseRate')} value={pct(c.baseRate)} />
        </SimpleGrid>
      )}
      {c.auc !== null && <Text size="xs" c="dimmed">{t('models.card.holdout', { train: c.trainRows, test: c.testRows })}</Text>}
      {c.calibration.length > 0 && (
        <Paper withBorder p="sm" data-testid="chart-calibration">
          <Title order={5} mb={4}>{t('models.card.calibration')}</Title>
          <Text size="xs" c="dimmed" mb={4}>{t('models.card.calibrationHelp')}</Text>
          {/* A plain legend: recharts' own wraps badly at phone width. */}
          <Group gap="xs" mb="xs">
            <Badge color="blue.5" variant="dot">{t('models.card.predicted')}</Badge>
            <Badge color="orange.5" variant="dot">{t('models.card.observed')}</Badge>
          </Group>
          <BarChart
            h={200}
            data={c.calibration.map((b) => ({ bin: `${Math.round(b.from * 100)}–${Math.round(b.to * 100)}`, predicted: Math.round(b.predicted * 100), observed: Math.round(b.observed * 100) }))}
            dataKey="bin"
            unit=" %"
            series={[{ name: 'predicted', label: t('models.card.predicted'), color: 'blue.5' }, { name: 'observed', label: t('models.card.observed'), color: 'orange.5' }]}
          />
        </Paper>
      )}
      {c.topFeatures.length > 0 && (
        <Paper withBorder p="sm" data-testid="top-features">
          <Title order={5} mb="xs">{t('models.card.topFeatures')}</Title>
          <Stack gap={6}>
            {c.topFeatures.slice(0, 8).map((f) => (
              <div key={f.def.key}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm" truncate>{featureName(t, f.def)}</Text>
                  <Badge size="xs" variant="light" color={f.weight > 0 ? 'red' : 'teal'}>{f.weight > 0 ? t('models.card.raises') : t('models.card.lowers')}</Badge>
                </Group>
                <Progress value={(Math.abs(f.weight) / maxWeight) * 100} color={f.weight > 0 ? 'red' : 'teal'} size="sm" />
              </div>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
