// Beside a ticket: the requester (with a link to their 360° view), company, team, channel and times, and what an agent
// edits on the spot: category, tags, related deal and order, and custom fields.
import { Anchor, Button, Card, Group, Stack, TagsInput, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { InlineEditField } from '../../../components/inline-edit-field';
import { errorMessage } from '../../../lib/error-message';
import { formatDateTime } from '../../../lib/format';
import { useUpdateTicket, type Ticket } from '../api/tickets';
import { CustomFieldsEditor, fieldsOf, rowsOf, type FieldRow } from './custom-fields-editor';
import { DealPicker, OrderPicker } from './record-pickers';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>{children}</Text>
    </div>
  );
}

function CustomFields({ ticket, locked, save }: { ticket: Ticket; locked: boolean; save: (patch: Record<string, unknown>) => Promise<unknown> }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<FieldRow[]>(() => rowsOf(ticket.customFields));
  const [bad, setBad] = useState<number | null>(null);
  const stored = JSON.stringify(ticket.customFields);
  useEffect(() => setRows(rowsOf(JSON.parse(stored))), [stored]);
  const next = fieldsOf(rows);
  const dirty = 'fields' in next ? JSON.stringify(next.fields) !== stored : true;
  const submit = () => {
    if ('badRow' in next) return setBad(next.badRow);
    setBad(null);
    void save({ customFields: next.fields });
  };
  return (
    <Stack gap={4}>
      <CustomFieldsEditor rows={rows} onChange={setRows} disabled={locked} badRow={bad} />
      {dirty && <Group gap={4}><Button size="compact-xs" onClick={submit} data-testid="custom-fields-save">{t('tickets.save')}</Button><Button size="compact-xs" variant="default" onClick={() => { setRows(rowsOf(ticket.customFields)); setBad(null); }}>{t('common.cancel')}</Button></Group>}
    </Stack>
  );
}

export function TicketSidePanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const update = useUpdateTicket(ticket.id);
  const locked = ticket.status === 'closed' || ticket.mergedIntoId !== null;
  const save = (patch: Record<string, unknown>) => update.mutateAsync(patch).catch((err) => {
    notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) });
    throw err;
  });
  const quiet = (patch: Record<string, unknown>) => void save(patch).catch(() => undefined);
  return (
    <Card withBorder data-testid="ticket-side-panel">
      <Title order={5} mb="sm">{t('tickets.details')}</Title>
      <Stack gap="sm">
        <Row label={t('tickets.fields.requester')}>{ticket.contactId && ticket.contactName ? <Anchor component={Link} to={`/contacts/${ticket.contactId}`}>{ticket.contactName}</Anchor> : '—'}</Row>
        <Row label={t('tickets.fields.company')}>{ticket.companyId && ticket.companyName ? <Anchor component={Link} to={`/companies/${ticket.companyId}`}>{ticket.companyName}</Anchor> : '—'}</Row>
        {locked ? (
          <Row label={t('tickets.fields.category')}>{ticket.category ?? '—'}</Row>
        ) : (
          <InlineEditField label={t('tickets.fields.category')} value={ticket.category} onSave={(v) => save({ category: typeof v === 'string' && v.trim() ? v.trim() : null })} testId="ticket-category" />
        )}
        <TagsInput
          label={t('tickets.fields.tags')} size="xs" value={ticket.tags} disabled={locked} clearable={false} placeholder={locked ? undefined : t('tickets.addTag')} data-testid="ticket-tags"
          onChange={(tags) => quiet({ tags })} maxTags={30} splitChars={[',']}
        />
        <DealPicker size="xs" value={ticket.dealId} valueLabel={ticket.dealName} disabled={locked} onChange={(dealId) => quiet({ dealId })} />
        {ticket.dealId && ticket.dealName && <Anchor component={Link} to={`/deals?deal=${ticket.dealId}`} size="xs" mt={-8}>{t('tickets.openDeal')}</Anchor>}
        <OrderPicker size="xs" contactId={ticket.contactId} value={ticket.orderId} valueLabel={ticket.orderLabel} disabled={locked} onChange={(orderId) => quiet({ orderId })} />
        <CustomFields ticket={ticket} locked={locked} save={save} />
        <Row label={t('tickets.fields.team')}>{ticket.teamName ?? '—'}</Row>
        <Row label={t('tickets.fields.channel')}>{t(`tickets.channel.${ticket.channel}`)}</Row>
        <Row label={t('tickets.fields.created')}>{formatDateTime(ticket.createdAt)}</Row>
        <Row label={t('tickets.fields.firstResponse')}>{ticket.firstRespondedAt ? formatDateTime(ticket.firstRespondedAt) : '—'}</Row>
        {ticket.description && <Row label={t('tickets.fields.description')}><span style={{ whiteSpace: 'pre-wrap' }}>{ticket.description}</span></Row>}
      </Stack>
    </Card>
  );
}
