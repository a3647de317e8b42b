// One history entry as a timeline item: who did what and when, with the changed fields.
import { Anchor, Text, ThemeIcon, Timeline, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatRelative } from '../../../lib/format';
import type { HistoryEntry } from '../api/history';
import { ChangeList } from './change-list';

export function useActionWords() {
  const { t } = useTranslation();
  return (e: Pick<HistoryEntry, 'action' | 'actorName' | 'entity'>) => {
    const who = e.actorName ?? t('history.system');
    // A contact's lead entries: its creation means the contact was opened as a lead, not created again.
    if (e.entity === 'lead' && e.action === 'create') return t('history.leadCreate', { who });
    return t(`history.actions.${e.action}`, { defaultValue: t('history.actions.update'), who });
  };
}

/** Rendered inside a Mantine <Timeline>, beside the activities. */
export function HistoryTimelineItem({ entry, ...rest }: { entry: HistoryEntry }) {
  const words = useActionWords();
  return (
    <Timeline.Item
      {...rest}
      bullet={<ThemeIcon size={28} radius="xl" variant="light" color="gray"><IconHistory size={16} /></ThemeIcon>}
      data-testid="history-item"
      title={<Text fw={600} size="sm">{words(entry)}</Text>}
    >
      {entry.record && <Anchor component={Link} to={entry.record.path} size="sm" data-testid="history-record">{entry.record.label}</Anchor>}
      <ChangeList changes={entry.changes} />
      <Tooltip label={formatDateTime(entry.at)}>
        <Text size="xs" c="dimmed" mt={4} span>{formatRelative(entry.at)}</Text>
      </Tooltip>
    </Timeline.Item>
  );
}
