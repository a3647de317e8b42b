// The companies list's filters: search, industry, tag and owner.
import { Group } from '@mantine/core';
import { IconTag } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SearchInput } from '../../../components/search-input';
import { FilterInput, OwnerFilter } from '../../lists';

type Key = 'q' | 'industry' | 'owner' | 'tag';

export function CompanyFilters({ values, onChange }: { values: Record<Key, string>; onChange: (patch: Partial<Record<Key, string>>) => void }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" mb="md" wrap="wrap" align="flex-end">
      <SearchInput value={values.q} onChange={(q) => onChange({ q })} placeholder={t('companies.searchPlaceholder')} />
      <FilterInput label={t('companies.industry')} value={values.industry} onChange={(industry) => onChange({ industry })} w={160} />
      <FilterInput label={t('common.tag')} icon={<IconTag size={14} />} value={values.tag} onChange={(tag) => onChange({ tag })} />
      <OwnerFilter value={values.owner} onChange={(owner) => onChange({ owner })} />
    </Group>
  );
}
