// "New task" from the Tasks page: first what the task is about (a contact or a company), then the task form.
import { Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../types/api';
import { TaskForm } from '../../interactions';
import { RecordPicker, type PickedRecord } from './record-picker';

export function NewTaskModal({ opened, onClose, me }: { opened: boolean; onClose: () => void; me: User }) {
  const { t } = useTranslation();
  const [key, setKey] = useState<string | null>(null);
  const [target, setTarget] = useState<PickedRecord>({});
  const close = () => {
    setKey(null);
    setTarget({});
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('tasks.new')} size="lg" data-testid="new-task-modal">
      <Stack gap="sm">
        <RecordPicker value={key} onChange={(k, r) => { setKey(k); setTarget(r); }} />
        {key ? <TaskForm key={key} target={target} me={me} onSaved={close} /> : null}
      </Stack>
    </Modal>
  );
}
