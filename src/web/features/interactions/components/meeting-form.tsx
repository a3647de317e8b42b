// Form to log a meeting: start, end, attendees and notes.
import { Button, Group, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { fromLocalInput } from '../../../lib/format';
import type { TimelineTarget } from '../api/interactions';
import { useLogSubmit } from './use-log-submit';
import { DateTimeField, formDateProps } from '../../../components/date-fields';

function defaults() {
  const start = dayjs().minute(0).second(0);
  return { subject: '', startsAt: start.format('YYYY-MM-DDTHH:mm'), endsAt: start.add(1, 'hour').format('YYYY-MM-DDTHH:mm'), attendees: [] as string[], body: '' };
}

export function MeetingForm({ target }: { target: TimelineTarget }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: defaults(),
    validate: {
      startsAt: (v) => (v ? null : t('common.required')),
      endsAt: (v, all) => (v && all.startsAt && v < all.startsAt ? t('interactions.endBeforeStart') : null),
    },
  });
  const { submit, create, hasFieldErrors } = useLogSubmit(form, target, (v) => ({
    type: 'meeting',
    subject: v.subject.trim() || null,
    startsAt: fromLocalInput(v.startsAt),
    endsAt: fromLocalInput(v.endsAt),
    occurredAt: fromLocalInput(v.startsAt),
    attendees: v.attendees,
    body: v.body.trim() || null,
  }));
  return (
    <form onSubmit={submit} noValidate data-testid="meeting-form">
      <Stack gap="sm">
        {create.error && !hasFieldErrors && <ErrorAlert error={create.error} />}
        <TextInput label={t('interactions.subject')} name="subject" {...form.getInputProps('subject')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <DateTimeField label={t('interactions.startsAt')} required name="startsAt" {...formDateProps(form.getInputProps('startsAt'))} />
          <DateTimeField label={t('interactions.endsAt')} name="endsAt" {...formDateProps(form.getInputProps('endsAt'))} />
        </SimpleGrid>
        <TagsInput label={t('interactions.attendees')} placeholder={t('contacts.enterToAdd')} acceptValueOnBlur {...form.getInputProps('attendees')} />
        <Textarea label={t('interactions.notes')} autosize minRows={2} name="body" {...form.getInputProps('body')} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>{t('interactions.saveMeeting')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
