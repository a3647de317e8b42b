// Scheduled backups: daily or weekly at a UTC time, keeping the newest N; add one or stop one.
import { useState, type FormEvent } from 'react';
import { ActionIcon, Button, Group, NumberInput, Paper, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { errorMessage } from '../../../lib/error-message';
import { formatDateTime } from '../../../lib/format';
import { useBackupSchedules, useCreateBackupSchedule, useDeleteBackupSchedule, type BackupSchedule, type NewScheduleInput } from '../api/backups';

const EMPTY: NewScheduleInput = { name: '', frequency: 'daily', atTime: '02:00', weekday: 1, keep: 7 };

export function BackupSchedules() {
  const { t } = useTranslation();
  const list = useBackupSchedules();
  const create = useCreateBackupSchedule();
  const remove = useDeleteBackupSchedule();
  const [form, setForm] = useState<NewScheduleInput>(EMPTY);
  const weekdays = Array.from({ length: 7 }, (_, i) => ({ value: String(i), label: t(`backups.weekdays.${i}`) }));
  const when = (s: BackupSchedule) =>
    s.frequency === 'weekly' ? t('backups.weeklyAt', { day: t(`backups.weekdays.${s.weekday ?? 1}`), time: s.atTime }) : t('backups.dailyAt', { time: s.atTime });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ ...form, name: form.name.trim() || t('backups.defaultName') }, { onSuccess: () => setForm(EMPTY) });
  };
  const onDelete = (s: BackupSchedule) =>
    window.confirm(t('backups.confirmStop', { name: s.name })) &&
    remove.mutate(s.id, { onError: (err) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) }) });

  return (
    <Stack gap="sm">
      {list.isPending ? (
        <ListSkeleton rows={2} />
      ) : list.error ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="no-schedules">{t('backups.noSchedules')}</Text>
      ) : (
        <Stack gap={6} data-testid="schedules-table">
          {list.data.map((s) => (
            <Paper key={s.id} withBorder px="sm" py={6}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={500}>{s.name} · {when(s)}</Text>
                  <Text size="xs" c="dimmed">
                    {t('backups.keepCount', { count: s.keep ?? 0 })} · {t('backups.nextRun')}: {formatDateTime(s.nextRunAt)}
                  </Text>
                </div>
                <Tooltip label={t('backups.stop')} withArrow>
                  <ActionIcon variant="subtle" color="red" aria-label={t('backups.stop')} onClick={() => onDelete(s)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      <form onSubmit={submit} noValidate data-testid="schedule-form">
        {create.error && <ErrorAlert error={create.error} />}
        <Group align="flex-end" gap="xs" wrap="wrap" mt="xs">
          <TextInput size="xs" w={170} label={t('backups.scheduleName')} placeholder={t('backups.defaultName')} value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} />
          <Select size="xs" w={120} label={t('backups.frequency')} allowDeselect={false} data={[{ value: 'daily', label: t('backups.daily') }, { value: 'weekly', label: t('backups.weekly') }]} value={form.frequency} onChange={(v) => setForm({ ...form, frequency: v as 'daily' | 'weekly' })} />
          {form.frequency === 'weekly' && (
            <Select size="xs" w={120} label={t('backups.weekday')} allowDeselect={false} data={weekdays} value={String(form.weekday ?? 1)} onChange={(v) => setForm({ ...form, weekday: Number(v) })} />
          )}
          <TextInput size="xs" w={130} type="time" label={t('backups.atTime')} value={form.atTime} onChange={(e) => setForm({ ...form, atTime: e.currentTarget.value })} />
          <NumberInput size="xs" w={90} label={t('backups.keep')} min={1} max={1000} value={form.keep} onChange={(v) => setForm({ ...form, keep: Number(v) || 1 })} />
          <Button size="xs" type="submit" loading={create.isPending}>{t('backups.addSchedule')}</Button>
        </Group>
      </form>
    </Stack>
  );
}
