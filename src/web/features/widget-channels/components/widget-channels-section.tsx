// Chat widget (admin settings): each site's widget channel as a card with its tag to copy, on/off, edit, and a new
// secret on demand (shown once).
import { Badge, Button, Card, ColorSwatch, Group, Modal, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMessageChatbot } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTeams } from '../../../api/shared-queries';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { errorMessage } from '../../../lib/error-message';
import { useRotateWidgetSecret, useSaveWidgetChannel, useWidgetChannels, type WidgetChannel } from '../api/widget-channels';
import { WidgetChannelModal } from './widget-channel-modal';
import { WidgetSnippet } from './widget-snippet';

function ChannelCard({ c, onEdit, onRotate }: { c: WidgetChannel; onEdit: () => void; onRotate: () => void }) {
  const { t } = useTranslation();
  const team = useTeams().data?.find((tm) => tm.id === c.teamId);
  const toggle = useSaveWidgetChannel(c.id);
  const fail = (err: unknown) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) });
  return (
    <Card withBorder padding="sm" data-testid="widget-channel" style={{ minWidth: 0 }}>
      <Group justify="space-between" wrap="nowrap" mb={6}>
        <Group gap={6} style={{ minWidth: 0 }} wrap="nowrap">
          <ColorSwatch color={c.config.color} size={16} />
          <Text fw={600} truncate>{c.name}</Text>
          {c.config.botEnabled && <Badge size="sm" variant="light">{t('widgetChannels.bot')}</Badge>}
        </Group>
        <Switch aria-label={t('widgetChannels.enabled')} checked={c.enabled} onChange={(e) => toggle.mutate({ enabled: e.currentTarget.checked }, { onError: fail })} />
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {[team ? t('widgetChannels.toTeam', { team: team.name }) : t('widgetChannels.noTeam'), c.config.allowedOrigins.length ? t('widgetChannels.onlyOn', { origins: c.config.allowedOrigins.join(', ') }) : t('widgetChannels.anySite')].join(' · ')}
      </Text>
      <WidgetSnippet channel={c} />
      <Group justify="flex-end" mt="xs" gap="xs">
        <Button size="xs" variant="default" onClick={onEdit} data-testid="widget-channel-edit">{t('widgetChannels.edit')}</Button>
        <Button size="xs" variant="light" color="orange" onClick={onRotate} data-testid="widget-channel-rotate">{t('widgetChannels.rotate')}</Button>
      </Group>
    </Card>
  );
}

export function WidgetChannelsSection() {
  const { t } = useTranslation();
  const channels = useWidgetChannels();
  const rotate = useRotateWidgetSecret();
  const [editing, setEditing] = useState<WidgetChannel | 'new' | null>(null);
  const fail = (err: unknown) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) });
  const onRotate = (c: WidgetChannel) => window.confirm(t('widgetChannels.confirmRotate', { name: c.name })) && rotate.mutate(c.id, { onError: fail });
  return (
    <Stack gap="sm" data-testid="widget-channels">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div style={{ minWidth: 0, flex: '1 1 260px' }}>
          <Title order={4}>{t('widgetChannels.title')}</Title>
          <Text c="dimmed" size="sm">{t('widgetChannels.hint')}</Text>
        </div>
        <Button leftSection={<IconMessageChatbot size={16} />} onClick={() => setEditing('new')} data-testid="new-widget-channel">{t('widgetChannels.new')}</Button>
      </Group>
      {channels.isPending ? (
        <ListSkeleton rows={2} />
      ) : channels.error ? (
        <ErrorAlert error={channels.error} onRetry={() => void channels.refetch()} />
      ) : channels.data.length === 0 ? (
        <EmptyState title={t('widgetChannels.empty')} />
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          {channels.data.map((c) => <ChannelCard key={c.id} c={c} onEdit={() => setEditing(c)} onRotate={() => onRotate(c)} />)}
        </SimpleGrid>
      )}
      <WidgetChannelModal opened={editing !== null} channel={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      <Modal opened={Boolean(rotate.data)} onClose={() => rotate.reset()} title={t('widgetChannels.newSecret')} size="lg">
        {rotate.data && <WidgetSnippet channel={rotate.data} secret={rotate.data.secret} />}
      </Modal>
    </Stack>
  );
}
