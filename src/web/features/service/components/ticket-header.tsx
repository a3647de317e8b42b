// The top of a ticket: number, subject, the selects that change status, priority and assignee on the spot, and Merge.
import { Group, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserDirectory } from '../../../api/shared-queries';
import { errorMessage } from '../../../lib/error-message';
import { TICKET_PRIORITIES, TICKET_STATUSES, useUpdateTicket, type Ticket } from '../api/tickets';
import { PriorityBadge, StatusBadge } from './ticket-badges';
import { MergeTicketButton } from './ticket-merge';

/** Which statuses a ticket can move to from where it is (the server's transitions). */
const next: Record<string, string[]> = { new: ['open', 'pending', 'on_hold', 'solved'], open: ['pending', 'on_hold', 'solved'], pending: ['open', 'on_hold', 'solved'], on_hold: ['open', 'pending', 'solved'], solved: ['open', 'closed'], closed: [] };

export function TicketHeader({ ticket, actions }: { ticket: Ticket; actions?: ReactNode }) {
  const { t } = useTranslation();
  const update = useUpdateTicket(ticket.id);
  const users = useUserDirectory().data ?? [];
  const change = (patch: Record<string, unknown>) => update.mutate(patch, { onError: (err) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) }) });
  const locked = ticket.status === 'closed' || ticket.mergedIntoId !== null;
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap">
        <Text c="dimmed" fw={600}>#{ticket.number}</Text>
        <Title order={2} style={{ wordBreak: 'break-word' }} data-testid="ticket-subject-title">{ticket.subject}</Title>
        <StatusBadge status={ticket.status} />
        <PriorityBadge priority={ticket.priority} />
      </Group>
      <Group gap="xs" wrap="wrap" align="flex-end">
        <Select
          label={t('tickets.fields.status')} w={160} size="xs" allowDeselect={false} disabled={locked} value={ticket.status} data-testid="status-select"
          onChange={(v) => v && v !== ticket.status && change({ status: v })}
          data={TICKET_STATUSES.filter((s) => s === ticket.status || next[ticket.status]!.includes(s)).map((s) => ({ value: s, label: t(`tickets.status.${s}`) }))}
        />
        <Select label={t('tickets.fields.priority')} w={130} size="xs" allowDeselect={false} disabled={locked} value={ticket.priority} onChange={(v) => v && v !== ticket.priority && change({ priority: v })} data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priority.${p}`) }))} />
        <Select
          label={t('tickets.fields.assignee')} w={180} size="xs" clearable searchable disabled={locked} value={ticket.assigneeId} placeholder={t('tickets.unassigned')} data-testid="assignee-select"
          onChange={(v) => v !== ticket.assigneeId && change({ assigneeId: v })}
          data={[...users.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name })), ...(ticket.assigneeId && !users.some((u) => u.id === ticket.assigneeId) ? [{ value: ticket.assigneeId, label: ticket.assigneeName ?? '' }] : [])]}
        />
        <MergeTicketButton ticket={ticket} />
        {actions}
      </Group>
    </Stack>
  );
}
