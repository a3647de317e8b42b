// Searchable contact select for household corrections (type to search; 20 choices at a time).
import { useState } from 'react';
import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useContactOptions } from '../api/households';

interface Props {
  label?: string;
  exclude?: string[];
  onPick: (id: string, name: string) => void;
}

export function ContactPicker({ label, exclude = [], onPick }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const options = useContactOptions(debounced);
  const data = (options.data ?? [])
    .filter((c) => !exclude.includes(c.id))
    .map((c) => ({ value: c.id, label: c.emails[0] ? `${c.displayName} · ${c.emails[0]}` : c.displayName, name: c.displayName }));

  return (
    <Select
      label={label}
      placeholder={t('households.pickContact')}
      searchable
      value={null}
      searchValue={search}
      filter={({ options: o }) => o}
      nothingFoundMessage={options.isFetching ? undefined : t('search.noResults')}
      data={data}
      onSearchChange={setSearch}
      onChange={(id) => {
        const c = data.find((d) => d.value === id);
        if (c) onPick(c.value, c.name);
        setSearch('');
      }}
      rightSection={options.isFetching ? <Loader size="xs" /> : undefined}
      data-testid="contact-picker"
    />
  );
}
