// Above the ticket list: the sort (field and direction) and the column chooser shared with the contacts list.
import { ActionIcon, Group, Select, Tooltip } from '@mantine/core';
import { IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ColumnChooser } from '../../lists';
import { columnLabel, TICKET_COLUMNS } from './ticket-columns';

export const TICKET_SORTS = ['createdAt', 'updatedAt', 'number', 'priority', 'status'] as const;
const COLUMNS_KEY = 'rapport.tickets.columns';

/** This browser's column choice for the ticket list (a saved view's own columns win while it is open). */
export function storedTicketColumns(): string[] | null {
  try {
    const v = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? 'null');
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : null;
  } catch {
    return null;
  }
}
export const storeTicketColumns = (cols: string[]) => localStorage.setItem(COLUMNS_KEY, JSON.stringify(cols));

interface Props { sort: string; onSort: (sort: string) => void; columns: string[]; onColumns: (cols: string[]) => void }

export function TicketListControls({ sort, onSort, columns, onColumns }: Props) {
  const { t } = useTranslation();
  const desc = sort.startsWith('-');
  const field = desc ? sort.slice(1) : sort;
  return (
    <Group gap="xs" wrap="nowrap">
      <Select
        size="sm" w={170} allowDeselect={false} value={field} aria-label={t('tickets.sortBy')} data-testid="ticket-sort"
        onChange={(v) => v && onSort(desc ? `-${v}` : v)} data={TICKET_SORTS.map((s) => ({ value: s, label: t(`tickets.sorts.${s}`) }))}
      />
      <Tooltip label={t(desc ? 'tickets.sortDesc' : 'tickets.sortAsc')}>
        <ActionIcon variant="default" size="lg" aria-label={t(desc ? 'tickets.sortDesc' : 'tickets.sortAsc')} data-testid="ticket-sort-direction" onClick={() => onSort(desc ? field : `-${field}`)}>
          {desc ? <IconSortDescending size={16} /> : <IconSortAscending size={16} />}
        </ActionIcon>
      </Tooltip>
      <ColumnChooser builtins={TICKET_COLUMNS.map((key) => ({ key, label: columnLabel(t, key) }))} value={columns} onChange={onColumns} />
    </Group>
  );
}
