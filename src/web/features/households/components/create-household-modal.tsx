// Modal to make a household by hand (admin): a name and its members (each leaves any household it was in).
import { useState, type FormEvent } from 'react';
import { CloseButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { FormActions } from '../../../components/form-actions';
import { useCreateHousehold, type Household } from '../api/households';
import { ContactPicker } from './contact-picker';

export function CreateHouseholdModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (h: Household) => void }) {
  const { t } = useTranslation();
  const create = useCreateHousehold();
  const [name, setName] = useState('');
  const [members, setMembers] = useState<{ id: string; name: string }[]>([]);
  const [tried, setTried] = useState(false);
  const close = () => {
    setName('');
    setMembers([]);
    setTried(false);
    create.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!name.trim() || members.length === 0) return;
    create.mutate({ name: name.trim(), contactIds: members.map((m) => m.id) }, { onSuccess: (h) => { close(); onCreated(h); } });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('households.new')}>
      <form onSubmit={submit} noValidate data-testid="household-form">
        <Stack>
          {create.error && <ErrorAlert error={create.error} />}
          <TextInput label={t('households.name')} required data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={tried && !name.trim() ? t('common.required') : null} />
          <ContactPicker label={t('households.members')} exclude={members.map((m) => m.id)} onPick={(id, n) => setMembers((ms) => [...ms, { id, name: n }])} />
          {members.map((m) => (
            <Group key={m.id} justify="space-between" wrap="nowrap">
              <Text size="sm">{m.name}</Text>
              <CloseButton size="sm" aria-label={t('households.remove')} onClick={() => setMembers((ms) => ms.filter((x) => x.id !== m.id))} />
            </Group>
          ))}
          {tried && members.length === 0 && <Text size="xs" c="red">{t('households.membersRequired')}</Text>}
          <FormActions onCancel={close} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
