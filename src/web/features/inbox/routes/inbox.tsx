// The inbox page: the conversation list beside the open conversation on a wide screen; on a phone the list, and a
// conversation on its own page with a way back. Live over the WebSocket while open.
import { Badge, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type InboxFilters } from '../api/inbox';
import { useInboxLive } from '../api/use-inbox-live';
import { ConversationList } from '../components/conversation-list';
import { ConversationView } from '../components/conversation-view';

export function InboxRoute() {
  const { t } = useTranslation();
  const { id } = useParams();
  const phone = useMediaQuery('(max-width: 48em)');
  const live = useInboxLive();
  const [filters, setFilters] = useState<InboxFilters>({ view: 'all', status: 'open', channel: '' });
  const list = <ConversationList filters={filters} onChange={setFilters} selectedId={id} />;
  return (
    <Stack gap="sm" data-testid="inbox">
      <Group justify="space-between">
        <Title order={2}>{t('inbox.title')}</Title>
        <Badge variant="dot" color={live ? 'green' : 'gray'} data-testid="inbox-live">{live ? t('inbox.live') : t('inbox.offline')}</Badge>
      </Group>
      {phone ? (
        id ? <ConversationView id={id} /> : list
      ) : (
        <Grid gap="md">
          <Grid.Col span={4}>{list}</Grid.Col>
          <Grid.Col span={8}>{id ? <ConversationView id={id} /> : <Text c="dimmed" ta="center" py="xl">{t('inbox.pick')}</Text>}</Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
