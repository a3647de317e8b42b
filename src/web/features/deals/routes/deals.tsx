// Deals page: pipeline board (drag between stages) or table of the same deals, filters in the URL, drawer for one deal.
import { Button, SegmentedControl } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconLayoutKanban, IconPlus, IconTable, IconTargetArrow } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { PageHeader } from '../../../components/page-header';
import { PagedList } from '../../../components/paged-list';
import { useUrlParams } from '../../../hooks/use-url-params';
import { boardKey, useBoard } from '../api/get-board';
import { useDealList } from '../api/get-deals';
import { usePipelines } from '../api/get-pipelines';
import { CreateDealModal } from '../components/create-deal-modal';
import { DealDrawer } from '../components/deal-drawer';
import { DealFiltersBar } from '../components/deal-filters';
import { DealSortSelect } from '../components/deal-sort-select';
import { DealsBoard } from '../components/deals-board';
import { DealsTable } from '../components/deals-table';

const KEYS = ['pipeline', 'owner', 'month', 'view', 'deal', 'sort'] as const;

export function DealsRoute() {
  const { t } = useTranslation();
  const [creating, { open, close }] = useDisclosure();
  const [p, setP] = useUrlParams(KEYS, { view: 'board', sort: '-updatedAt' });
  const pipelines = usePipelines();
  const pipeline = pipelines.data?.find((x) => x.id === p.pipeline) ?? pipelines.data?.find((x) => x.isDefault) ?? pipelines.data?.[0];
  const filters = { ownerId: p.owner || undefined, closeMonth: p.month || undefined };
  const board = useBoard(p.view === 'board' ? pipeline?.id : undefined, filters);
  const list = useDealList({ pipelineId: p.view === 'table' ? pipeline?.id : undefined, ...filters, sort: p.sort });
  const rows = list.data?.pages.flatMap((pg) => pg.data) ?? [];
  const openDeal = (id: string) => setP({ deal: id });

  const header = (
    <PageHeader
      title={t('nav.deals')}
      actions={
        <>
          <SegmentedControl
            value={p.view}
            onChange={(view) => setP({ view })}
            data={[
              { value: 'board', label: <IconLayoutKanban size={16} aria-label={t('deals.boardView')} /> },
              { value: 'table', label: <IconTable size={16} aria-label={t('deals.tableView')} /> },
            ]}
            data-testid="view-toggle"
          />
          <Button leftSection={<IconPlus size={16} />} onClick={open} disabled={!pipeline} data-testid="new-deal">
            {t('deals.new')}
          </Button>
        </>
      }
    />
  );

  if (pipelines.isPending) return <>{header}<ListSkeleton /></>;
  if (pipelines.error) return <>{header}<ErrorAlert error={pipelines.error} onRetry={() => void pipelines.refetch()} /></>;
  if (!pipeline) return <>{header}<EmptyState icon={<IconTargetArrow size={28} />} title={t('deals.noPipelines')} /></>;

  const empty = (
    <EmptyState
      icon={<IconTargetArrow size={28} />}
      title={p.owner || p.month ? t('deals.noMatches') : t('deals.empty')}
      description={p.owner || p.month ? t('common.tryOtherFilters') : t('deals.emptyHint')}
      action={<Button onClick={open}>{t('deals.new')}</Button>}
    />
  );

  return (
    <>
      {header}
      <DealFiltersBar pipelines={pipelines.data} values={{ pipeline: pipeline.id, owner: p.owner, month: p.month }} onChange={setP} />
      {p.view === 'board' ? (
        board.isPending ? (
          <ListSkeleton rows={4} />
        ) : board.error && !board.data ? (
          <ErrorAlert error={board.error} onRetry={() => void board.refetch()} />
        ) : board.data ? (
          <div style={{ opacity: board.isPlaceholderData ? 0.6 : 1 }}>
            {board.data.columns.every((c) => c.count === 0) && empty}
            <DealsBoard board={board.data} pipelineId={pipeline.id} filters={filters} queryKey={boardKey(pipeline.id, filters)} onOpen={openDeal} />
          </div>
        ) : null
      ) : (
        <>
          <DealSortSelect value={p.sort} onChange={(sort) => setP({ sort })} />
          <PagedList query={list} shown={rows.length} empty={empty}>
            <DealsTable deals={rows} onOpen={openDeal} sort={p.sort} onSort={(sort) => setP({ sort })} />
          </PagedList>
        </>
      )}
      <DealDrawer id={p.deal || null} onClose={() => setP({ deal: null })} />
      <CreateDealModal
        opened={creating}
        pipeline={pipeline}
        onClose={close}
        onCreated={(d) => {
          close();
          notifications.show({ color: 'green', message: t('deals.created', { name: d.name }) });
        }}
      />
    </>
  );
}
