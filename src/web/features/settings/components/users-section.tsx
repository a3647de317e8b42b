// Users administration: list, create, change role/team, deactivate, clear failed-login locks.
import { ActionIcon, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Switch, Table, Text, Tooltip } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconLockOpen, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useTeams, useUsers } from '../../../api/shared-queries';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { errorMessage } from '../../../lib/error-message';
import { ROLES, type Role, type User } from '../../../types/api';
import { useUnlockUser, useUpdateUser } from '../api/admin';
import { UserFormModal } from './user-form-modal';

export function UsersSection({ me }: { me: User }) {
  const { t } = useTranslation();
  const users = useUsers();
  const teams = useTeams();
  const update = useUpdateUser();
  const unlock = useUnlockUser();
  const [creating, { open, close }] = useDisclosure();
  // Phones get a card per user (inputs full width) instead of a table wider than the screen.
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  const teamOptions = (teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }));
  const change = (id: string, patch: { role?: Role; teamId?: string | null; active?: boolean }) =>
    update.mutate(
      { id, ...patch },
      {
        onSuccess: () => notifications.show({ color: 'green', message: t('common.saved') }),
        onError: (err) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) }),
      },
    );

  const clearLocks = (u: User) =>
    unlock.mutate(u.id, {
      onSuccess: () => notifications.show({ color: 'green', message: t('settings.users.unlocked', { name: u.name }) }),
      onError: (err) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) }),
    });

  const who = (u: User) => (
    <>
      <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>{u.name} {u.id === me.id && <Badge size="xs" variant="light">{t('settings.users.you')}</Badge>}</Text>
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{u.email}</Text>
    </>
  );
  const role = (u: User, label?: string) => (
    <Select size="xs" w={label ? undefined : 140} label={label} aria-label={t('settings.users.role')} data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} value={u.role} allowDeselect={false} disabled={u.id === me.id} onChange={(r) => r && change(u.id, { role: r as Role })} />
  );
  const team = (u: User, label?: string) => (
    <Select size="xs" w={label ? undefined : 160} label={label} aria-label={t('settings.users.team')} data={teamOptions} value={u.teamId} clearable placeholder={t('settings.users.noTeam')} onChange={(teamId) => change(u.id, { teamId })} />
  );
  const active = (u: User, label?: string) => (
    <Switch label={label} aria-label={t('settings.users.active')} checked={u.active} disabled={u.id === me.id} onChange={(e) => change(u.id, { active: e.currentTarget.checked })} />
  );
  const unlockButton = (u: User) => (
    <Tooltip label={t('settings.users.unlock')}>
      <ActionIcon variant="subtle" aria-label={`${t('settings.users.unlock')}: ${u.name}`} loading={unlock.isPending && unlock.variables === u.id} onClick={() => clearLocks(u)}>
        <IconLockOpen size={16} />
      </ActionIcon>
    </Tooltip>
  );

  return (
    <>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Text c="dimmed" size="sm">{t('settings.users.hint')}</Text>
        <Button leftSection={<IconUserPlus size={16} />} onClick={open}>{t('settings.users.new')}</Button>
      </Group>
      {users.isPending ? (
        <ListSkeleton rows={4} />
      ) : users.error ? (
        <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
      ) : phone ? (
        <Stack gap="xs" data-testid="users-cards">
          {users.data.map((u) => (
            <Paper key={u.id} withBorder p="sm" opacity={u.active ? 1 : 0.55}>
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs" mb="xs">
                <div style={{ minWidth: 0 }}>{who(u)}</div>
                {unlockButton(u)}
              </Group>
              <SimpleGrid cols={2} spacing="xs" mb="xs">
                {role(u, t('settings.users.role'))}
                {team(u, t('settings.users.team'))}
              </SimpleGrid>
              {active(u, t('settings.users.active'))}
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" data-testid="users-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.users.name')}</Table.Th>
                <Table.Th>{t('settings.users.role')}</Table.Th>
                <Table.Th>{t('settings.users.team')}</Table.Th>
                <Table.Th>{t('settings.users.active')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.map((u) => (
                <Table.Tr key={u.id} opacity={u.active ? 1 : 0.55}>
                  <Table.Td>{who(u)}</Table.Td>
                  <Table.Td>{role(u)}</Table.Td>
                  <Table.Td>{team(u)}</Table.Td>
                  <Table.Td>{active(u)}</Table.Td>
                  <Table.Td>{unlockButton(u)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <UserFormModal opened={creating} onClose={close} />
    </>
  );
}
