// Search and filters above the contacts list.
import { Group, Select } from '@mantine/core';
import { IconTag } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SearchInput } from '../../../components/search-input';
import { LIFECYCLE_STAGES } from '../../../types/api';
import { FilterInput, OwnerFilter } from '../../lists';

export interface ContactFilterValues {
  q: string;
  stage: string;
  owner: string;
  tag: string;
}

interface Props {
  values: ContactFilterValues;
  onChange: (patch: Partial<ContactFilterValues>) => void;
}

export function ContactFilters({ values, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" mb="md" wrap="wrap" align="flex-end">
      <SearchInput value={values.q} onChange={(q) => onChange({ q })} placeholder={t('contacts.searchPlaceholder')} />
      <Select
        aria-label={t('contacts.stage')}
        placeholder={t('contacts.allStages')}
        data={LIFECYCLE_STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
        value={values.stage || null}
        onChange={(v) => onChange({ stage: v ?? '' })}
        clearable
        w={170}
      />
      <FilterInput label={t('common.tag')} icon={<IconTag size={14} />} value={values.tag} onChange={(tag) => onChange({ tag })} />
      <OwnerFilter value={values.owner} onChange={(owner) => onChange({ owner })} />
    </Group>
  );
}
