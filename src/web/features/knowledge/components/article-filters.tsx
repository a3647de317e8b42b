// The knowledge list's filters, kept in the URL: search (any language), status, language and category.
import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SearchInput } from '../../../components/search-input';
import { useCategories } from '../api/knowledge';
import { categoryName } from './category-name';

type Key = 'q' | 'status' | 'language' | 'categoryId';

export function ArticleFilters({ values, onChange }: { values: Record<Key, string>; onChange: (patch: Partial<Record<Key, string | null>>) => void }) {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  const w = { base: '100%', xs: 170 };
  return (
    <Group gap="sm" mb="md" wrap="wrap" align="flex-end">
      <SearchInput value={values.q} onChange={(q) => onChange({ q })} placeholder={t('knowledge.search')} />
      <Select
        aria-label={t('knowledge.statusLabel')}
        placeholder={t('knowledge.anyStatus')}
        data={[{ value: 'draft', label: t('knowledge.status.draft') }, { value: 'published', label: t('knowledge.status.published') }]}
        value={values.status || null}
        onChange={(status) => onChange({ status })}
        clearable
        w={w}
        data-testid="status-filter"
      />
      <Select
        aria-label={t('knowledge.languageLabel')}
        placeholder={t('knowledge.anyLanguage')}
        data={[{ value: 'en', label: t('knowledge.languages.en') }, { value: 'zh-CN', label: t('knowledge.languages.zh-CN') }]}
        value={values.language || null}
        onChange={(language) => onChange({ language })}
        clearable
        w={w}
      />
      <Select
        aria-label={t('knowledge.categoryLabel')}
        placeholder={t('knowledge.anyCategory')}
        data={(categories.data ?? []).map((c) => ({ value: c.id, label: categoryName(c, i18n.language) }))}
        value={values.categoryId || null}
        onChange={(categoryId) => onChange({ categoryId })}
        clearable
        w={w}
        data-testid="category-filter"
      />
    </Group>
  );
}
