// The ticket list's filters: search, status group, priority, assignee (me, unassigned, a colleague) and channel.
import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SearchInput } from '../../../components/search-input';
import { useUserDirectory } from '../../../api/shared-queries';
import { TICKET_CHANNELS, TICKET_PRIORITIES, type TicketFilters } from '../api/tickets';

export const ACTIVE = 'new,open,pending,on_hold';

export function TicketFiltersBar({ value, onChange }: { value: TicketFilters; onChange: (f: TicketFilters) => void }) {
  const { t } = useTranslation();
  const users = useUserDirectory().data ?? [];
  const set = (k: keyof TicketFilters) => (v: string | null) => onChange({ ...value, [k]: v ?? undefined });
  return (
    <Group gap="xs" wrap="wrap" data-testid="ticket-filters">
      <div style={{ flex: '1 1 200px', minWidth: 160 }}><SearchInput value={value.q ?? ''} onChange={(q) => onChange({ ...value, q })} placeholder={t('tickets.searchPlaceholder')} /></div>
      <Select
        w={150} size="sm" aria-label={t('tickets.fields.status')} value={value.status ?? ''} onChange={(v) => set('status')(v || null)} allowDeselect={false}
        data={[{ value: ACTIVE, label: t('tickets.statusGroups.active') }, { value: '', label: t('tickets.statusGroups.all') }, ...['new', 'open', 'pending', 'on_hold', 'solved', 'closed'].map((s) => ({ value: s, label: t(`tickets.status.${s}`) }))]}
      />
      <Select w={130} size="sm" clearable placeholder={t('tickets.fields.priority')} aria-label={t('tickets.fields.priority')} value={value.priority ?? null} onChange={set('priority')} data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priority.${p}`) }))} />
      <Select
        w={160} size="sm" clearable searchable placeholder={t('tickets.fields.assignee')} aria-label={t('tickets.fields.assignee')} value={value.assigneeId ?? null} onChange={set('assigneeId')} data-testid="filter-assignee"
        data={[{ value: 'me', label: t('tickets.assignedToMe') }, { value: 'unassigned', label: t('tickets.unassigned') }, ...users.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))]}
      />
      <Select w={120} size="sm" clearable placeholder={t('tickets.fields.channel')} aria-label={t('tickets.fields.channel')} value={value.channel ?? null} onChange={set('channel')} data={TICKET_CHANNELS.map((c) => ({ value: c, label: t(`tickets.channel.${c}`) }))} />
    </Group>
  );
}
