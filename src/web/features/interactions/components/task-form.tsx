// Form to create a task: what, due date and who does it (me by default).
import { Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useUserDirectory } from '../../../api/shared-queries';
import { ErrorAlert } from '../../../components/error-alert';
import { fromLocalInput } from '../../../lib/format';
import type { User } from '../../../types/api';
import type { TimelineTarget } from '../api/interactions';
import { useLogSubmit } from './use-log-submit';
import { DateTimeField, formDateProps } from '../../../components/date-fields';

/** Reminder choices: minutes before the due time, or a time of its own. */
const REMINDERS = ['none', '0', '15', '60', '1440', 'custom'] as const;

function reminderAt(v: { dueAt: string; reminder: string; reminderCustom: string }): string | null {
  if (v.reminder === 'none' || !v.dueAt) return null;
  if (v.reminder === 'custom') return v.reminderCustom ? fromLocalInput(v.reminderCustom) : null;
  return dayjs(v.dueAt).subtract(Number(v.reminder), 'minute').toISOString();
}

export function TaskForm({ target, me, onSaved }: { target: TimelineTarget; me: User; onSaved?: () => void }) {
  const { t } = useTranslation();
  // Anyone may give a task to a colleague (GET /users/directory is open to every user).
  const users = useUserDirectory();
  const form = useForm({
    initialValues: {
      subject: '',
      dueAt: dayjs().add(1, 'day').hour(9).minute(0).format('YYYY-MM-DDTHH:mm'),
      assigneeId: me.id as string | null,
      body: '',
      reminder: 'none' as string,
      reminderCustom: '',
    },
    validate: {
      subject: (v) => (v.trim() ? null : t('common.required')),
      dueAt: (v) => (v ? null : t('common.required')),
      reminderCustom: (v, values) => (values.reminder === 'custom' && !v ? t('common.required') : null),
    },
  });
  const { submit, create, hasFieldErrors } = useLogSubmit(form, target, (v) => ({
    type: 'task',
    subject: v.subject.trim(),
    dueAt: fromLocalInput(v.dueAt),
    assigneeId: v.assigneeId,
    body: v.body.trim() || null,
    reminderAt: reminderAt(v),
  }), onSaved);
  const people = (users.data ?? []).filter((u) => u.active);
  const options = people.length ? people.map((u) => ({ value: u.id, label: u.name })) : [{ value: me.id, label: me.name }];

  return (
    <form onSubmit={submit} noValidate data-testid="task-form">
      <Stack gap="sm">
        {create.error && !hasFieldErrors && <ErrorAlert error={create.error} />}
        <TextInput label={t('interactions.taskSubject')} required name="subject" {...form.getInputProps('subject')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <DateTimeField label={t('interactions.dueAt')} required name="dueAt" {...formDateProps(form.getInputProps('dueAt'))} />
          <Select label={t('interactions.assignee')} data={options} allowDeselect={false} searchable {...form.getInputProps('assigneeId')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Select
            label={t('tasks.reminder')}
            data={REMINDERS.map((r) => ({ value: r, label: t(`tasks.reminders.${r}`) }))}
            allowDeselect={false}
            data-testid="task-reminder-select"
            {...form.getInputProps('reminder')}
          />
          {form.values.reminder === 'custom' && <DateTimeField label={t('tasks.reminderTime')} required name="reminderCustom" {...formDateProps(form.getInputProps('reminderCustom'))} />}
        </SimpleGrid>
        <Textarea label={t('interactions.notes')} autosize minRows={2} name="body" {...form.getInputProps('body')} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>{t('interactions.saveTask')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
