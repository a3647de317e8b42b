// Service settings → Business hours (admin): calendars with their working hours per weekday, time zone and holidays.
import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { errorMessage } from '../../../lib/error-message';
import { useCalendars, useDeleteCalendar, type Calendar } from '../api/sla';
import { CalendarModal } from './calendar-modal';

const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

export function CalendarsSection() {
  const { t } = useTranslation();
  const calendars = useCalendars();
  const remove = useDeleteCalendar();
  const [editing, setEditing] = useState<Calendar | 'new' | null>(null);
  const fail = (err: unknown) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) });
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed" maw={560}>{t('sla.calendars.hint')}</Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{t('sla.calendars.add')}</Button>
      </Group>
      {calendars.isPending ? (
        <ListSkeleton rows={2} />
      ) : calendars.error ? (
        <ErrorAlert error={calendars.error} onRetry={() => void calendars.refetch()} />
      ) : calendars.data.length === 0 ? (
        <EmptyState title={t('sla.calendars.empty')} description={t('sla.calendars.emptyHint')} />
      ) : (
        calendars.data.map((c) => (
          <Paper key={c.id} withBorder p="sm" data-testid="calendar-card">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={4} style={{ minWidth: 0 }}>
                <Group gap="xs" wrap="wrap">
                  <Text fw={600}>{c.name}</Text>
                  <Badge variant="light" color="gray" size="sm">{c.timeZone}</Badge>
                  {c.isDefault && <Badge size="sm">{t('sla.calendars.isDefault')}</Badge>}
                </Group>
                {WEEK_ORDER.map((d) => (
                  <Text size="sm" key={d}>
                    <Text span c="dimmed">{t(`sla.weekdays.${d}`)}: </Text>
                    {c.week[d]?.length ? c.week[d]!.map((i) => `${i.start}–${i.end}`).join(', ') : t('sla.calendars.closed')}
                  </Text>
                ))}
                {c.holidays.length > 0 && (
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    <Text span c="dimmed">{t('sla.calendars.holidays')}: </Text>
                    {c.holidays.join(', ')}
                  </Text>
                )}
              </Stack>
              <Group gap={2} wrap="nowrap">
                <ActionIcon variant="subtle" aria-label={t('sla.edit')} onClick={() => setEditing(c)}><IconPencil size={16} /></ActionIcon>
                <ActionIcon variant="subtle" color="red" aria-label={t('common.delete')} onClick={() => window.confirm(t('sla.confirmDelete', { name: c.name })) && remove.mutate(c.id, { onError: fail })}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            </Group>
          </Paper>
        ))
      )}
      {editing && <CalendarModal calendar={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
