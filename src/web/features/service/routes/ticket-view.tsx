// One ticket: header with its selects and the e-mail composer, "also viewing" warning, the timeline and reply box, and the side panel.
import { Alert, Anchor, Breadcrumbs, Grid, Stack, Text } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageSkeleton } from '../../../components/list-skeleton';
import { RecordError } from '../../../components/record-error';
import { leaveTicket, useTicket, useTicketViewers } from '../api/tickets';
import { ReplyBox } from '../components/reply-box';
import { TicketHeader } from '../components/ticket-header';
import { MergedBanner } from '../components/ticket-merge';
import { TicketSidePanel } from '../components/ticket-side-panel';
import { TicketTimeline } from '../components/ticket-timeline';
import { RoutingWhy, SlaTimers } from '../../service-settings';
import { TicketEmailButton } from '../components/ticket-email-button';

export function TicketViewRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const ticket = useTicket(id);
  const viewers = useTicketViewers(id).data ?? [];
  useEffect(() => () => void leaveTicket(id), [id]);
  if (ticket.isPending) return <PageSkeleton />;
  if (ticket.error) return <RecordError error={ticket.error} onRetry={() => void ticket.refetch()} backTo="/tickets" backLabel={t('nav.tickets')} />;
  const tk = ticket.data;
  return (
    <Stack data-testid="ticket-view">
      <Breadcrumbs>
        <Anchor component={Link} to="/tickets" size="sm">{t('nav.tickets')}</Anchor>
        <Text size="sm">#{tk.number}</Text>
      </Breadcrumbs>
      <TicketHeader ticket={tk} actions={<TicketEmailButton ticket={tk} />} />
      {viewers.length > 0 && (
        <Alert color="orange" icon={<IconEye size={16} />} py="xs" data-testid="also-viewing">
          {t('tickets.alsoViewing', { names: viewers.map((v) => v.name).join(', '), count: viewers.length })}
        </Alert>
      )}
      <MergedBanner ticket={tk} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            <TicketTimeline ticketId={tk.id} />
            <ReplyBox ticket={tk} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <SlaTimers ticketId={tk.id} />
            <TicketSidePanel ticket={tk} />
            <RoutingWhy ticketId={tk.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
