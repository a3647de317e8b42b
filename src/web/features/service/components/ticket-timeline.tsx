// A ticket's timeline, oldest first: customer and agent messages as speech blocks, internal notes highlighted, status
// changes and merges as one-line events; "Everything" adds the change history (who changed what, old → new). An
// e-mail with HTML is shown sanitised (MessageBody: no script, remote images on request).
import { Badge, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ListSkeleton } from '../../../components/list-skeleton';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadMore } from '../../../components/load-more';
import { formatDateTime } from '../../../lib/format';
import { useTicketTimeline, type TimelineItem } from '../api/tickets';
import { beyondActivities, ChangeList, useRecordHistory, type HistoryEntry } from '../../history';
import { SentimentBadge, useSentiments, type ItemSentiment } from '../../sentiment';
import { MessageBody } from '../../email';
import { slaEventSentence } from '../../../lib/sla-events';

function EventLine({ item }: { item: TimelineItem }) {
  const { t } = useTranslation();
  const who = item.actorName ?? t('tickets.system');
  const d = item.data;
  const word = (kind: string, v: unknown) => (v ? t(`tickets.${kind}.${String(v)}`) : t('tickets.nobody'));
  const text =
    item.kind === 'created' ? t('tickets.events.created', { who }) :
    item.kind === 'status' ? t('tickets.events.status', { who, from: word('status', d.from), to: word('status', d.to) }) :
    item.kind === 'priority' ? t('tickets.events.priority', { who, from: word('priority', d.from), to: word('priority', d.to) }) :
    item.kind === 'assignment' ? t('tickets.events.assignment', { who, to: d.to?.assigneeName ?? d.to?.teamName ?? t('tickets.nobody') }) :
    item.kind === 'field' ? t('tickets.events.field', { who, fields: (d.changes as { field: string }[] ?? []).map((c) => t(`tickets.fieldNames.${c.field}`, { defaultValue: c.field })).join(', ') }) :
    item.kind === 'merge' ? t(d.undone ? 'tickets.events.mergeUndone' : d.intoNumber ? 'tickets.events.mergedInto' : 'tickets.events.mergedFrom', { who, number: d.intoNumber ?? d.mergedNumber ?? '' }) :
    item.kind === 'conversation' ? t('tickets.events.conversation', { channel: t(`tickets.channel.${String(d.channelKind)}`, { defaultValue: String(d.channelKind) }) }) :
    item.kind === 'survey' ? [t('surveyPage.timeline', { scores: [d.csat != null ? `CSAT ${String(d.csat)}/5` : null, d.nps != null ? `NPS ${String(d.nps)}/10` : null].filter(Boolean).join(', ') }), item.body ? `“${item.body}”` : null].filter(Boolean).join(' ') :
    item.kind === 'sla' ? slaEventSentence(d, t, formatDateTime) :
    t('tickets.events.other', { who, kind: item.kind });
  return <Text size="xs" c="dimmed" data-testid="timeline-event" data-kind={item.kind}>{text} · {formatDateTime(item.at)}</Text>;
}

function Block({ item, sentiment }: { item: TimelineItem; sentiment?: ItemSentiment }) {
  const { t } = useTranslation();
  const note = item.private;
  const customer = item.type === 'message' && item.direction === 'in';
  const who = customer ? t('tickets.customer') : (item.actorName ?? t('tickets.system'));
  return (
    <Paper withBorder p="sm" radius="md" bg={note ? 'yellow.0' : customer ? 'gray.0' : 'blue.0'} ml={customer ? 0 : 'md'} mr={customer ? 'md' : 0} data-testid={note ? 'timeline-note' : 'timeline-message'}>
      <Group justify="space-between" gap="xs" mb={4} wrap="wrap">
        <Group gap={6}>
          <Text size="sm" fw={600}>{who}</Text>
          {note && <Badge size="xs" color="yellow" variant="light">{t('tickets.internalNote')}</Badge>}
          {item.channelKind && <Badge size="xs" variant="outline">{t(`tickets.channel.${item.channelKind}`, { defaultValue: item.channelKind })}</Badge>}
          {sentiment && <SentimentBadge value={sentiment} />}
        </Group>
        <Text size="xs" c="dimmed">{formatDateTime(item.at)}</Text>
      </Group>
      {item.type === 'message' && item.hasHtml ? <MessageBody messageId={item.id} bodyText={item.body ?? ''} hasHtml /> : <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{item.body}</Text>}
    </Paper>
  );
}

/** Changes the history tells with their old and new values in "Everything" (the one-line events only name them). */
const DETAILED = new Set(['assignment', 'priority', 'field']);

function ChangeEntry({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} data-testid="ticket-history-entry">
      <Text size="xs" c="dimmed">{t('history.actions.update', { who: entry.actorName ?? t('history.system') })} · {formatDateTime(entry.at)}</Text>
      <ChangeList changes={entry.changes} />
    </Stack>
  );
}

export function TicketTimeline({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'activities' | 'everything'>('activities');
  const everything = mode === 'everything';
  const timeline = useTicketTimeline(ticketId);
  const history = useRecordHistory('ticket', ticketId, everything);
  const loaded = timeline.data?.pages.flatMap((p) => p.data) ?? [];
  const inbound = useSentiments('message', loaded.filter((i) => i.type === 'message' && i.direction === 'in').map((i) => i.id));
  const notes = useSentiments('ticket_event', loaded.filter((i) => i.type === 'event' && i.kind === 'note').map((i) => i.id));
  // A ticket's history is short: all of it is read so it interleaves with the timeline by time.
  useEffect(() => { if (everything && history.hasNextPage && !history.isFetchingNextPage) void history.fetchNextPage(); }, [everything, history]);
  const filter = (
    <SegmentedControl
      size="xs" value={mode} onChange={(v) => setMode(v as typeof mode)} data-testid="ticket-timeline-filter" style={{ alignSelf: 'flex-start' }}
      data={[{ value: 'activities', label: t('history.activitiesOnly') }, { value: 'everything', label: t('history.everything') }]}
    />
  );
  if (timeline.isPending || (everything && history.isPending)) return <Stack gap="xs">{filter}<ListSkeleton rows={3} /></Stack>;
  if (timeline.error) return <ErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} />;
  const items = timeline.data.pages.flatMap((p) => p.data);
  const last = items[items.length - 1]?.at ?? '';
  const changes = everything ? (history.data?.pages.flatMap((p) => p.data) ?? []).flatMap((e) => beyondActivities(e) ?? []).filter((e) => !timeline.hasNextPage || e.at <= last) : [];
  const rows: { at: string; key: string; node: ReactNode }[] = [
    ...items.filter((item) => !DETAILED.has(item.kind ?? '')).map((item) => ({ at: item.at, key: item.id, node: item.type === 'message' || item.kind === 'note' ? <Block key={item.id} item={item} sentiment={inbound.data?.get(item.id) ?? notes.data?.get(item.id)} /> : <EventLine key={item.id} item={item} /> })),
    ...changes.map((e) => ({ at: e.at, key: `h${e.seq}`, node: <ChangeEntry key={`h${e.seq}`} entry={e} /> })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return (
    <Stack gap="xs" data-testid="ticket-timeline">
      {filter}
      {rows.map((r) => r.node)}
      <LoadMore shown={items.length} hasMore={timeline.hasNextPage} loading={timeline.isFetchingNextPage} onLoadMore={() => void timeline.fetchNextPage()} />
    </Stack>
  );
}
