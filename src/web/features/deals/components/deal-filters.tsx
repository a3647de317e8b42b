// Board and table filters: pipeline, owner (me, everyone or — for admins — a person) and close month.
import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUserDirectory } from '../../../api/shared-queries';
import type { Pipeline } from '../api/deal-types';
import { displayName } from '../../../lib/default-names';
import { MonthField } from '../../../components/date-fields';

interface Props {
  pipelines: Pipeline[];
  values: { pipeline: string; owner: string; month: string };
  onChange: (patch: Partial<Record<'pipeline' | 'owner' | 'month', string | null>>) => void;
}

export function DealFiltersBar({ pipelines, values, onChange }: Props) {
  const { t } = useTranslation();
  const users = useUserDirectory();
  const owners = [
    { value: 'me', label: t('common.mine') },
    ...(users.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name })),
  ];
  return (
    <Group gap="sm" mb="md" wrap="wrap" align="flex-end">
      <Select
        label={t('deals.pipeline')}
        data={pipelines.map((p) => ({ value: p.id, label: displayName(p.name, t) }))}
        value={values.pipeline}
        onChange={(v) => onChange({ pipeline: v })}
        allowDeselect={false}
        w={{ base: '100%', xs: 220 }}
        data-testid="pipeline-picker"
      />
      <Select
        label={t('common.owner')}
        placeholder={t('common.everyone')}
        data={owners}
        value={values.owner || null}
        onChange={(v) => onChange({ owner: v })}
        clearable
        searchable
        w={{ base: '100%', xs: 200 }}
      />
      <MonthField
        label={t('deals.closeMonth')}
        clearable
        value={values.month}
        onChange={(v) => onChange({ month: v || null })}
        w={{ base: '100%', xs: 180 }}
        data-testid="close-month-filter"
      />
    </Group>
  );
}
