// Picks a contact by typing part of the name or e-mail (for "preview as").
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../lib/api-client';

export function ContactSelect({ label, value, onChange }: { label: string; value: string | null; onChange: (id: string | null) => void }) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const found = useQuery({ queryKey: ['campaigns', 'contact-search', q], queryFn: () => api.get<{ data: { id: string; displayName: string; emails: string[] }[] }>('/contacts', { q: q || undefined, limit: 10 }).then((r) => r.data) });
  const data = (found.data ?? []).map((c) => ({ value: c.id, label: c.emails[0] ? `${c.displayName} <${c.emails[0]}>` : c.displayName }));
  return <Select label={label} searchable clearable data={data} value={value} onChange={onChange} searchValue={search} onSearchChange={setSearch} filter={({ options }) => options} nothingFoundMessage="—" data-testid="preview-contact" />;
}
