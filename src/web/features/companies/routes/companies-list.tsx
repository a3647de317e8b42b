// Companies page: search, filters, sortable paged list and the "new company" form.
import { Button, Group, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBuilding, IconPlus, IconTag } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { PageHeader } from '../../../components/page-header';
import { PagedList } from '../../../components/paged-list';
import { SearchInput } from '../../../components/search-input';
import { ExportMenu } from '../../../components/export-menu';
import { useUrlParams } from '../../../hooks/use-url-params';
import { useCompanyList } from '../api/companies';
import { CompaniesTable } from '../components/companies-table';
import { CreateCompanyModal } from '../components/create-company-modal';
import { ListCount, OwnerFilter } from '../../contacts';
import { useCompanyCount } from '../api/company-count';

const KEYS = ['q', 'industry', 'owner', 'tag', 'sort'] as const;

export function CompaniesListRoute() {
  const { t } = useTranslation();
  const [creating, { open, close }] = useDisclosure();
  const [p, setP] = useUrlParams(KEYS, { sort: '-createdAt' });
  const list = useCompanyList({ q: p.q, industry: p.industry, ownerId: p.owner, tag: p.tag, sort: p.sort });
  const count = useCompanyCount({ q: p.q, industry: p.industry, ownerId: p.owner, tag: p.tag });
  const rows = list.data?.pages.flatMap((pg) => pg.data) ?? [];
  const filtered = Boolean(p.q || p.industry || p.owner || p.tag);
  const commit = (key: 'industry' | 'tag') => ({
    defaultValue: p[key],
    key: `${key}-${p[key]}`,
    onBlur: (e: React.FocusEvent<HTMLInputElement>) => setP({ [key]: e.currentTarget.value.trim() }),
    onKeyDown: (e: React.KeyboardEvent<HTMLInputElement>) => {
      if (e.key === 'Enter') setP({ [key]: e.currentTarget.value.trim() });
    },
  });

  return (
    <>
      <PageHeader title={t('nav.companies')} actions={<><ExportMenu object="companies" params={{ q: p.q, industry: p.industry, ownerId: p.owner, tag: p.tag, sort: p.sort }} /><Button leftSection={<IconPlus size={16} />} onClick={open} data-testid="new-company">{t('companies.new')}</Button></>} />
      <Group gap="sm" mb="md" wrap="wrap" align="center">
        <SearchInput value={p.q} onChange={(q) => setP({ q })} placeholder={t('companies.searchPlaceholder')} />
        <TextInput aria-label={t('companies.industry')} placeholder={t('companies.industry')} w={160} {...commit('industry')} />
        <TextInput aria-label={t('common.tag')} placeholder={t('common.tag')} leftSection={<IconTag size={14} />} w={150} {...commit('tag')} />
        <OwnerFilter value={p.owner} onChange={(owner) => setP({ owner })} />
        <ListCount noun="company" count={count.data} />
      </Group>
      <PagedList
        query={list}
        shown={rows.length}
        empty={
          <EmptyState
            icon={<IconBuilding size={28} />}
            title={filtered ? t('companies.noMatches') : t('companies.empty')}
            description={filtered ? t('common.tryOtherFilters') : t('companies.emptyHint')}
            action={!filtered && <Button onClick={open}>{t('companies.new')}</Button>}
          />
        }
      >
        <CompaniesTable companies={rows} sort={p.sort} onSort={(sort) => setP({ sort })} />
      </PagedList>
      <CreateCompanyModal
        opened={creating}
        onClose={close}
        onCreated={(c) => {
          close();
          notifications.show({ color: 'green', message: t('companies.created', { name: c.name }) });
        }}
      />
    </>
  );
}
