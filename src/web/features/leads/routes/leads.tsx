// Leads page: everyone's / my / unassigned leads, status filter, search, sort by score; score breakdown per row.
import { Group, SegmentedControl, Select } from '@mantine/core';
import { IconUserSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { PageHeader } from '../../../components/page-header';
import { PagedList } from '../../../components/paged-list';
import { SearchInput } from '../../../components/search-input';
import { useUrlParams } from '../../../hooks/use-url-params';
import { LEAD_STATUSES, useLeadList } from '../api/get-leads';
import { LeadsTable } from '../components/leads-table';

const KEYS = ['q', 'owner', 'status', 'sort'] as const;

export function LeadsRoute() {
  const { t } = useTranslation();
  const [p, setP] = useUrlParams(KEYS, { owner: 'me', sort: '-score' });
  const list = useLeadList({ q: p.q || undefined, owner: p.owner === 'all' ? undefined : p.owner, status: p.status || undefined, sort: p.sort });
  const rows = list.data?.pages.flatMap((pg) => pg.data) ?? [];
  const filtered = Boolean(p.q || p.status);

  return (
    <>
      <PageHeader title={t('nav.leads')} />
      <Group gap="sm" mb="md" wrap="wrap" align="flex-end">
        <SegmentedControl
          value={p.owner}
          onChange={(owner) => setP({ owner })}
          data={[
            { value: 'me', label: t('leads.mine') },
            { value: 'all', label: t('common.everyone') },
            { value: 'none', label: t('leads.unassigned') },
          ]}
          data-testid="my-leads-toggle"
        />
        <SearchInput value={p.q} onChange={(q) => setP({ q })} placeholder={t('leads.search')} />
        <Select
          placeholder={t('leads.anyStatus')}
          clearable
          data={LEAD_STATUSES.map((s) => ({ value: s, label: t(`leads.statuses.${s}`) }))}
          value={p.status || null}
          onChange={(status) => setP({ status })}
          w={{ base: '47%', xs: 170 }}
        />
        <Select
          allowDeselect={false}
          data={[
            { value: '-score', label: t('leads.sortScore') },
            { value: '-createdAt', label: t('leads.sortNewest') },
          ]}
          value={p.sort}
          onChange={(sort) => setP({ sort })}
          w={{ base: '47%', xs: 170 }}
        />
      </Group>
      <PagedList
        query={list}
        shown={rows.length}
        empty={
          <EmptyState
            icon={<IconUserSearch size={28} />}
            title={filtered ? t('leads.noMatches') : p.owner === 'me' ? t('leads.noneMine') : t('leads.empty')}
            description={filtered ? t('common.tryOtherFilters') : t('leads.emptyHint')}
          />
        }
      >
        <LeadsTable leads={rows} />
      </PagedList>
    </>
  );
}
