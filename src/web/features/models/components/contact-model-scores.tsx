// The Scores section of a contact's 360° view: each model's score with its reasons in words, and buttons for a person
// to say what is true (the correction is recorded and becomes a training label).
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/error-message';
import { formatDate } from '../../../lib/format';
import { useContactModelScores, useCorrectLabel, type ContactScore } from '../api/models';
import { reasonWords } from './reason-words';

function ScoreRow({ s, contactId }: { s: ContactScore; contactId: string }) {
  const { t } = useTranslation();
  const correct = useCorrectLabel(contactId);
  const say = (label: boolean) =>
    correct.mutate({ modelId: s.modelId, label }, { onSuccess: () => notifications.show({ color: 'green', message: t('models.corrected') }), onError: (err) => notifications.show({ color: 'red', message: errorMessage(err, t) }) });
  return (
    <div data-testid="contact-model-score">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" fw={500} truncate>{s.name}</Text>
        <Badge color={s.high ? 'red' : 'gray'} variant="light" style={{ flexShrink: 0 }}>{Math.round(s.score * 100)} %</Badge>
      </Group>
      <Text size="xs" c="dimmed">{t(`models.kinds.${s.kind}`)}</Text>
      {s.reasons.map((r, i) => (
        <Text key={i} size="xs">• {reasonWords(t, r)}</Text>
      ))}
      {s.correction ? (
        <Text size="xs" c="blue" data-testid="score-correction">{t(s.correction.label ? 'models.correctionYes' : 'models.correctionNo', { by: s.correction.by ?? '—', date: formatDate(s.correction.at) })}</Text>
      ) : null}
      <Group gap={4} mt={4}>
        <Text size="xs" c="dimmed">{t('models.isItTrue')}</Text>
        <Button size="compact-xs" variant="subtle" onClick={() => say(true)} loading={correct.isPending}>{t('models.yes')}</Button>
        <Button size="compact-xs" variant="subtle" onClick={() => say(false)} loading={correct.isPending}>{t('models.no')}</Button>
      </Group>
    </div>
  );
}

export function ContactModelScores({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const q = useContactModelScores(contactId);
  // Nothing to show until a model scores this contact; errors stay quiet here (the page has its own).
  if (!q.data || q.data.data.length === 0) return null;
  return (
    <Card withBorder data-testid="section-model-scores">
      <Title order={4} mb="xs">{t('models.contactSection')}</Title>
      <Stack gap="sm">
        {q.data.data.map((s) => <ScoreRow key={s.modelId} s={s} contactId={contactId} />)}
      </Stack>
    </Card>
  );
}
