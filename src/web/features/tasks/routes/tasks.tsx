// My tasks: open ones by due date (or recently done ones), with a checkbox to complete each.
import { Paper, SegmentedControl } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { LoadMore } from '../../../components/load-more';
import { PageHeader } from '../../../components/page-header';
import { useUrlParams } from '../../../hooks/use-url-params';
import { TaskList, useMyTasks } from '../../interactions';

export function TasksRoute() {
  const { t } = useTranslation();
  const [p, setP] = useUrlParams(['show'] as const, { show: 'open' });
  const done = p.show === 'done';
  const tasks = useMyTasks(done);
  const rows = tasks.data?.pages.flatMap((pg) => pg.data) ?? [];

  return (
    <>
      <PageHeader
        title={t('tasks.title')}
        actions={
          <SegmentedControl
            value={p.show}
            onChange={(show) => setP({ show })}
            data={[
              { value: 'open', label: t('tasks.openTab') },
              { value: 'done', label: t('tasks.doneTab') },
            ]}
          />
        }
      />
      <Paper withBorder p="md" style={{ opacity: tasks.isPlaceholderData ? 0.6 : 1 }}>
        {tasks.isPending ? (
          <ListSkeleton rows={5} />
        ) : tasks.error && rows.length === 0 ? (
          <ErrorAlert error={tasks.error} onRetry={() => void tasks.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState icon={<IconChecklist size={28} />} title={done ? t('tasks.noneDone') : t('tasks.allClear')} description={done ? undefined : t('tasks.allClearHint')} />
        ) : (
          <>
            <TaskList tasks={rows} showLinks />
            {tasks.error && <ErrorAlert error={tasks.error} />}
            <LoadMore shown={rows.length} hasMore={tasks.hasNextPage} loading={tasks.isFetchingNextPage} onLoadMore={() => void tasks.fetchNextPage()} />
          </>
        )}
      </Paper>
    </>
  );
}
