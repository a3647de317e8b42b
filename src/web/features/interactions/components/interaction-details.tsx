// The type-specific facts of an interaction, in one short line (direction, duration, outcome, times, due date).
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import type { Interaction } from '../../../types/api';

export function formatDuration(seconds: number | null | undefined, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (!seconds) return '';
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  if (m > 0) return s === 0 ? t('interactions.durationMinOnly', { m }) : t('interactions.durationMin', { m, s });
  return t('interactions.durationSec', { s });
}

export function InteractionDetails({ item }: { item: Interaction }) {
  const { t } = useTranslation();
  const parts: string[] = [];
  if (item.type === 'call') {
    if (item.direction) parts.push(t(`interactions.direction.${item.direction}`));
    const d = formatDuration(item.durationSeconds, t);
    if (d) parts.push(d);
    if (item.outcome) parts.push(t(`interactions.outcomes.${item.outcome}`, { defaultValue: item.outcome }));
  }
  if (item.type === 'meeting') {
    if (item.startsAt) parts.push(`${formatDateTime(item.startsAt)}${item.endsAt ? ` – ${formatDateTime(item.endsAt)}` : ''}`);
    if (item.attendees.length) parts.push(t('interactions.attendeesList', { list: item.attendees.join(', ') }));
  }
  if (item.type === 'task') {
    if (item.dueAt) parts.push(t('interactions.dueOn', { date: formatDateTime(item.dueAt) }));
    if (item.assigneeName) parts.push(t('interactions.assignedTo', { name: item.assigneeName }));
    if (item.done) parts.push(t('interactions.done'));
  }
  if (parts.length === 0) return null;
  return (
    <Text size="xs" c="dimmed">
      {parts.join(' · ')}
    </Text>
  );
}
