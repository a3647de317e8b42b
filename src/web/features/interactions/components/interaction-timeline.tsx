// Timeline of everything that happened with a contact, company or deal, newest first, paged from the server, with the
// activities of related records (a contact's tickets: opened, status changes, messages); with "Everything" its field
// changes (who changed what, old → new) are interleaved by time.
import { Group, Paper, SegmentedControl, Text, Timeline, Tooltip } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { IconTimeline } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { LoadMore } from '../../../components/load-more';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { AuditLogLink, beyondActivities, HistoryTimelineItem, RelatedActivityItem, useRecordHistory, useRelatedActivities, type HistoryEntity } from '../../history';
import { useInteractions, type TimelineTarget } from '../api/interactions';
import { InteractionDetails } from './interaction-details';
import { InteractionIcon } from './interaction-icon';
import { InteractionMenu } from './interaction-menu';
import { SentimentBadge, useSentiments } from '../../sentiment';

function historyTarget(target: TimelineTarget): [HistoryEntity, string] {
  if (target.dealId) return ['deal', target.dealId];
  if (target.companyId && !target.contactId) return ['company', target.companyId];
  return ['contact', target.contactId ?? ''];
}

export function InteractionTimeline({ target }: { target: TimelineTarget }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'activities' | 'everything'>('activities');
  const everything = mode === 'everything';
  const list = useInteractions(target);
  const [entity, id] = historyTarget(target);
  const history = useRecordHistory(entity, id, everything);
  const related = useRelatedActivities(entity, id);
  const items = list.data?.pages.flatMap((p) => p.data) ?? [];
  const activities = related.data?.pages.flatMap((p) => p.data) ?? [];
  const sentiments = useSentiments('interaction', items.filter((i) => i.body && i.type !== 'task').map((i) => i.id));
  // A related record's entry that only repeats one of its activities (a ticket's status change) is left out.
  const changes = everything ? (history.data?.pages.flatMap((p) => p.data) ?? []).flatMap((e) => (e.record ? (beyondActivities(e) ?? []) : [e])) : [];

  const filter = (
    <Group justify="space-between" gap="xs" mb="sm" wrap="wrap">
      <SegmentedControl
        size="xs" value={mode} onChange={(v) => setMode(v as typeof mode)} data-testid="timeline-filter"
        data={[{ value: 'activities', label: t('history.activitiesOnly') }, { value: 'everything', label: t('history.everything') }]}
      />
      {everything && <AuditLogLink entity={entity} id={id} />}
    </Group>
  );
  if (list.isPending || (everything && history.isPending)) return <>{filter}<ListSkeleton rows={4} /></>;
  const error = list.error ?? (everything ? history.error : null);
  if (error && items.length === 0) return <>{filter}<ErrorAlert error={error} onRetry={() => void list.refetch()} /></>;
  if (items.length === 0 && changes.length === 0 && activities.length === 0) return <>{filter}<EmptyState icon={<IconTimeline size={28} />} title={t('interactions.empty')} description={t('interactions.emptyHint')} /></>;

  // Only what is certain to be in order: nothing older than the oldest loaded entry of a list that has more pages.
  const oldestOf = (times: string[], more: boolean) => (more && times.length ? times[times.length - 1]! : '');
  const cutoff = [oldestOf(items.map((i) => i.occurredAt), list.hasNextPage), oldestOf(changes.map((c) => c.at), everything && history.hasNextPage), oldestOf(activities.map((a) => a.at), related.hasNextPage)].sort().pop() ?? '';
  const rows: { at: string; node: ReactNode }[] = [
    ...items.map((item) => ({ at: item.occurredAt, node: (
      <Timeline.Item
        key={item.id}
        bullet={<InteractionIcon interaction={item} size={28} />}
        data-testid="timeline-item"
        data-type={item.type}
        title={
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text fw={600} size="sm" style={{ wordBreak: 'break-word' }}>
              {item.subject || t(`interactions.types.${item.type}`)}
            </Text>
            <InteractionMenu item={item} />
          </Group>
        }
      >
        <InteractionDetails item={item} />
        {item.body && (
          <Paper bg="var(--mantine-color-gray-0)" p="xs" mt={4} radius="sm">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{item.body}</Text>
          </Paper>
        )}
        {sentiments.data?.get(item.id) && <Group mt={4}><SentimentBadge value={sentiments.data.get(item.id)!} /></Group>}
        <Tooltip label={formatDateTime(item.occurredAt)}>
          <Text size="xs" c="dimmed" mt={4} span>
            {t(`interactions.types.${item.type}`)} · {formatRelative(item.occurredAt)}
            {item.createdByName ? ` · ${item.createdByName}` : ''}
          </Text>
        </Tooltip>
      </Timeline.Item>
    ) })),
    ...changes.map((entry) => ({ at: entry.at, node: <HistoryTimelineItem key={`h${entry.seq}`} entry={entry} /> })),
    ...activities.map((a) => ({ at: a.at, node: <RelatedActivityItem key={`a${a.id}`} activity={a} /> })),
  ].filter((r) => r.at >= cutoff).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const hasMore = list.hasNextPage || (everything && history.hasNextPage) || related.hasNextPage;

  return (
    <>
      {filter}
      <Timeline bulletSize={28} lineWidth={2} data-testid="timeline">
        {rows.map((r) => r.node)}
      </Timeline>
      <LoadMore
        shown={rows.length} hasMore={hasMore} loading={list.isFetchingNextPage || history.isFetchingNextPage || related.isFetchingNextPage}
        onLoadMore={() => { if (list.hasNextPage) void list.fetchNextPage(); if (everything && history.hasNextPage) void history.fetchNextPage(); if (related.hasNextPage) void related.fetchNextPage(); }}
      />
    </>
  );
}
