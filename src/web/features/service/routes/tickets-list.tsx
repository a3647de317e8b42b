// The Tickets page: view tabs (built-in and saved), filters, count, sort and columns, the list with bulk actions, and
// "New ticket".
import { Button, Group, Stack } from '@mantine/core';
import { IconPlus, IconTicket } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { PageHeader } from '../../../components/page-header';
import { PagedList } from '../../../components/paged-list';
import { useMe } from '../../auth';
import { ListCount } from '../../lists';
import { useTicketCount, useTickets, type TicketFilters } from '../api/tickets';
import { NewTicketModal } from '../components/new-ticket-modal';
import { TicketBulkBar } from '../components/ticket-bulk-bar';
import { TicketFiltersBar } from '../components/ticket-filters';
import { TicketList } from '../components/ticket-list';
import { DEFAULT_TICKET_COLUMNS } from '../components/ticket-columns';
import { storedTicketColumns, storeTicketColumns, TicketListControls } from '../components/ticket-list-controls';
import { BUILT_IN, TicketViewTabs } from '../components/ticket-view-tabs';

export function TicketsListRoute() {
  const { t } = useTranslation();
  const me = useMe().data;
  const [view, setView] = useState('open');
  const [filters, setFilters] = useState<TicketFilters>(BUILT_IN.open!);
  const [sort, setSort] = useState('-createdAt');
  const [local, setLocal] = useState<string[]>(() => storedTicketColumns() ?? DEFAULT_TICKET_COLUMNS);
  // A saved view shows its own columns; changing them while it is open stays on this page until saved as a view.
  const [viewColumns, setViewColumns] = useState<string[] | null>(null);
  const columns = viewColumns ?? local;
  const setColumns = (cols: string[]) => { if (viewColumns) setViewColumns(cols); else { setLocal(cols); storeTicketColumns(cols); } };
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const list = useTickets(filters, sort);
  const count = useTicketCount(filters);
  const tickets = list.data?.pages.flatMap((p) => p.data) ?? [];
  const toggle = (id: string) => setSelected((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  const toggleAll = () => setSelected((s) => (tickets.every((tk) => s.has(tk.id)) ? new Set() : new Set(tickets.map((tk) => tk.id))));
  return (
    <Stack data-testid="tickets-page">
      <PageHeader title={t('nav.tickets')} actions={<Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="new-ticket">{t('tickets.new')}</Button>} />
      <TicketViewTabs view={view} filters={filters} sort={sort} columns={columns} onView={(v, f, s, cols) => { setView(v); setFilters(f); if (s) setSort(s); setViewColumns(cols ?? null); setSelected(new Set()); }} />
      <TicketFiltersBar value={filters} onChange={(f) => { setFilters(f); setView(''); setSelected(new Set()); }} />
      <Group justify="space-between" wrap="wrap" gap="xs">
        <ListCount count={count.data} noun="ticket" />
        <TicketListControls sort={sort} onSort={setSort} columns={columns} onColumns={setColumns} />
      </Group>
      {me && <TicketBulkBar ids={[...selected]} meId={me.id} onDone={() => setSelected(new Set())} />}
      <PagedList query={list} shown={tickets.length} empty={<EmptyState icon={<IconTicket size={28} />} title={t('tickets.empty')} description={t('tickets.emptyHint')} />}>
        <TicketList tickets={tickets} columns={columns} selected={selected} onToggle={toggle} onToggleAll={toggleAll} />
      </PagedList>
      {creating && <NewTicketModal opened onClose={() => setCreating(false)} />}
    </Stack>
  );
}
