// Contacts page: search, filters, sortable paged list and the "new contact" form.
import { Button, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconUsers, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import { ExportMenu } from '../../../components/export-menu';
import { EmptyState } from '../../../components/empty-state';
import { PageHeader } from '../../../components/page-header';
import { PagedList } from '../../../components/paged-list';
import { useUrlParams } from '../../../hooks/use-url-params';
import { useContactList } from '../api/get-contacts';
import { ContactFilters } from '../components/contact-filters';
import { ContactsTable } from '../components/contacts-table';
import { CreateContactModal } from '../components/create-contact-modal';
import { BulkActionBar, ColumnChooser, ListCount, SavedViewTabs, useBulkSelection, useListView, useRecordCount, type ListViewConfig } from '../../lists';
import { BulkStageMenu } from '../components/bulk-stage-menu';
import { BUILTIN_COLUMNS, DEFAULT_COLUMNS } from '../components/contact-columns';
import { useModelScoreColumns } from '../../models';

const KEYS = ['q', 'stage', 'owner', 'tag', 'sort', 'company', 'importId', 'segment', 'view'] as const;
const VIEW: ListViewConfig<(typeof KEYS)[number]> = { object: 'contact', filterKeys: { q: 'q', stage: 'lifecycleStage', owner: 'ownerId', tag: 'tag' }, defaultColumns: DEFAULT_COLUMNS };

export function ContactsListRoute() {
  const { t } = useTranslation();
  const [creating, { open, close }] = useDisclosure();
  const [p, setP] = useUrlParams(KEYS, { sort: '-createdAt' });
  const list = useContactList({ q: p.q, lifecycleStage: p.stage, ownerId: p.owner, tag: p.tag, sort: p.sort, companyId: p.company, importId: p.importId, segmentId: p.segment });
  const rows = list.data?.pages.flatMap((pg) => pg.data) ?? [];
  const filtered = Boolean(p.q || p.stage || p.owner || p.tag || p.company || p.importId || p.segment);
  const bulkFilter = { q: p.q, lifecycleStage: p.stage, ownerId: p.owner, tag: p.tag, companyId: p.company, importId: p.importId, segmentId: p.segment };
  const count = useRecordCount('contacts', bulkFilter);
  const view = useListView(VIEW, p, setP);
  const selection = useBulkSelection(rows.map((r) => r.id), bulkFilter);
  const modelColumns = useModelScoreColumns(rows.map((r) => r.id), view.columns);
  const columnOptions = [...BUILTIN_COLUMNS.map((key) => ({ key, label: t(`lists.columns.${key}`) })), ...modelColumns.options.map((o) => ({ key: o.key, label: t('lists.columns.modelScore', { name: o.label }) }))];

  return (
    <>
      <PageHeader
        title={t('nav.contacts')}
        actions={
          <>
            <ExportMenu object="contacts" params={{ q: p.q, lifecycleStage: p.stage, ownerId: p.owner, tag: p.tag, sort: p.sort, companyId: p.company, segmentId: p.segment }} />
            <Button leftSection={<IconPlus size={16} />} onClick={open} data-testid="new-contact">
              {t('contacts.new')}
            </Button>
          </>
        }
      />
      <SavedViewTabs object="contact" active={p.view} current={view.current} onSelect={view.selectView} />
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <ContactFilters values={p} onChange={setP} />
        <Group gap="sm" wrap="nowrap" mt={6}>
          <ListCount count={count.data} />
          <ColumnChooser builtins={columnOptions} value={view.columns} customFields={view.customFields} onChange={view.setColumns} />
        </Group>
      </Group>
      {p.company && (
        <Button variant="light" size="xs" mb="sm" rightSection={<IconX size={14} />} onClick={() => setP({ company: null })}>
          {t('contacts.filteredByCompany')}
        </Button>
      )}
      {p.importId && (
        <Button variant="light" size="xs" mb="sm" ml="xs" rightSection={<IconX size={14} />} onClick={() => setP({ importId: null })} data-testid="filter-import">
          {t('contacts.filteredByImport')}
        </Button>
      )}
      {p.segment && (
        <Button variant="light" size="xs" mb="sm" ml="xs" rightSection={<IconX size={14} />} onClick={() => setP({ segment: null })} data-testid="filter-segment">
          {t('contacts.filteredBySegment')}
        </Button>
      )}
      <PagedList
        query={list}
        shown={rows.length}
        empty={
          <EmptyState
            icon={<IconUsers size={28} />}
            title={filtered ? t('contacts.noMatches') : t('contacts.empty')}
            description={filtered ? t('common.tryOtherFilters') : t('contacts.emptyHint')}
            action={!filtered && <Button onClick={open}>{t('contacts.new')}</Button>}
          />
        }
      >
        <ContactsTable contacts={rows} sort={p.sort} onSort={(sort) => setP({ sort })} selection={selection} columns={view.columns} customFields={view.customFields} modelColumns={{ shown: modelColumns.shown.map((o) => ({ key: o.key, label: t('lists.columns.modelScore', { name: o.label }) })), scoreOf: modelColumns.scoreOf }} />
      </PagedList>
      <BulkActionBar object="contacts" selection={selection} filter={bulkFilter} sort={p.sort} extraActions={(a) => <BulkStageMenu {...a} />} />
      <CreateContactModal opened={creating} onClose={close} onCreated={(c) => {
          close();
          notifications.show({ color: 'green', message: t('contacts.created', { name: c.displayName }) });
        }} />
    </>
  );
}
