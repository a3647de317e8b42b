// One activity of a related record (a contact's ticket) as a timeline item: which record, what happened, when.
import { Anchor, Text, ThemeIcon, Timeline, Tooltip } from '@mantine/core';
import { IconTicket } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatRelative } from '../../../lib/format';
import type { RelatedActivity } from '../api/related-activities';

export function useActivityWords() {
  const { t } = useTranslation();
  return (a: RelatedActivity) => {
    const who = a.actorName ?? t('history.system');
    const status = (v: unknown) => t(`tickets.status.${String(v)}`, { defaultValue: String(v) });
    if (a.kind === 'created') return t('history.activity.created', { who });
    if (a.kind === 'status') return t('history.activity.status', { who, from: status(a.data.from), to: status(a.data.to) });
    if (a.kind === 'message') return a.data.direction === 'in' ? t('history.activity.customerWrote') : t('history.activity.replied', { who });
    return t('history.activity.other', { who, kind: a.kind });
  };
}

/** Rendered inside a Mantine <Timeline>, beside the activities. */
export function RelatedActivityItem({ activity, ...rest }: { activity: RelatedActivity }) {
  const words = useActivityWords();
  return (
    <Timeline.Item
      {...rest}
      bullet={<ThemeIcon size={28} radius="xl" variant="light" color="teal"><IconTicket size={16} /></ThemeIcon>}
      data-testid="related-activity"
      data-kind={activity.kind}
      title={<Text fw={600} size="sm">{words(activity)}</Text>}
    >
      {activity.record && <Anchor component={Link} to={activity.record.path} size="sm" data-testid="history-record">{activity.record.label}</Anchor>}
      {activity.kind === 'message' && activity.data.excerpt && <Text size="sm" c="dimmed" lineClamp={2} style={{ wordBreak: 'break-word' }}>{String(activity.data.excerpt)}</Text>}
      <Tooltip label={formatDateTime(activity.at)}>
        <Text size="xs" c="dimmed" mt={4} span>{formatRelative(activity.at)}</Text>
      </Tooltip>
    </Timeline.Item>
  );
}
