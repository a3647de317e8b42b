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
import { BulkActionBar } from '../components/bulk-action-bar';
import { useBulkSelection } from '../components/use-bulk-selection';
import { useContactCount } from '../api/list-count';
import { ColumnChooser } from '../components/column-chooser';
import { ListCount } from '../components/list-count';
import { SavedViewTabs } from '../components/saved-view-tabs';
import { useListView } from '../components/use-list-view';

const KEYS = ['q', 'stage', 'owner', 'tag', 'sort', 'company', 'importId', 'view'] as const;

export function ContactsListRoute() {
  const { t } = useTranslation();
  const [creating, { open, close }] = useDisclosure();
  const [p, setP] = useUrlParams(KEYS, { sort: '-createdAt' });
  const list = useContactList({ q: p.q, lifecycleStage: p.stage, ownerId: p.owner, tag: p.tag, sort: p.sort, companyId: p.company, importId: p.importId });
  const rows = list.data?.pages.flatMap((pg) => pg.data) ?? [];
  const filtered = Boolean(p.q || p.stage || p.owner || p.tag || p.company || p.importId);
  const bulkFilter = { q: p.q, lifecycleStage: p.stage, ownerId: p.owner, tag: p.tag, companyId: p.company, importId: p.importId };
  const total = (list.data?.pages[0] as { total?: number } | undefined)?.total ?? null;
  const count = useContactCount({ q: p.q, lifecycleStage: p.stage, ownerId: p.owner, tag: p.tag, companyId: p.company, importId: p.importId });
  const view = useListView(p, setP);
  const selection = useBulkSelection(rows.map((r) => r.id), bulkFilter, total);

  return (
    <>
      <PageHeader
        title={t('nav.contacts')}
        actions={
          <>
            <ExportMenu object="contacts" params={{ q: p.q, lifecycleStage: p.stage, ownerId: p.owner, tag: p.tag, sort: p.sort, companyId: p.company }} />
            <Button leftSection={<IconPlus size={16} />} onClick={open} data-testid="new-contact">
              {t('contacts.new')}
            </Button>
          </>
        }
      />
      <SavedViewTabs active={p.view} current={view.current} onSelect={view.selectView} />
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <ContactFilters values={p} onChange={setP} />
        <Group gap="sm" wrap="nowrap" mt={6}>
          <ListCount count={count.data} />
          <ColumnChooser value={view.columns} customFields={view.customFields} onChange={view.setColumns} />
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
        <ContactsTable contacts={rows} sort={p.sort} onSort={(sort) => setP({ sort })} selection={selection} columns={view.columns} customFields={view.customFields} />
      </PagedList>
      <BulkActionBar selection={selection} filter={bulkFilter} total={total} />
      <CreateContactModal opened={creating} onClose={close} onCreated={(c) => {
          close();
          notifications.show({ color: 'green', message: t('contacts.created', { name: c.displayName }) });
        }} />
    </>
  );
}
