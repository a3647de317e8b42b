// Search box that reports its value after the user pauses typing.
import { useEffect, useState } from 'react';
import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface Props {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
}

export function SearchInput({ value, onChange, placeholder }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const [debounced] = useDebouncedValue(draft, 300);
  useEffect(() => {
    if (debounced.trim() !== value) onChange(debounced.trim());
    // only react to the debounced text, not to parent re-renders
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  useEffect(() => {
    if (value !== draft.trim()) setDraft(value);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <TextInput
      type="search"
      aria-label={placeholder}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} />}
      rightSection={draft ? <CloseButton size="sm" onClick={() => setDraft('')} aria-label={t('common.clear')} /> : null}
      value={draft}
      onChange={(e) => setDraft(e.currentTarget.value)}
      style={{ flex: '1 1 220px' }}
      data-testid="list-search"
    />
  );
}
