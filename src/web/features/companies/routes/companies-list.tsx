// Companies page: saved views as tabs, search and filters, the count and column chooser, a sortable paged list with
// bulk selection and actions, and the "new company" form.
import { Button, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBuilding, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { PageHeader } from '../../../components/page-header';
import { PagedList } from '../../../components/paged-list';
import { ExportMenu } from '../../../components/export-menu';
import { useUrlParams } from '../../../hooks/use-url-params';
import { useCompanyList } from '../api/companies';
import { CompaniesTable } from '../components/companies-table';
import { CompanyFilters } from '../components/company-filters';
import { COMPANY_COLUMNS, DEFAULT_COMPANY_COLUMNS, type CompanyColumn } from '../components/company-columns';
import { CreateCompanyModal } from '../components/create-company-modal';
import { BulkActionBar, ColumnChooser, ListCount, SavedViewTabs, useBulkSelection, useListView, useRecordCount, type ListViewConfig } from '../../lists';

const KEYS = ['q', 'industry', 'owner', 'tag', 'sort', 'view'] as const;
const VIEW: ListViewConfig<(typeof KEYS)[number]> = { object: 'company', filterKeys: { q: 'q', industry: 'industry', owner: 'ownerId', tag: 'tag' }, defaultColumns: DEFAULT_COMPANY_COLUMNS };

export function CompaniesListRoute() {
  const { t } = useTranslation();
  const [creating, { open, close }] = useDisclosure();
  const [p, setP] = useUrlParams(KEYS, { sort: '-createdAt' });
  const filter = { q: p.q, industry: p.industry, ownerId: p.owner, tag: p.tag };
  const list = useCompanyList({ ...filter, sort: p.sort });
  const count = useRecordCount('companies', filter);
  const rows = list.data?.pages.flatMap((pg) => pg.data) ?? [];
  const filtered = Boolean(p.q || p.industry || p.owner || p.tag);
  const view = useListView(VIEW, p, setP);
  const selection = useBulkSelection(rows.map((r) => r.id), filter);
  const columnOptions = (Object.keys(COMPANY_COLUMNS) as CompanyColumn[]).map((key) => ({ key, label: t(COMPANY_COLUMNS[key]) }));

  return (
    <>
      <PageHeader title={t('nav.companies')} actions={<><ExportMenu object="companies" params={{ ...filter, sort: p.sort }} /><Button leftSection={<IconPlus size={16} />} onClick={open} data-testid="new-company">{t('companies.new')}</Button></>} />
      <SavedViewTabs object="company" active={p.view} current={view.current} onSelect={view.selectView} />
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <CompanyFilters values={p} onChange={setP} />
        <Group gap="sm" wrap="nowrap" mt={6}>
          <ListCount noun="company" count={count.data} />
          <ColumnChooser builtins={columnOptions} value={view.columns} customFields={view.customFields} onChange={view.setColumns} />
        </Group>
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
        <CompaniesTable companies={rows} sort={p.sort} onSort={(sort) => setP({ sort })} selection={selection} columns={view.columns} customFields={view.customFields} />
      </PagedList>
      <BulkActionBar object="companies" selection={selection} filter={filter} sort={p.sort} />
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
