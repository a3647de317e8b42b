// Teams administration: create, rename, choose a manager, delete.
import { useState } from 'react';
import { ActionIcon, Button, Group, Select, Stack, Table, TextInput, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useTeams, useUsers } from '../../../api/shared-queries';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { InlineEditField } from '../../../components/inline-edit-field';
import { ListSkeleton } from '../../../components/list-skeleton';
import { errorMessage } from '../../../lib/error-message';
import { useCreateTeam, useDeleteTeam, useUpdateTeam } from '../api/admin';

export function TeamsSection() {
  const { t } = useTranslation();
  const teams = useTeams();
  const users = useUsers();
  const create = useCreateTeam();
  const update = useUpdateTeam();
  const remove = useDeleteTeam();
  const [name, setName] = useState('');
  const userOptions = (users.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));
  const fail = (err: unknown) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) });

  const add = () => {
    if (!name.trim()) return;
    create.mutate({ name: name.trim() }, { onSuccess: () => setName(''), onError: fail });
  };

  return (
    <Stack>
      <Group align="flex-end" wrap="wrap">
        <TextInput label={t('settings.teams.newName')} value={name} onChange={(e) => setName(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && add()} style={{ flex: '1 1 200px' }} />
        <Button leftSection={<IconPlus size={16} />} onClick={add} loading={create.isPending} disabled={!name.trim()}>{t('settings.teams.add')}</Button>
      </Group>
      {teams.isPending ? (
        <ListSkeleton rows={3} />
      ) : teams.error ? (
        <ErrorAlert error={teams.error} onRetry={() => void teams.refetch()} />
      ) : teams.data.length === 0 ? (
        <EmptyState title={t('settings.teams.empty')} description={t('settings.teams.emptyHint')} />
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.teams.name')}</Table.Th>
                <Table.Th>{t('settings.teams.manager')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {teams.data.map((tm) => (
                <Table.Tr key={tm.id}>
                  <Table.Td>
                    <InlineEditField label="" value={tm.name} onSave={(v) => update.mutateAsync({ id: tm.id, name: typeof v === 'string' && v.trim() ? v.trim() : tm.name })} />
                  </Table.Td>
                  <Table.Td>
                    <Select size="xs" w={180} aria-label={t('settings.teams.manager')} data={userOptions} value={tm.managerId} clearable placeholder={t('common.empty')} onChange={(managerId) => update.mutate({ id: tm.id, managerId }, { onError: fail })} />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('common.delete')}
                      onClick={() => {
                        if (window.confirm(t('settings.teams.confirmDelete', { name: tm.name }))) remove.mutate(tm.id, { onError: fail });
                      }}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="xs" c="dimmed">{t('settings.teams.hint')}</Text>
    </Stack>
  );
}
