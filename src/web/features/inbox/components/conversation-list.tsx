// The inbox's list: view tabs with unread counts, status and channel filters, and conversations newest first
// (name, channel, preview, time, unread badge), loading more on demand.
import { Badge, Button, Group, Paper, ScrollArea, SegmentedControl, Select, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import { CONVERSATION_STATUSES, INBOX_CHANNELS, INBOX_VIEWS, useConversations, useUnreadCounts, type InboxFilters } from '../api/inbox';
import { conversationName } from './conversation-name';
import { SentimentBadge, useConversationSentiments } from '../../sentiment';

interface Props {
  filters: InboxFilters;
  onChange: (f: InboxFilters) => void;
  selectedId?: string;
}

export function ConversationList({ filters, onChange, selectedId }: Props) {
  const { t } = useTranslation();
  const list = useConversations(filters);
  const unread = useUnreadCounts().data;
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  // The customer's latest message: its sentiment when not neutral, an angry one flagged in red on the row.
  const moods = useConversationSentiments(rows.map((c) => c.id)).data;
  return (
    <Stack gap="xs" data-testid="conversation-list">
      <SegmentedControl
        size="xs"
        fullWidth
        value={filters.view}
        onChange={(v) => onChange({ ...filters, view: v as InboxFilters['view'] })}
        data={INBOX_VIEWS.map((v) => ({ value: v, label: `${t(`inbox.views.${v}`)}${unread?.[v] ? ` (${unread[v] >= 999 ? '999+' : unread[v]})` : ''}` }))}
      />
      <Group grow gap="xs">
        <Select size="xs" aria-label={t('inbox.status')} value={filters.status} allowDeselect={false} onChange={(v) => onChange({ ...filters, status: (v ?? 'open') as InboxFilters['status'] })} data={[...CONVERSATION_STATUSES, 'any'].map((s) => ({ value: s, label: t(`inbox.statuses.${s}`) }))} />
        <Select size="xs" aria-label={t('inbox.channel')} value={filters.channel || null} placeholder={t('inbox.allChannels')} clearable onChange={(v) => onChange({ ...filters, channel: v ?? '' })} data={INBOX_CHANNELS.map((c) => ({ value: c, label: t(`inbox.channels.${c}`) }))} />
      </Group>
      <ScrollArea.Autosize mah="calc(100vh - 230px)">
        <Stack gap={4}>
          {rows.map((c) => {
            const mood = moods?.get(c.id);
            const angry = mood?.emotion === 'anger';
            return (
            <UnstyledButton key={c.id} component={Link} to={`/inbox/${c.id}`} data-testid="conversation-row" data-angry={angry || undefined}>
              <Paper withBorder p="xs" bg={c.id === selectedId ? 'var(--mantine-color-blue-light)' : undefined} style={angry ? { borderLeft: '4px solid var(--mantine-color-red-6)' } : undefined}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm" fw={c.unreadCount > 0 ? 700 : 500} truncate>{conversationName(c, t('inbox.visitor'))}</Text>
                  <Group gap={4} wrap="nowrap">
                    {c.unreadCount > 0 && <Badge size="sm" circle data-testid="unread-badge">{c.unreadCount}</Badge>}
                    <Badge size="xs" variant="light">{t(`inbox.channels.${c.channelKind}`)}</Badge>
                  </Group>
                </Group>
                <Text size="xs" c="dimmed" lineClamp={1}>{c.lastMessagePreview ?? ''}</Text>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="xs" c="dimmed" truncate>{formatDateTime(c.lastMessageAt)}{c.assigneeName ? ` · ${c.assigneeName}` : ''}</Text>
                  {mood && (mood.sentiment !== 'neutral' || mood.emotion !== 'neutral') && <SentimentBadge value={mood} readOnly />}
                </Group>
              </Paper>
            </UnstyledButton>
            );
          })}
          {!list.isPending && rows.length === 0 && <Text size="sm" c="dimmed" ta="center" py="md">{t('inbox.empty')}</Text>}
          {list.hasNextPage && <Button variant="subtle" size="xs" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>{t('inbox.more')}</Button>}
        </Stack>
      </ScrollArea.Autosize>
    </Stack>
  );
}
