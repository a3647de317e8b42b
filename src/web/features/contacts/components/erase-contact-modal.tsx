// Erasure on request: says what will happen, asks the admin to type ERASE, then erases and leaves the page.
import { useState } from 'react';
import { Alert, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import type { Contact } from '../../../types/api';
import { useEraseContact } from '../api/contact-mutations';
import { FormActions } from '../../../components/form-actions';

export function EraseContactModal({ contact, onClose }: { contact: Contact; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const phone = useMediaQuery('(max-width: 48em)');
  const erase = useEraseContact();
  const [typed, setTyped] = useState('');
  const submit = () =>
    erase.mutate(contact.id, {
      onSuccess: (r) => {
        const related = Object.values(r.relatedRecordsErased).reduce((a, b) => a + b, 0);
        notifications.show({ color: 'green', message: t('contacts.erase.done', { name: contact.displayName, related, audit: r.auditEntriesScrubbed }) });
        onClose();
        navigate('/contacts', { replace: true });
      },
    });
  return (
    <Modal opened onClose={onClose} title={t('contacts.erase.title', { name: contact.displayName })} fullScreen={phone} size="lg">
      <Stack>
        <Alert color="red" icon={<IconAlertTriangle size={18} />}>{t('contacts.erase.warning')}</Alert>
        <Text size="sm">{t('contacts.erase.what')}</Text>
        <Text size="sm" c="dimmed">{t('contacts.erase.exportFirst')}</Text>
        <TextInput label={t('contacts.erase.typeToConfirm')} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} autoComplete="off" data-testid="erase-confirm" />
        {erase.error && <ErrorAlert error={erase.error} />}
        <FormActions onCancel={onClose} onSubmit={submit} color="red" disabled={typed.trim() !== 'ERASE'} loading={erase.isPending} submitLabel={t('contacts.erase.submit')} />
      </Stack>
    </Modal>
  );
}
