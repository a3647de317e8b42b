// Quick actions on a contact: call or email with one tap, and a menu with delete (after confirmation) and, for
// admins, the person's data as JSON and erasure on request.
import { useState } from 'react';
import { ActionIcon, Group, Menu, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconEraser, IconFileDownload, IconMail, IconPhone, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../lib/error-message';
import { formatPhone } from '../../../lib/format-phone';
import type { Contact } from '../../../types/api';
import { useDeleteContact } from '../api/contact-mutations';
import { EraseContactModal } from './erase-contact-modal';

export function ContactActions({ contact, admin }: { contact: Contact; admin: boolean }) {
  const { t } = useTranslation();
  const [erasing, setErasing] = useState(false);
  const navigate = useNavigate();
  const remove = useDeleteContact();
  const confirmAndDelete = () => {
    if (!window.confirm(t('contacts.confirmDelete', { name: contact.displayName }))) return;
    remove.mutate(contact.id, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('contacts.deleted', { name: contact.displayName }) });
        navigate('/contacts', { replace: true });
      },
      onError: (err) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) }),
    });
  };
  const phone = contact.phones[0];
  const email = contact.emails[0];
  return (
    <Group gap="xs" wrap="nowrap">
      {phone && (
        <Tooltip label={t('contacts.callNumber', { phone: formatPhone(phone) })}>
          <ActionIcon component="a" href={`tel:${phone}`} variant="light" size="lg" aria-label={t('contacts.callNumber', { phone: formatPhone(phone) })}>
            <IconPhone size={18} />
          </ActionIcon>
        </Tooltip>
      )}
      {email && (
        <Tooltip label={t('contacts.emailTo', { email })}>
          <ActionIcon component="a" href={`mailto:${email}`} variant="light" size="lg" aria-label={t('contacts.emailTo', { email })}>
            <IconMail size={18} />
          </ActionIcon>
        </Tooltip>
      )}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="default" size="lg" aria-label={t('common.more')} loading={remove.isPending}>
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {admin && (
            <Menu.Item component="a" href={`/api/v1/contacts/${contact.id}/data-export`} download leftSection={<IconFileDownload size={14} />}>
              {t('contacts.erase.download')}
            </Menu.Item>
          )}
          <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={confirmAndDelete}>
            {t('contacts.delete')}
          </Menu.Item>
          {admin && (
            <Menu.Item color="red" leftSection={<IconEraser size={14} />} onClick={() => setErasing(true)}>
              {t('contacts.erase.menu')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      {erasing && <EraseContactModal contact={contact} onClose={() => setErasing(false)} />}
    </Group>
  );
}
