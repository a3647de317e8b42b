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

export function TaskForm({ target, me }: { target: TimelineTarget; me: User }) {
  const { t } = useTranslation();
  const users = useUserDirectory(me.role === 'admin');
  const form = useForm({
    initialValues: {
      subject: '',
      dueAt: dayjs().add(1, 'day').hour(9).minute(0).format('YYYY-MM-DDTHH:mm'),
      assigneeId: me.id as string | null,
      body: '',
    },
    validate: {
      subject: (v) => (v.trim() ? null : t('common.required')),
      dueAt: (v) => (v ? null : t('common.required')),
    },
  });
  const { submit, create, hasFieldErrors } = useLogSubmit(form, target, (v) => ({
    type: 'task',
    subject: v.subject.trim(),
    dueAt: fromLocalInput(v.dueAt),
    assigneeId: v.assigneeId,
    body: v.body.trim() || null,
  }));
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
        <Textarea label={t('interactions.notes')} autosize minRows={2} name="body" {...form.getInputProps('body')} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>{t('interactions.saveTask')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
