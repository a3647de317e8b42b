// API keys (admin): the list with scopes, creation and last use; create one (token shown once) or revoke one.
import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { errorMessage } from '../../../lib/error-message';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { useApiKeys, useRevokeApiKey, type ApiKey } from '../api/api-keys';
import { CreateApiKeyModal } from './create-api-key-modal';

export function ApiKeysSection() {
  const { t } = useTranslation();
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [creating, { open, close }] = useDisclosure();
  const narrow = useMediaQuery('(max-width: 48em)');
  const onRevoke = (k: ApiKey) => {
    if (!window.confirm(t('integrations.keys.confirmRevoke', { name: k.name }))) return;
    revoke.mutate(k.id, {
      onSuccess: () => notifications.show({ color: 'green', message: t('integrations.keys.revokedDone') }),
      onError: (err) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) }),
    });
  };
  const scopes = (k: ApiKey) => (
    <Group gap={4}>
      {k.scopes.map((s) => (
        <Badge key={s} size="sm" variant="light" color={s.endsWith(':write') ? 'orange' : 'blue'} style={{ textTransform: 'none' }}>{s}</Badge>
      ))}
    </Group>
  );
  const lastUsed = (k: ApiKey) => (k.lastUsedAt ? formatRelative(k.lastUsedAt) : t('integrations.keys.neverUsed'));
  const action = (k: ApiKey) =>
    k.revokedAt ? (
      <Badge color="gray" variant="light" title={formatDateTime(k.revokedAt)}>{t('integrations.keys.revoked')}</Badge>
    ) : (
      <Button size="xs" variant="subtle" color="red" loading={revoke.isPending && revoke.variables === k.id} onClick={() => onRevoke(k)}>
        {t('integrations.keys.revoke')}
      </Button>
    );

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div style={{ minWidth: 0, flex: '1 1 260px' }}>
          <Title order={4}>{t('integrations.keys.title')}</Title>
          <Text c="dimmed" size="sm">{t('integrations.keys.hint')}</Text>
        </div>
        <Button leftSection={<IconKey size={16} />} onClick={open} data-testid="new-api-key">{t('integrations.keys.new')}</Button>
      </Group>
      {keys.isPending ? (
        <ListSkeleton rows={3} />
      ) : keys.error ? (
        <ErrorAlert error={keys.error} onRetry={() => void keys.refetch()} />
      ) : keys.data.length === 0 ? (
        <EmptyState icon={<IconKey size={28} />} title={t('integrations.keys.empty')} description={t('integrations.keys.emptyHint')} />
      ) : narrow ? (
        <Stack gap="xs" data-testid="api-keys-table">
          {keys.data.map((k) => (
            <Card key={k.id} withBorder padding="sm" opacity={k.revokedAt ? 0.55 : 1} data-testid="api-key-row">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" fw={500}>{k.name}</Text>
                {action(k)}
              </Group>
              <Text size="xs" c="dimmed" ff="monospace" mb={4}>rk_{k.prefix}_…</Text>
              {scopes(k)}
              <Text size="xs" c="dimmed" mt={4}>{t('integrations.keys.createdAt')}: {formatDateTime(k.createdAt)} · {t('integrations.keys.lastUsed')}: {lastUsed(k)}</Text>
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" data-testid="api-keys-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('integrations.keys.name')}</Table.Th>
                <Table.Th>{t('integrations.keys.scopes')}</Table.Th>
                <Table.Th>{t('integrations.keys.createdAt')}</Table.Th>
                <Table.Th>{t('integrations.keys.lastUsed')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.data.map((k) => (
                <Table.Tr key={k.id} opacity={k.revokedAt ? 0.55 : 1} data-testid="api-key-row">
                  <Table.Td>
                    <Text size="sm" fw={500}>{k.name}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">rk_{k.prefix}_…</Text>
                  </Table.Td>
                  <Table.Td>{scopes(k)}</Table.Td>
                  <Table.Td><Text size="sm">{formatDateTime(k.createdAt)}</Text></Table.Td>
                  <Table.Td>
                    <Text size="sm" title={formatDateTime(k.lastUsedAt)}>{lastUsed(k)}</Text>
                  </Table.Td>
                  <Table.Td>{action(k)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CreateApiKeyModal opened={creating} onClose={close} />
    </Stack>
  );
}
