// Menu of less frequent actions on a contact (delete, after confirmation).
import { ActionIcon, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../lib/error-message';
import type { Contact } from '../../../types/api';
import { useDeleteContact } from '../api/contact-mutations';

export function ContactActions({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
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
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="default" size="lg" aria-label={t('common.more')} loading={remove.isPending}>
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={confirmAndDelete}>
          {t('contacts.delete')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
