// Form to log a phone call: direction, duration, outcome and notes.
import { Button, Group, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import type { Direction } from '../../../types/api';
import type { TimelineTarget } from '../api/interactions';
import { useLogSubmit } from './use-log-submit';

// The same words the server's demo data and imports use, so filters and reports agree.
export const CALL_OUTCOMES = ['connected', 'no answer', 'left voicemail', 'callback requested', 'busy', 'wrong number'] as const;

export function CallForm({ target }: { target: TimelineTarget }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { direction: 'outbound' as Direction, minutes: 5 as number | string, outcome: 'connected' as string | null, subject: '', body: '' },
    validate: { minutes: (v) => (v === '' || (typeof v === 'number' && v >= 0) ? null : t('interactions.invalidDuration')) },
  });
  const { submit, create, hasFieldErrors } = useLogSubmit(form, target, (v) => ({
    type: 'call',
    direction: v.direction,
    durationSeconds: typeof v.minutes === 'number' ? Math.round(v.minutes * 60) : null,
    outcome: v.outcome,
    subject: v.subject.trim() || null,
    body: v.body.trim() || null,
  }));
  return (
    <form onSubmit={submit} noValidate data-testid="call-form">
      <Stack gap="sm">
        {create.error && !hasFieldErrors && <ErrorAlert error={create.error} />}
        <div>
          <Text size="sm" fw={500} mb={4}>{t('interactions.directionLabel')}</Text>
          <SegmentedControl
            fullWidth
            data={[
              { value: 'outbound', label: t('interactions.direction.outbound') },
              { value: 'inbound', label: t('interactions.direction.inbound') },
            ]}
            {...form.getInputProps('direction')}
          />
          {form.errors.direction && <Text c="red" size="xs">{form.errors.direction}</Text>}
        </div>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <NumberInput label={t('interactions.durationMinutes')} min={0} step={1} name="durationSeconds" {...form.getInputProps('minutes')} error={form.errors.minutes ?? form.errors.durationSeconds} />
          <Select
            label={t('interactions.outcome')}
            data={CALL_OUTCOMES.map((o) => ({ value: o, label: t(`interactions.outcomes.${o}`) }))}
            clearable
            {...form.getInputProps('outcome')}
          />
        </SimpleGrid>
        <TextInput label={t('interactions.subject')} name="subject" {...form.getInputProps('subject')} />
        <Textarea label={t('interactions.notes')} autosize minRows={2} name="body" {...form.getInputProps('body')} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>{t('interactions.saveCall')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
