// Picks the contact, company or deal a new task is about, searching them as the user types (deals only for users who
// may read them: the deals query simply finds nothing otherwise).
import { useState } from 'react';
import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../lib/api-client';

export interface PickedRecord {
  contactId?: string;
  companyId?: string;
  dealId?: string;
}

interface Found {
  contacts: { id: string; displayName: string; companyName?: string | null }[];
  companies: { id: string; name: string }[];
}

export function RecordPicker({ value, onChange, error }: { value: string | null; onChange: (key: string | null, record: PickedRecord) => void; error?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({ queryKey: ['record-picker', q], queryFn: ({ signal }) => api.get<Found>('/search', { q }, signal), enabled: q.length > 0 });
  const deals = useQuery({ queryKey: ['record-picker', 'deals', q], queryFn: ({ signal }) => api.get<{ data: { id: string; name: string }[] }>('/deals', { q, limit: 8 }, signal), enabled: q.length > 0, retry: false });
  const data = [
    { group: t('nav.contacts'), items: (found.data?.contacts ?? []).map((c) => ({ value: `contact:${c.id}`, label: c.companyName ? `${c.displayName} · ${c.companyName}` : c.displayName })) },
    { group: t('nav.companies'), items: (found.data?.companies ?? []).map((c) => ({ value: `company:${c.id}`, label: c.name })) },
    { group: t('nav.deals'), items: (deals.data?.data ?? []).map((d) => ({ value: `deal:${d.id}`, label: d.name })) },
  ].filter((g) => g.items.length);
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  if (picked && value === picked.value && !data.some((g) => g.items.some((i) => i.value === picked.value))) data.unshift({ group: '', items: [picked] });

  return (
    <Select
      label={t('tasks.about')}
      placeholder={t('tasks.aboutPlaceholder')}
      required
      searchable
      data={data}
      value={value}
      error={error}
      filter={({ options }) => options}
      onSearchChange={setSearch}
      nothingFoundMessage={q && !found.isFetching ? t('search.noResults') : undefined}
      rightSection={found.isFetching || deals.isFetching ? <Loader size="xs" /> : undefined}
      data-testid="task-record-picker"
      onChange={(key, option) => {
        setPicked(key && option ? { value: key, label: option.label } : null);
        const [kind, id] = (key ?? ':').split(':');
        onChange(key, kind === 'contact' ? { contactId: id } : kind === 'company' ? { companyId: id } : kind === 'deal' ? { dealId: id } : {});
      }}
    />
  );
}
