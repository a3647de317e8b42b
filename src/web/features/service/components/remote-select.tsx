// A searchable select whose options come from the server as the user types (a deal, an order, a ticket to merge into);
// the current value keeps its label while the search finds other records.
import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface RemoteOption { value: string; label: string }

interface Props {
  label: string;
  value: string | null;
  /** The label of the current value (from the record that points at it). */
  valueLabel?: string | null;
  onChange: (id: string | null, label: string | null) => void;
  /** Distinguishes this picker's cached searches ('deals', 'orders:<contact>'). */
  cacheKey: string;
  load: (q: string, signal: AbortSignal) => Promise<RemoteOption[]>;
  placeholder?: string;
  disabled?: boolean;
  clearable?: boolean;
  testId?: string;
  size?: 'xs' | 'sm';
}

export function RemoteSelect({ label, value, valueLabel, onChange, cacheKey, load, placeholder, disabled, clearable = true, testId, size = 'sm' }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({ queryKey: ['remote-select', cacheKey, q], queryFn: ({ signal }) => load(q, signal), placeholderData: keepPreviousData, enabled: !disabled, retry: false });
  const [picked, setPicked] = useState<RemoteOption | null>(null);
  const options = [...(found.data ?? [])];
  const current = picked?.value === value ? picked : value && valueLabel ? { value, label: valueLabel } : null;
  if (current && !options.some((o) => o.value === current.value)) options.unshift(current);
  return (
    <Select
      label={label} size={size} searchable clearable={clearable} disabled={disabled} value={value} data={options} placeholder={placeholder}
      searchValue={search} onSearchChange={setSearch} filter={({ options: o }) => o} data-testid={testId}
      nothingFoundMessage={found.isFetching ? undefined : t('tickets.nothingFound')}
      rightSection={found.isFetching ? <Loader size="xs" /> : undefined}
      onChange={(v, option) => { setPicked(v && option ? { value: v, label: option.label } : null); onChange(v, option?.label ?? null); }}
    />
  );
}
