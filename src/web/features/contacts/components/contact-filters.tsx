// Search and filters above the contacts list.
import { Group, Select, TextInput } from '@mantine/core';
import { IconTag } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SearchInput } from '../../../components/search-input';
import { LIFECYCLE_STAGES } from '../../../types/api';
import { OwnerFilter } from './owner-filter';

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
      <TextInput
        aria-label={t('common.tag')}
        placeholder={t('common.tag')}
        leftSection={<IconTag size={14} />}
        defaultValue={values.tag}
        key={values.tag}
        onBlur={(e) => onChange({ tag: e.currentTarget.value.trim() })}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onChange({ tag: e.currentTarget.value.trim() });
        }}
        w={150}
      />
      <OwnerFilter value={values.owner} onChange={(owner) => onChange({ owner })} />
    </Group>
  );
}
