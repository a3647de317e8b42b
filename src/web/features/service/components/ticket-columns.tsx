// The columns the tickets table can show besides the subject, each with its header and cell, and the default set.
import { Badge, Group, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { formatRelative } from '../../../lib/format';
import type { Ticket } from '../api/tickets';
import { PriorityBadge, StatusBadge } from './ticket-badges';

export const TICKET_COLUMNS = ['status', 'priority', 'requester', 'assignee', 'team', 'category', 'tags', 'channel', 'created', 'updated'] as const;
export const DEFAULT_TICKET_COLUMNS: string[] = ['status', 'priority', 'requester', 'assignee', 'updated'];

const label: Record<string, string> = { requester: 'requester', assignee: 'assignee', team: 'team', category: 'category', tags: 'tags', channel: 'channel', created: 'created', updated: 'updated', status: 'status', priority: 'priority' };

export const columnLabel = (t: TFunction, key: string) => t(`tickets.fields.${label[key] ?? key}`);

export function ticketCell(t: TFunction, key: string, tk: Ticket): ReactNode {
  switch (key) {
    case 'status': return <StatusBadge status={tk.status} />;
    case 'priority': return <PriorityBadge priority={tk.priority} />;
    case 'requester': return tk.contactName ?? '—';
    case 'assignee': return tk.assigneeName ?? <Text span c="dimmed" size="sm">{t('tickets.unassigned')}</Text>;
    case 'team': return tk.teamName ?? '—';
    case 'category': return tk.category ?? '—';
    case 'tags': return tk.tags.length ? <Group gap={4}>{tk.tags.map((tag) => <Badge key={tag} size="xs" variant="light">{tag}</Badge>)}</Group> : '—';
    case 'channel': return t(`tickets.channel.${tk.channel}`);
    case 'created': return <Text size="sm" c="dimmed">{formatRelative(tk.createdAt)}</Text>;
    case 'updated': return <Text size="sm" c="dimmed">{formatRelative(tk.updatedAt)}</Text>;
    default: return null;
  }
}
