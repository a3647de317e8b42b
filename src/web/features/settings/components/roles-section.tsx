// Which records each role may see: all of them, or only their own and their team's.
import { SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { errorMessage } from '../../../lib/error-message';
import type { Visibility } from '../../../types/api';
import { useRoles, useSetRoleVisibility } from '../api/admin';

export function RolesSection() {
  const { t } = useTranslation();
  const roles = useRoles();
  const set = useSetRoleVisibility();
  if (roles.isPending) return <ListSkeleton rows={5} />;
  if (roles.error) return <ErrorAlert error={roles.error} onRetry={() => void roles.refetch()} />;
  return (
    <Stack>
      <Text size="sm" c="dimmed">{t('settings.roles.hint')}</Text>
      <Table.ScrollContainer minWidth={420}>
        <Table verticalSpacing="sm">
          <Table.Tbody>
            {roles.data.map((r) => (
              <Table.Tr key={r.role}>
                <Table.Td><Text fw={500} size="sm">{t(`roles.${r.role}`)}</Text></Table.Td>
                <Table.Td>
                  <SegmentedControl
                    size="xs"
                    disabled={r.role === 'admin'}
                    value={r.visibility}
                    onChange={(v) =>
                      set.mutate(
                        { role: r.role, visibility: v as Visibility },
                        {
                          onSuccess: () => notifications.show({ color: 'green', message: t('common.saved') }),
                          onError: (err) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) }),
                        },
                      )
                    }
                    data={[
                      { value: 'all', label: t('settings.roles.all') },
                      { value: 'own_team', label: t('settings.roles.ownTeam') },
                    ]}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
