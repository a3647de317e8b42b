// Scores of a record (lead score, engagement, …) as labelled bars.
import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Score } from '../types/api';

export function ScoreList({ scores }: { scores: Score[] }) {
  const { t } = useTranslation();
  if (scores.length === 0) return <Text size="sm" c="dimmed">{t('contacts.noScores')}</Text>;
  return (
    <Stack gap="sm" data-testid="scores">
      {scores.map((s) => {
        const pct = s.max > 0 ? Math.max(0, Math.min(100, (s.value / s.max) * 100)) : 0;
        return (
          <div key={s.key}>
            <Group justify="space-between" mb={2}>
              <Text size="sm">{t(`scores.${s.key}`, { defaultValue: s.label })}</Text>
              <Text size="sm" fw={600}>{s.max >= 10 ? Math.round(s.value) : Number(s.value.toFixed(2))}<Text span size="xs" c="dimmed"> / {s.max}</Text></Text>
            </Group>
            <Progress value={pct} color={pct >= 70 ? 'green' : pct >= 40 ? 'yellow' : 'gray'} />
          </div>
        );
      })}
    </Stack>
  );
}
