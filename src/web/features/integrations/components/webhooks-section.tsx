// Webhooks (admin): subscriptions with their events, on/off and delete; each opens its delivery log.
import { useState } from 'react';
import { ActionIcon, Badge, Button, Card, Group, Stack, Switch, Table, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconListDetails, IconTrash, IconWebhook } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { errorMessage } from '../../../lib/error-message';
import { useDeleteWebhook, useUpdateWebhook, useWebhooks, type Webhook } from '../api/webhooks';
import { CreateWebhookModal } from './create-webhook-modal';
import { DeliveryLog } from './delivery-log';

export function WebhooksSection() {
  const { t } = useTranslation();
  const hooks = useWebhooks();
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const [creating, { open, close }] = useDisclosure();
  const [logOf, setLogOf] = useState<Webhook | null>(null);
  const narrow = useMediaQuery('(max-width: 48em)');
  const fail = (err: unknown) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) });
  const onDelete = (h: Webhook) => window.confirm(t('integrations.hooks.confirmDelete', { url: h.url })) && remove.mutate(h.id, { onError: fail });
  const events = (h: Webhook) => (
    <Group gap={4}>
      {h.events.map((e) => (
        <Badge key={e} size="sm" variant="light" style={{ textTransform: 'none' }}>{e === '*' ? t('integrations.hooks.allEvents') : e}</Badge>
      ))}
    </Group>
  );
  const active = (h: Webhook) => (
    <Switch aria-label={t('integrations.hooks.active')} checked={h.active} onChange={(e) => update.mutate({ id: h.id, active: e.currentTarget.checked }, { onError: fail })} />
  );
  const actions = (h: Webhook) => (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <Button size="xs" variant="light" leftSection={<IconListDetails size={14} />} onClick={() => setLogOf(h)} data-testid="open-deliveries">
        {t('integrations.hooks.log')}
      </Button>
      <Tooltip label={t('common.delete')} withArrow>
        <ActionIcon variant="subtle" color="red" aria-label={t('common.delete')} loading={remove.isPending && remove.variables === h.id} onClick={() => onDelete(h)}>
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div style={{ minWidth: 0, flex: '1 1 260px' }}>
          <Title order={4}>{t('integrations.hooks.title')}</Title>
          <Text c="dimmed" size="sm">{t('integrations.hooks.hint')}</Text>
        </div>
        <Button leftSection={<IconWebhook size={16} />} onClick={open} data-testid="new-webhook">{t('integrations.hooks.new')}</Button>
      </Group>
      {hooks.isPending ? (
        <ListSkeleton rows={3} />
      ) : hooks.error ? (
        <ErrorAlert error={hooks.error} onRetry={() => void hooks.refetch()} />
      ) : hooks.data.length === 0 ? (
        <EmptyState icon={<IconWebhook size={28} />} title={t('integrations.hooks.empty')} description={t('integrations.hooks.emptyHint')} />
      ) : narrow ? (
        <Stack gap="xs" data-testid="webhooks-table">
          {hooks.data.map((h) => (
            <Card key={h.id} withBorder padding="sm" data-testid="webhook-row">
              <Text size="sm" ff="monospace" mb={4} style={{ wordBreak: 'break-all' }}>{h.url}</Text>
              {events(h)}
              <Group justify="space-between" mt="xs" wrap="nowrap">
                {active(h)}
                {actions(h)}
              </Group>
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" data-testid="webhooks-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('integrations.hooks.url')}</Table.Th>
                <Table.Th>{t('integrations.hooks.events')}</Table.Th>
                <Table.Th>{t('integrations.hooks.active')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {hooks.data.map((h) => (
                <Table.Tr key={h.id} data-testid="webhook-row">
                  <Table.Td maw={320}>
                    <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>{h.url}</Text>
                  </Table.Td>
                  <Table.Td>{events(h)}</Table.Td>
                  <Table.Td>{active(h)}</Table.Td>
                  <Table.Td>{actions(h)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CreateWebhookModal opened={creating} onClose={close} />
      <DeliveryLog webhook={logOf} onClose={() => setLogOf(null)} />
    </Stack>
  );
}
