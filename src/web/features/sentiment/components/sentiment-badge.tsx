// A badge with an item's sentiment and emotion ("Negative · anger"); angry items are flagged in red with an icon.
// Clicking it opens a popover where an agent corrects the label (kept as training data).
import { Badge, Button, Group, Popover, Select, Stack, Text, Tooltip } from '@mantine/core';
import { IconFlame, IconMoodHappy, IconMoodNeutral, IconMoodSad } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/error-message';
import { emotionLabels, sentimentLabels, useCorrectSentiment, type EmotionLabel, type ItemSentiment, type SentimentLabel } from '../api/sentiment';

const colour = (s: ItemSentiment) => (s.emotion === 'anger' ? 'red' : s.sentiment === 'negative' ? 'orange' : s.sentiment === 'positive' ? 'teal' : 'gray');

function Icon({ value }: { value: ItemSentiment }) {
  if (value.emotion === 'anger') return <IconFlame size={12} />;
  if (value.sentiment === 'negative') return <IconMoodSad size={12} />;
  if (value.sentiment === 'positive') return <IconMoodHappy size={12} />;
  return <IconMoodNeutral size={12} />;
}

export function SentimentBadge({ value, readOnly }: { value: ItemSentiment; readOnly?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [sentiment, setSentiment] = useState<SentimentLabel>(value.sentiment);
  const [emotion, setEmotion] = useState<EmotionLabel>(value.emotion);
  const correct = useCorrectSentiment();
  const label = value.emotion === 'neutral'
    ? t(`sentiment.labels.${value.sentiment}`)
    : t('sentiment.badge', { sentiment: t(`sentiment.labels.${value.sentiment}`), emotion: t(`sentiment.emotions.${value.emotion}`) });
  const angry = value.emotion === 'anger';
  const badge = (
    <Badge
      size="sm" color={colour(value)} variant={angry ? 'filled' : 'light'} leftSection={<Icon value={value} />}
      style={{ cursor: readOnly ? 'default' : 'pointer', textTransform: 'none' }}
      data-testid="sentiment-badge" data-sentiment={value.sentiment} data-emotion={value.emotion}
      onClick={readOnly ? undefined : () => setOpen((o) => !o)}
    >
      {label}
    </Badge>
  );
  const why = [value.source === 'agent' ? t('sentiment.correctedByAgent') : t('sentiment.byModel', { confidence: Math.round(value.confidence * 100) }), value.cues.length ? t('sentiment.cues', { cues: value.cues.join('、') }) : null].filter(Boolean).join(' · ');
  if (readOnly) return <Tooltip label={why} multiline maw={320}>{badge}</Tooltip>;
  return (
    <Popover opened={open} onChange={setOpen} width={260} position="bottom-start" withArrow trapFocus>
      <Popover.Target>
        <Tooltip label={why} multiline maw={320} disabled={open}>{badge}</Tooltip>
      </Popover.Target>
      <Popover.Dropdown data-testid="sentiment-correct">
        <Stack gap="xs">
          <Text size="xs" c="dimmed">{why}</Text>
          <Select size="xs" label={t('sentiment.sentiment')} value={sentiment} allowDeselect={false} comboboxProps={{ withinPortal: false }}
            data={sentimentLabels.map((s) => ({ value: s, label: t(`sentiment.labels.${s}`) }))} onChange={(v) => v && setSentiment(v as SentimentLabel)} data-testid="sentiment-correct-sentiment" />
          <Select size="xs" label={t('sentiment.emotion')} value={emotion} allowDeselect={false} comboboxProps={{ withinPortal: false }}
            data={emotionLabels.map((e) => ({ value: e, label: t(`sentiment.emotions.${e}`) }))} onChange={(v) => v && setEmotion(v as EmotionLabel)} data-testid="sentiment-correct-emotion" />
          {correct.error && <Text size="xs" c="red">{errorMessage(correct.error, t)}</Text>}
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
            <Button size="xs" loading={correct.isPending} data-testid="sentiment-correct-save"
              onClick={() => correct.mutate({ kind: value.kind, itemId: value.itemId, sentiment, emotion }, { onSuccess: () => setOpen(false) })}>
              {t('sentiment.saveCorrection')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
