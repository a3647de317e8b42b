// Menu of less frequent actions on a company (delete, after confirmation).
import { ActionIcon, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../lib/error-message';
import type { Company } from '../../../types/api';
import { useDeleteCompany } from '../api/companies';

export function CompanyActions({ company }: { company: Company }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteCompany();
  const confirmAndDelete = () => {
    if (!window.confirm(t('companies.confirmDelete', { name: company.name }))) return;
    remove.mutate(company.id, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('companies.deleted', { name: company.name }) });
        navigate('/companies', { replace: true });
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
          {t('companies.delete')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
