// Small menu on a timeline entry: delete it (after confirmation).
import { ActionIcon, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/error-message';
import type { Interaction } from '../../../types/api';
import { useDeleteInteraction } from '../api/interactions';

export function InteractionMenu({ item }: { item: Interaction }) {
  const { t } = useTranslation();
  const remove = useDeleteInteraction();
  const type = t(`interactions.types.${item.type}`);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('common.more')} loading={remove.isPending}>
          <IconDots size={14} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          color="red"
          leftSection={<IconTrash size={14} />}
          onClick={() => {
            if (!window.confirm(t('interactions.confirmDelete', { type: type.toLowerCase() }))) return;
            remove.mutate(item.id, {
              onSuccess: () => notifications.show({ color: 'green', message: t('interactions.deleted', { type }) }),
              onError: (err) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) }),
            });
          }}
        >
          {t('common.delete')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
