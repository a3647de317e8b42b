// A ticket's timeline, oldest first: customer and agent messages as speech blocks, internal notes highlighted,
// and the ticket's changes (status, assignment, priority, fields, merges) as one-line events.
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ListSkeleton } from '../../../components/list-skeleton';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadMore } from '../../../components/load-more';
import { formatDateTime } from '../../../lib/format';
import { useTicketTimeline, type TimelineItem } from '../api/tickets';

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
    t('tickets.events.other', { who, kind: item.kind });
  return <Text size="xs" c="dimmed" data-testid="timeline-event" data-kind={item.kind}>{text} · {formatDateTime(item.at)}</Text>;
}

function Block({ item }: { item: TimelineItem }) {
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
        </Group>
        <Text size="xs" c="dimmed">{formatDateTime(item.at)}</Text>
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{item.body}</Text>
    </Paper>
  );
}

export function TicketTimeline({ ticketId }: { ticketId: string }) {
  const timeline = useTicketTimeline(ticketId);
  if (timeline.isPending) return <ListSkeleton rows={3} />;
  if (timeline.error) return <ErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} />;
  const items = timeline.data.pages.flatMap((p) => p.data);
  return (
    <Stack gap="xs" data-testid="ticket-timeline">
      {items.map((item) => (item.type === 'message' || item.kind === 'note' ? <Block key={item.id} item={item} /> : <EventLine key={item.id} item={item} />))}
      <LoadMore shown={items.length} hasMore={timeline.hasNextPage} loading={timeline.isFetchingNextPage} onLoadMore={() => void timeline.fetchNextPage()} />
    </Stack>
  );
}
