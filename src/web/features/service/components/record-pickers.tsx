// Pickers of what a ticket points at, searched on the server: a related deal, an order (the requester's first), and
// another ticket (to merge into).
import { useTranslation } from 'react-i18next';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../types/api';
import type { Ticket } from '../api/tickets';
import { RemoteSelect } from './remote-select';

interface PickerProps { value: string | null; valueLabel?: string | null; onChange: (id: string | null, label: string | null) => void; disabled?: boolean; size?: 'xs' | 'sm' }

export function DealPicker(p: PickerProps) {
  const { t } = useTranslation();
  return (
    <RemoteSelect
      {...p} label={t('tickets.fields.deal')} cacheKey="deals" testId="ticket-deal-picker"
      load={async (q, signal) => (await api.get<Page<{ id: string; name: string }>>('/deals', { q: q || undefined, limit: 20 }, signal)).data.map((d) => ({ value: d.id, label: d.name }))}
    />
  );
}

interface Order { id: string; externalId: string | null; orderedAt: string; total: number; currency: string }

export function OrderPicker({ contactId, ...p }: PickerProps & { contactId: string | null }) {
  const { t, i18n } = useTranslation();
  const label = (o: Order) => `${o.externalId ?? o.orderedAt.slice(0, 10)} · ${new Intl.NumberFormat(i18n.language, { style: 'currency', currency: o.currency }).format(o.total / 100)}`;
  return (
    <RemoteSelect
      {...p} label={t('tickets.fields.order')} cacheKey={`orders:${contactId ?? ''}`} testId="ticket-order-picker" placeholder={contactId ? undefined : t('tickets.orderSearchHint')}
      load={async (q, signal) => (await api.get<Page<Order>>('/orders', { contactId: contactId ?? undefined, q: q || undefined, limit: 20 }, signal)).data.map((o) => ({ value: o.id, label: label(o) }))}
    />
  );
}

/** Tickets to merge this one into: open ones the agent sees, never itself. */
export function TicketPicker({ exclude, ...p }: PickerProps & { exclude: string }) {
  const { t } = useTranslation();
  return (
    <RemoteSelect
      {...p} label={t('tickets.merge.target')} cacheKey={`merge:${exclude}`} testId="merge-target" placeholder={t('tickets.searchPlaceholder')} clearable={false}
      load={async (q, signal) => (await api.get<Page<Ticket>>('/tickets', { q: q || undefined, status: 'new,open,pending,on_hold,solved', limit: 20 }, signal)).data.filter((tk) => tk.id !== exclude).map((tk) => ({ value: tk.id, label: `#${tk.number} ${tk.subject}` }))}
    />
  );
}
