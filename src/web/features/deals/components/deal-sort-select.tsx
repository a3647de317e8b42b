// The sort orders the deals list offers (every field the API sorts by, both directions), as one select.
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const FIELDS = ['updatedAt', 'createdAt', 'name', 'amount', 'expectedCloseDate', 'stageEnteredAt'] as const;

export function DealSortSelect({ value, onChange }: { value: string; onChange: (sort: string) => void }) {
  const { t } = useTranslation();
  const data = FIELDS.flatMap((f) => [
    { value: `-${f}`, label: t(`dealSort.${f}.desc`) },
    { value: f, label: t(`dealSort.${f}.asc`) },
  ]);
  return (
    <Select
      label={t('dealSort.label')}
      data={data}
      value={value}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      w={{ base: '100%', xs: 240 }}
      mb="sm"
      data-testid="deal-sort"
    />
  );
}
