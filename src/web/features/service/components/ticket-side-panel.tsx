// Beside a ticket: the requester (with a link to their 360° view), company, related deal, team, channel, tags and times.
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import type { Ticket } from '../api/tickets';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>{children}</Text>
    </div>
  );
}

export function TicketSidePanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="ticket-side-panel">
      <Title order={5} mb="sm">{t('tickets.details')}</Title>
      <Stack gap="sm">
        <Row label={t('tickets.fields.requester')}>{ticket.contactId && ticket.contactName ? <Anchor component={Link} to={`/contacts/${ticket.contactId}`}>{ticket.contactName}</Anchor> : '—'}</Row>
        <Row label={t('tickets.fields.company')}>{ticket.companyId && ticket.companyName ? <Anchor component={Link} to={`/companies/${ticket.companyId}`}>{ticket.companyName}</Anchor> : '—'}</Row>
        <Row label={t('tickets.fields.deal')}>{ticket.dealId && ticket.dealName ? <Anchor component={Link} to={`/deals?deal=${ticket.dealId}`}>{ticket.dealName}</Anchor> : '—'}</Row>
        <Row label={t('tickets.fields.team')}>{ticket.teamName ?? '—'}</Row>
        <Row label={t('tickets.fields.channel')}>{t(`tickets.channel.${ticket.channel}`)}</Row>
        <Row label={t('tickets.fields.tags')}>{ticket.tags.length ? <Group gap={4}>{ticket.tags.map((tag) => <Badge key={tag} size="sm" variant="light">{tag}</Badge>)}</Group> : '—'}</Row>
        <Row label={t('tickets.fields.created')}>{formatDateTime(ticket.createdAt)}</Row>
        <Row label={t('tickets.fields.firstResponse')}>{ticket.firstRespondedAt ? formatDateTime(ticket.firstRespondedAt) : '—'}</Row>
        {ticket.description && <Row label={t('tickets.fields.description')}><span style={{ whiteSpace: 'pre-wrap' }}>{ticket.description}</span></Row>}
      </Stack>
    </Card>
  );
}
