// The tickets as a table (from sm up, with checkboxes for bulk actions and the chosen columns) and as cards on phones.
import { Anchor, Checkbox, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RecordCards } from '../../../components/record-cards';
import { formatRelative } from '../../../lib/format';
import { columnLabel, ticketCell } from './ticket-columns';
import type { Ticket } from '../api/tickets';
import { PriorityBadge, StatusBadge } from './ticket-badges';

interface Props { tickets: Ticket[]; columns: string[]; selected: Set<string>; onToggle: (id: string) => void; onToggleAll: () => void }

export function TicketList({ tickets, columns, selected, onToggle, onToggleAll }: Props) {
  const { t } = useTranslation();
  const title = (tk: Ticket) => (
    <Anchor component={Link} to={`/tickets/${tk.id}`} fw={600} size="sm" data-testid="ticket-link">
      <Text span c="dimmed" size="sm">#{tk.number}</Text> {tk.subject}
    </Anchor>
  );
  const all = tickets.length > 0 && tickets.every((tk) => selected.has(tk.id));
  return (
    <>
      <Table.ScrollContainer minWidth={360 + columns.length * 110} visibleFrom="sm">
        <Table highlightOnHover verticalSpacing="xs" data-testid="tickets-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36}><Checkbox aria-label={t('tickets.selectAll')} checked={all} indeterminate={!all && selected.size > 0} onChange={onToggleAll} /></Table.Th>
              <Table.Th>{t('tickets.fields.subject')}</Table.Th>
              {columns.map((c) => <Table.Th key={c}>{columnLabel(t, c)}</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tickets.map((tk) => (
              <Table.Tr key={tk.id} data-testid="ticket-row">
                <Table.Td><Checkbox aria-label={`#${tk.number}`} checked={selected.has(tk.id)} onChange={() => onToggle(tk.id)} /></Table.Td>
                <Table.Td style={{ maxWidth: 360, overflowWrap: 'anywhere' }}>{title(tk)}</Table.Td>
                {columns.map((c) => <Table.Td key={c} data-column={c}>{ticketCell(t, c, tk)}</Table.Td>)}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <RecordCards
        testId="ticket-cards"
        cards={tickets.map((tk) => ({
          key: tk.id,
          title: <Group gap={6} wrap="nowrap" align="flex-start"><Checkbox size="xs" mt={3} aria-label={`#${tk.number}`} checked={selected.has(tk.id)} onChange={() => onToggle(tk.id)} />{title(tk)}</Group>,
          aside: <StatusBadge status={tk.status} />,
          fields: [
            { label: t('tickets.fields.priority'), value: <PriorityBadge priority={tk.priority} /> },
            { label: t('tickets.fields.assignee'), value: tk.assigneeName ?? t('tickets.unassigned') },
            { label: t('tickets.fields.requester'), value: tk.contactName ?? '—' },
            { label: t('tickets.fields.updated'), value: formatRelative(tk.updatedAt) },
          ],
        }))}
      />
    </>
  );
}
