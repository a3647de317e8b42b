// My tasks: open ones by due date (or recently done ones), with a checkbox to complete each.
import { SegmentedControl } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { PageHeader } from '../../../components/page-header';
import { PagedList } from '../../../components/paged-list';
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
      <PagedList
        query={tasks}
        shown={rows.length}
        padding="md"
        skeletonRows={5}
        empty={<EmptyState icon={<IconChecklist size={28} />} title={done ? t('tasks.noneDone') : t('tasks.allClear')} description={done ? undefined : t('tasks.allClearHint')} />}
      >
        <TaskList tasks={rows} showLinks />
      </PagedList>
    </>
  );
}
