// Owner filter of a list: everyone, mine, or any colleague from the directory.
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUserDirectory } from '../../../api/shared-queries';

export function OwnerFilter({ value, onChange }: { value: string; onChange: (owner: string) => void }) {
  const { t } = useTranslation();
  const users = useUserDirectory().data ?? [];
  const data = [
    { value: 'me', label: t('common.mine') },
    ...users.filter((u) => u.active || u.id === value).map((u) => ({ value: u.id, label: u.name })),
  ];
  return (
    <Select
      aria-label={t('common.owner')}
      placeholder={t('lists.anyOwner')}
      data={data}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      searchable
      clearable
      w={180}
      data-testid="owner-filter"
    />
  );
}
