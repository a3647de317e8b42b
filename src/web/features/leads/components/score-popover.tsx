// A lead's score as a button; opening it loads the rules that produced the score.
import { useState } from 'react';
import { Badge, Divider, Group, Loader, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { scoreReasonWhat, signedPoints } from '../../../lib/score-reasons';
import { useLeadScoring } from '../api/get-leads';

export function ScorePopover({ contactId, score }: { contactId: string; score: number | null }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const scoring = useLeadScoring(contactId, opened);
  const color = score === null ? 'gray' : score >= 50 ? 'green' : score >= 20 ? 'yellow' : 'gray';
  return (
    <Popover opened={opened} onChange={setOpened} width={320} position="bottom-start" shadow="md" withArrow>
      <Popover.Target>
        <UnstyledButton onClick={() => setOpened((o) => !o)} aria-label={t('leads.scoreBreakdown')} data-testid="lead-score">
          <Badge variant="light" color={color} style={{ cursor: 'pointer' }}>{score === null ? t('common.empty') : Math.round(score)}</Badge>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Text fw={600} size="sm" mb="xs">{t('leads.scoreBreakdown')}</Text>
        {scoring.isPending ? (
          <Loader size="sm" />
        ) : scoring.error ? (
          <ErrorAlert error={scoring.error} />
        ) : (
          <Stack gap={6}>
            {!scoring.data || scoring.data.breakdown.length === 0 ? <Text size="sm" c="dimmed">{t('leads.noRules')}</Text> : null}
            {scoring.data?.breakdown.map((b) => (
              <Group key={b.ruleId} justify="space-between" wrap="nowrap" gap="xs" data-testid="score-reason">
                <Text size="sm">{scoreReasonWhat(t, b)}</Text>
                <Text size="sm" fw={600} c={b.points < 0 ? 'red' : 'green'} style={{ whiteSpace: 'nowrap' }}>{signedPoints(b.points)}</Text>
              </Group>
            ))}
            <PredictiveSlot predictive={scoring.data?.predictive ?? null} />
          </Stack>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}

/** The predictive slot in plain words: the lead-conversion model's chance of winning the lead, beside the rule points. */
function PredictiveSlot({ predictive }: { predictive: number | null }) {
  const { t } = useTranslation();
  return (
    <>
      <Divider my={4} />
      {predictive === null ? (
        <Text size="xs" c="dimmed" data-testid="lead-predictive-none">{t('leads.predictiveNone')}</Text>
      ) : (
        <div data-testid="lead-predictive">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm">{t('leads.predictive')}</Text>
            <Badge variant="light" color={predictive >= 50 ? 'green' : predictive >= 20 ? 'yellow' : 'gray'} style={{ flexShrink: 0 }}>{Math.round(predictive)} %</Badge>
          </Group>
          <Text size="xs" c="dimmed">{t('leads.predictiveHint')}</Text>
        </div>
      )}
    </>
  );
}
