// Tabs over the ticket list: built-in views (open, mine, unassigned) and the saved views; the current filters can be
// saved as a new view (with the sort and the columns shown).
import { ActionIcon, Button, Group, Popover, Tabs, TextInput, Tooltip } from '@mantine/core';
import { IconDeviceFloppy, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketFilters } from '../api/tickets';
import { useDeleteTicketView, useSaveTicketView, useTicketViews } from '../api/ticket-views';
import { ACTIVE } from './ticket-filters';

export const BUILT_IN: Record<string, TicketFilters> = {
  open: { status: ACTIVE },
  mine: { status: ACTIVE, assigneeId: 'me' },
  unassigned: { status: ACTIVE, assigneeId: 'unassigned' },
};

interface Props { view: string; filters: TicketFilters; sort: string; columns: string[]; onView: (view: string, filters: TicketFilters, sort?: string, columns?: string[] | null) => void }

export function TicketViewTabs({ view, filters, sort, columns, onView }: Props) {
  const { t } = useTranslation();
  const views = useTicketViews().data ?? [];
  const save = useSaveTicketView();
  const remove = useDeleteTicketView();
  const [name, setName] = useState('');
  const [open, setOpen] = useState(false);
  const pick = (v: string | null) => {
    if (!v) return;
    if (BUILT_IN[v]) return onView(v, BUILT_IN[v]!);
    const saved = views.find((x) => x.id === v);
    if (saved) onView(v, saved.state.filters as TicketFilters, saved.state.sort ?? undefined, saved.state.columns);
  };
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Tabs value={view} onChange={pick} variant="pills" style={{ overflowX: 'auto', minWidth: 0 }} data-testid="ticket-views">
        <Tabs.List style={{ flexWrap: 'nowrap' }}>
          {Object.keys(BUILT_IN).map((k) => <Tabs.Tab key={k} value={k}>{t(`tickets.views.${k}`)}</Tabs.Tab>)}
          {views.map((v) => (
            <Tabs.Tab key={v.id} value={v.id} rightSection={v.mine && view === v.id ? <IconX size={12} aria-label={t('tickets.deleteView')} onClick={(e) => { e.stopPropagation(); remove.mutate(v.id); onView('open', BUILT_IN.open!); }} /> : null}>{v.name}</Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Popover opened={open} onChange={setOpen} position="bottom-end">
        <Popover.Target>
          <Tooltip label={t('tickets.saveView')}><ActionIcon variant="light" onClick={() => setOpen((o) => !o)} aria-label={t('tickets.saveView')}><IconDeviceFloppy size={16} /></ActionIcon></Tooltip>
        </Popover.Target>
        <Popover.Dropdown>
          <Group gap="xs" wrap="nowrap">
            <TextInput size="xs" value={name} onChange={(e) => setName(e.currentTarget.value)} placeholder={t('tickets.viewName')} aria-label={t('tickets.viewName')} />
            <Button size="xs" disabled={!name.trim()} loading={save.isPending} onClick={() => save.mutate({ name: name.trim(), filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>, sort, columns }, { onSuccess: (v) => { setOpen(false); setName(''); onView(v.id, filters, sort, columns); } })}>{t('tickets.save')}</Button>
          </Group>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}
