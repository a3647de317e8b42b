// My tasks in groups: overdue, today, upcoming and done (closed until opened), with a "New task" button.
import { Button, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { useMe } from '../../auth';
import { useTaskCounts } from '../../interactions';
import { NewTaskModal } from '../components/new-task-modal';
import { TaskGroup } from '../components/task-group';

export function TasksRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const counts = useTaskCounts();
  const [creating, { open, close }] = useDisclosure();
  return (
    <>
      <PageHeader
        title={t('tasks.title')}
        actions={<Button leftSection={<IconPlus size={16} />} onClick={open} data-testid="new-task">{t('tasks.new')}</Button>}
      />
      {counts.isError && <ErrorAlert error={counts.error} onRetry={() => void counts.refetch()} />}
      <Stack gap="md">
        <TaskGroup group="overdue" count={counts.data?.overdue} initiallyOpen />
        <TaskGroup group="today" count={counts.data?.today} initiallyOpen />
        <TaskGroup group="upcoming" count={counts.data?.upcoming} initiallyOpen />
        <TaskGroup group="done" count={counts.data?.done} initiallyOpen={false} />
      </Stack>
      {me.data && <NewTaskModal opened={creating} onClose={close} me={me.data} />}
    </>
  );
}
