// Picks a requester by searching contacts as the agent types (only contacts they may see are offered).
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../lib/api-client';
import type { Contact, Page } from '../../../types/api';

export function ContactSelect({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const found = useQuery({
    queryKey: ['contacts', 'pick', q],
    queryFn: ({ signal }) => api.get<Page<Contact>>('/contacts', { q: q || undefined, limit: 20 }, signal),
    placeholderData: keepPreviousData,
  });
  const data = (found.data?.data ?? []).map((c) => ({ value: c.id, label: c.displayName }));
  return (
    <Select
      label={t('tickets.fields.requester')} searchable clearable value={value} onChange={onChange} data={data} data-testid="ticket-requester"
      searchValue={search} onSearchChange={setSearch} filter={({ options }) => options} nothingFoundMessage={t('tickets.noContacts')}
    />
  );
}
