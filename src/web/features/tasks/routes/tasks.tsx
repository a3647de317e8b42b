// My tasks (or, for a manager, a teammate's) in groups: overdue, today, upcoming and done (closed until opened),
// with a "New task" button.
import { Button, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { useMe } from '../../auth';
import { useTaskCounts } from '../../interactions';
import { AssigneeFilter, canPickAssignee } from '../components/assignee-filter';
import { NewTaskModal } from '../components/new-task-modal';
import { TaskGroup } from '../components/task-group';

export function TasksRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const [assignee, setAssignee] = useState('me');
  const counts = useTaskCounts(assignee);
  const [creating, { open, close }] = useDisclosure();
  return (
    <>
      <PageHeader
        title={assignee === 'me' ? t('tasks.title') : t('nav.tasks')}
        actions={
          <>
            {me.data && canPickAssignee(me.data) && <AssigneeFilter me={me.data} value={assignee} onChange={setAssignee} />}
            <Button leftSection={<IconPlus size={16} />} onClick={open} data-testid="new-task">{t('tasks.new')}</Button>
          </>
        }
      />
      {counts.isError && <ErrorAlert error={counts.error} onRetry={() => void counts.refetch()} />}
      <Stack gap="md">
        <TaskGroup group="overdue" assignee={assignee} count={counts.data?.overdue} initiallyOpen />
        <TaskGroup group="today" assignee={assignee} count={counts.data?.today} initiallyOpen />
        <TaskGroup group="upcoming" assignee={assignee} count={counts.data?.upcoming} initiallyOpen />
        <TaskGroup group="done" assignee={assignee} count={counts.data?.done} initiallyOpen={false} />
      </Stack>
      {me.data && <NewTaskModal opened={creating} onClose={close} me={me.data} />}
    </>
  );
}
