// A button that opens the e-mail composer for a contact, company, deal or ticket (full screen on phones).
import { Button, Modal } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconMail } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { EmailRecord } from '../api/email';
import { EmailComposer } from './email-composer';

export function EmailComposerButton({ record, defaultTo, defaultSubject }: { record: EmailRecord; defaultTo?: string[]; defaultSubject?: string }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const sent = () => {
    close();
    notifications.show({ color: 'green', message: t('email.composer.sent') });
  };
  return (
    <>
      <Button variant="light" leftSection={<IconMail size={16} />} onClick={open} data-testid="email-compose">{t('email.composer.open')}</Button>
      <Modal opened={opened} onClose={close} title={t('email.composer.title')} size="lg" fullScreen={phone}>
        {opened && <EmailComposer record={record} defaultTo={defaultTo} defaultSubject={defaultSubject} onSent={sent} onCancel={close} />}
      </Modal>
    </>
  );
}
