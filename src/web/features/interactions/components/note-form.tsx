// Form to log a note.
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import type { TimelineTarget } from '../api/interactions';
import { useLogSubmit } from './use-log-submit';

export function NoteForm({ target }: { target: TimelineTarget }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { body: '' }, validate: { body: (v) => (v.trim() ? null : t('common.required')) } });
  const { submit, create, hasFieldErrors } = useLogSubmit(form, target, (v) => ({ type: 'note', body: v.body.trim() }));
  return (
    <form onSubmit={submit} noValidate data-testid="note-form">
      <Stack gap="sm">
        {create.error && !hasFieldErrors && <ErrorAlert error={create.error} />}
        <Textarea label={t('interactions.note')} autosize minRows={3} name="body" {...form.getInputProps('body')} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>{t('interactions.saveNote')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
