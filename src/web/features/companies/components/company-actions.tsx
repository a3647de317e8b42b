// Menu of less frequent actions on a company (delete, after confirmation).
import { ActionIcon, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../lib/api-error';
import { errorMessage } from '../../../lib/error-message';
import type { Company } from '../../../types/api';
import { useDeleteCompany } from '../api/companies';

export function CompanyActions({ company }: { company: Company }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteCompany();
  // The server refuses to delete a company that still has contacts (409); say so before the user tries.
  const blocked = (company.contactCount ?? 0) > 0;
  const confirmAndDelete = () => {
    if (!window.confirm(t('companies.confirmDelete', { name: company.name }))) return;
    remove.mutate(company.id, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('companies.deleted', { name: company.name }) });
        navigate('/companies', { replace: true });
      },
      onError: (err) =>
        notifications.show({
          color: 'red',
          title: t('errors.title'),
          message: err instanceof ApiError && err.status === 409 ? t('companies.deleteBlocked') : errorMessage(err, t),
        }),
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
        <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={confirmAndDelete} disabled={blocked}>
          {t('companies.delete')}
        </Menu.Item>
        {blocked && (
          <Menu.Label maw={240} style={{ whiteSpace: 'normal' }}>
            {t('companies.deleteBlocked')}
          </Menu.Label>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
