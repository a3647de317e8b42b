// IM channels (admin settings): each channel as a card with its inbound address, on/off and a new secret on demand.
import { Badge, Button, Card, Code, Group, Modal, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconMessages } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { errorMessage } from '../../../lib/error-message';
import { useImChannels, useRotateImSecret, useUpdateImChannel, type ImChannel } from '../api/im-channels';
import { ChannelSecret } from './channel-secret';
import { CreateChannelModal } from './create-channel-modal';

export function ImChannelsSection() {
  const { t } = useTranslation();
  const channels = useImChannels();
  const update = useUpdateImChannel();
  const rotate = useRotateImSecret();
  const [creating, { open, close }] = useDisclosure();
  const fail = (err: unknown) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) });
  const onRotate = (c: ImChannel) => window.confirm(t('imChannels.confirmRotate', { name: c.name })) && rotate.mutate(c.id, { onError: fail });
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div style={{ minWidth: 0, flex: '1 1 260px' }}>
          <Title order={4}>{t('imChannels.title')}</Title>
          <Text c="dimmed" size="sm">{t('imChannels.hint')}</Text>
        </div>
        <Button leftSection={<IconMessages size={16} />} onClick={open} data-testid="new-channel">{t('imChannels.new')}</Button>
      </Group>
      {channels.isPending ? (
        <ListSkeleton rows={2} />
      ) : channels.error ? (
        <ErrorAlert error={channels.error} onRetry={() => void channels.refetch()} />
      ) : channels.data.length === 0 ? (
        <EmptyState title={t('imChannels.empty')} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {channels.data.map((c) => (
            <Card key={c.id} withBorder padding="sm" data-testid="im-channel">
              <Group justify="space-between" wrap="nowrap" mb={6}>
                <Group gap={6} style={{ minWidth: 0 }}>
                  <Text fw={600} truncate>{c.name}</Text>
                  <Badge size="sm" variant="light">{c.kind === 'telegram' ? 'Telegram' : t('imChannels.generic')}</Badge>
                </Group>
                <Switch aria-label={t('imChannels.enabled')} checked={c.enabled} onChange={(e) => update.mutate({ id: c.id, enabled: e.currentTarget.checked }, { onError: fail })} />
              </Group>
              <Text size="xs" c="dimmed">{t('imChannels.inboundUrl')}</Text>
              <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>{`${window.location.origin}${c.inboundPath}`}</Code>
              <Text size="xs" c="dimmed" mt={4}>{c.kind === 'telegram' ? t('imChannels.tokenOf', { hint: c.config.botTokenHint, api: c.config.apiBaseUrl }) : c.config.webhookUrl ? t('imChannels.repliesTo', { url: c.config.webhookUrl }) : t('imChannels.noReplies')}</Text>
              <Group justify="flex-end" mt="xs"><Button size="xs" variant="light" color="orange" onClick={() => onRotate(c)}>{t('imChannels.rotate')}</Button></Group>
            </Card>
          ))}
        </SimpleGrid>
      )}
      <CreateChannelModal opened={creating} onClose={close} />
      <Modal opened={Boolean(rotate.data)} onClose={() => rotate.reset()} title={t('imChannels.newSecret')}>
        {rotate.data && <ChannelSecret channel={rotate.data} />}
      </Modal>
    </Stack>
  );
}
