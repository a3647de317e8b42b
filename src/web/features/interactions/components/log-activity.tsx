// Tabs with the forms to log a note, a call, a meeting or a task.
import { Paper, Tabs } from '@mantine/core';
import { IconCalendarEvent, IconChecklist, IconNote, IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../types/api';
import type { TimelineTarget } from '../api/interactions';
import { CallForm } from './call-form';
import { MeetingForm } from './meeting-form';
import { NoteForm } from './note-form';
import { TaskForm } from './task-form';

export function LogActivity({ target, me }: { target: TimelineTarget; me: User }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Tabs defaultValue="note" keepMounted={false}>
        <Tabs.List mb="sm" style={{ flexWrap: 'wrap' }}>
          <Tabs.Tab value="note" leftSection={<IconNote size={16} />}>{t('interactions.types.note')}</Tabs.Tab>
          <Tabs.Tab value="call" leftSection={<IconPhone size={16} />} data-testid="tab-call">{t('interactions.types.call')}</Tabs.Tab>
          <Tabs.Tab value="meeting" leftSection={<IconCalendarEvent size={16} />}>{t('interactions.types.meeting')}</Tabs.Tab>
          <Tabs.Tab value="task" leftSection={<IconChecklist size={16} />}>{t('interactions.types.task')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="note"><NoteForm target={target} /></Tabs.Panel>
        <Tabs.Panel value="call"><CallForm target={target} /></Tabs.Panel>
        <Tabs.Panel value="meeting"><MeetingForm target={target} /></Tabs.Panel>
        <Tabs.Panel value="task"><TaskForm target={target} me={me} /></Tabs.Panel>
      </Tabs>
    </Paper>
  );
}
