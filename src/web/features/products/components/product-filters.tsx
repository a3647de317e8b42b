// Catalogue filters kept in the URL: search (SKU or either name), category, and active / inactive / all.
import { Group, SegmentedControl, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SearchInput } from '../../../components/search-input';
import { useProductCategories } from '../api/products';

type Key = 'q' | 'category' | 'active';

export function ProductFilters({ values, onChange }: { values: Record<Key, string>; onChange: (patch: Partial<Record<Key, string | null>>) => void }) {
  const { t } = useTranslation();
  const categories = useProductCategories();
  return (
    <Group gap="sm" mb="md" wrap="wrap" align="flex-end">
      <SearchInput value={values.q} onChange={(q) => onChange({ q })} placeholder={t('products.search')} />
      <Select
        aria-label={t('products.category')}
        placeholder={t('products.allCategories')}
        data={categories.data ?? []}
        value={values.category || null}
        onChange={(category) => onChange({ category })}
        clearable
        searchable
        w={{ base: '100%', xs: 200 }}
        data-testid="category-filter"
      />
      <SegmentedControl
        value={values.active}
        onChange={(active) => onChange({ active })}
        data={[
          { value: 'true', label: t('products.activeOnly') },
          { value: 'false', label: t('products.inactiveOnly') },
          { value: 'all', label: t('products.all') },
        ]}
        data-testid="active-filter"
      />
    </Group>
  );
}
