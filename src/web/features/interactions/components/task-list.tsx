// Open tasks with a checkbox to mark each done; overdue ones are highlighted.
import { useState } from 'react';
import { Anchor, Checkbox, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../../lib/error-message';
import { formatDateTime } from '../../../lib/format';
import type { Interaction } from '../../../types/api';
import { useUpdateInteraction } from '../api/interactions';

interface Props {
  tasks: Interaction[];
  showLinks?: boolean;
}

// The server answers dealId for entries logged on a deal (the deals work adds it to the shared type separately).
const dealOf = (task: Interaction) => (task as Interaction & { dealId?: string | null }).dealId ?? null;

export function TaskList({ tasks, showLinks }: Props) {
  const { t } = useTranslation();
  const update = useUpdateInteraction();
  // Ticked boxes show at once; the list refreshes from the server after the PATCH.
  const [optimistic, setOptimistic] = useState<Record<string, boolean>>({});
  const now = Date.now();

  const toggle = (task: Interaction, done: boolean) => {
    setOptimistic((o) => ({ ...o, [task.id]: done }));
    update.mutate(
      { id: task.id, done },
      {
        onSuccess: () => notifications.show({ color: 'green', message: done ? t('tasks.markedDone') : t('tasks.reopened') }),
        onError: (err) => {
          setOptimistic(({ [task.id]: _dropped, ...rest }) => rest);
          notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) });
        },
      },
    );
  };

  return (
    <Stack gap="xs" data-testid="task-list">
      {tasks.map((task) => {
        const done = optimistic[task.id] ?? task.done;
        const overdue = !done && task.dueAt !== null && new Date(task.dueAt).getTime() < now;
        return (
          <Group key={task.id} wrap="nowrap" align="flex-start" gap="sm" data-testid="task-item">
            <Checkbox
              mt={2}
              checked={done}
              onChange={(e) => toggle(task, e.currentTarget.checked)}
              aria-label={t('tasks.markDone', { subject: task.subject ?? '' })}
            />
            <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
              <Text size="sm" fw={500} td={done ? 'line-through' : undefined} style={{ wordBreak: 'break-word' }}>
                {task.subject || t('interactions.types.task')}
              </Text>
              <Text size="xs" c={overdue ? 'red' : 'dimmed'}>
                {task.dueAt ? t(overdue ? 'tasks.overdueSince' : 'interactions.dueOn', { date: formatDateTime(task.dueAt) }) : ''}
                {task.assigneeName ? ` · ${task.assigneeName}` : ''}
              </Text>
              {task.reminderAt && !done && (
                <Text size="xs" c="dimmed" data-testid="task-reminder">
                  <IconBell size={12} style={{ verticalAlign: -1 }} /> {t(task.remindedAt ? 'tasks.reminded' : 'tasks.remindAt', { date: formatDateTime(task.reminderAt) })}
                </Text>
              )}
              {showLinks && task.contactId && (
                <Anchor component={Link} to={`/contacts/${task.contactId}`} size="xs">
                  {task.contactName || t('tasks.openContact')}
                </Anchor>
              )}
              {showLinks && dealOf(task) && (
                <Anchor component={Link} to={`/deals?deal=${dealOf(task)}`} size="xs" data-testid="task-deal-link">
                  {t('tasks.openDeal')}
                </Anchor>
              )}
              {showLinks && !task.contactId && task.companyId && (
                <Anchor component={Link} to={`/companies/${task.companyId}`} size="xs">
                  {task.companyName || t('tasks.openCompany')}
                </Anchor>
              )}
            </Stack>
          </Group>
        );
      })}
    </Stack>
  );
}
