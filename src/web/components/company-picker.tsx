// Searchable company select backed by the server (type to search; only 20 choices are loaded at a time).
import { useState } from 'react';
import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useCompanyOptions } from '../api/shared-queries';

interface Props {
  value: string | null;
  initialLabel?: string | null;
  onChange: (id: string | null, name: string | null) => void;
  label?: string;
  error?: string;
  autoFocus?: boolean;
  onBlur?: () => void;
  size?: 'xs' | 'sm';
}

export function CompanyPicker({ value, initialLabel, onChange, label, error, autoFocus, onBlur, size }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const options = useCompanyOptions(debounced);
  const data = (options.data ?? []).map((c) => ({ value: c.id, label: c.name }));
  if (value && initialLabel && !data.some((d) => d.value === value)) data.unshift({ value, label: initialLabel });

  return (
    <Select
      label={label}
      size={size}
      error={error}
      autoFocus={autoFocus}
      defaultDropdownOpened={autoFocus}
      onBlur={onBlur}
      placeholder={t('contacts.pickCompany')}
      searchable
      clearable
      allowDeselect={false}
      filter={({ options: o }) => o}
      nothingFoundMessage={options.isFetching ? undefined : t('search.noResults')}
      data={data}
      value={value}
      onSearchChange={setSearch}
      onChange={(id, option) => onChange(id, option?.label ?? null)}
      rightSection={options.isFetching ? <Loader size="xs" /> : undefined}
    />
  );
}
