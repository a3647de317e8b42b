// The "New ticket" form: subject, description, requester, priority, channel, assignee, category, tags, related deal
// and order, custom fields; opens the new ticket.
import { Modal, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormActions } from '../../../components/form-actions';
import { ErrorAlert } from '../../../components/error-alert';
import { useUserDirectory } from '../../../api/shared-queries';
import { formErrorsFrom } from '../../../lib/form-errors';
import { TICKET_CHANNELS, TICKET_PRIORITIES, useCreateTicket } from '../api/tickets';
import { ContactSelect } from './contact-select';
import { CustomFieldsEditor, fieldsOf, type FieldRow } from './custom-fields-editor';
import { DealPicker, OrderPicker } from './record-pickers';

export function NewTicketModal({ opened, onClose, contactId }: { opened: boolean; onClose: () => void; contactId?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateTicket();
  const users = useUserDirectory(opened).data ?? [];
  const [form, setForm] = useState({ subject: '', description: '', contactId: contactId ?? null as string | null, priority: 'normal', channel: 'web', assigneeId: null as string | null, category: '', tags: [] as string[], dealId: null as string | null, orderId: null as string | null });
  const [rows, setRows] = useState<FieldRow[]>([]);
  const [badRow, setBadRow] = useState<number | null>(null);
  const errors = create.error ? formErrorsFrom(create.error) : {};
  const set = (k: keyof typeof form) => (v: string | null) => setForm((f) => ({ ...f, [k]: v }));
  const submit = () => {
    const custom = fieldsOf(rows);
    if ('badRow' in custom) return setBadRow(custom.badRow);
    setBadRow(null);
    create.mutate({
      subject: form.subject, description: form.description || null, contactId: form.contactId, priority: form.priority, channel: form.channel, assigneeId: form.assigneeId,
      category: form.category.trim() || null, tags: form.tags, dealId: form.dealId, orderId: form.orderId, customFields: custom.fields,
    }, { onSuccess: (tk) => { onClose(); navigate(`/tickets/${tk.id}`); } });
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('tickets.new')} size="lg">
      <form onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <Stack gap="sm">
          <TextInput label={t('tickets.fields.subject')} required data-autofocus value={form.subject} onChange={(e) => set('subject')(e.currentTarget.value)} error={errors.subject} data-testid="ticket-subject" />
          <Textarea label={t('tickets.fields.description')} autosize minRows={3} maxRows={10} value={form.description} onChange={(e) => set('description')(e.currentTarget.value)} />
          <ContactSelect value={form.contactId} onChange={set('contactId')} />
          <Select label={t('tickets.fields.priority')} value={form.priority} onChange={(v) => set('priority')(v ?? 'normal')} allowDeselect={false} data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priority.${p}`) }))} />
          <Select label={t('tickets.fields.channel')} value={form.channel} onChange={(v) => set('channel')(v ?? 'web')} allowDeselect={false} data={TICKET_CHANNELS.map((c) => ({ value: c, label: t(`tickets.channel.${c}`) }))} />
          <Select label={t('tickets.fields.assignee')} clearable searchable value={form.assigneeId} onChange={set('assigneeId')} placeholder={t('tickets.unassigned')} data={users.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('tickets.fields.category')} value={form.category} onChange={(e) => set('category')(e.currentTarget.value)} error={errors.category} data-testid="new-ticket-category" />
            <TagsInput label={t('tickets.fields.tags')} value={form.tags} onChange={(tags) => setForm((f) => ({ ...f, tags }))} splitChars={[',']} error={errors.tags} data-testid="new-ticket-tags" />
            <DealPicker value={form.dealId} onChange={(v) => set('dealId')(v)} />
            <OrderPicker contactId={form.contactId} value={form.orderId} onChange={(v) => set('orderId')(v)} />
          </SimpleGrid>
          <CustomFieldsEditor rows={rows} onChange={setRows} badRow={badRow} />
          {create.error && !Object.keys(errors).length ? <ErrorAlert error={create.error} /> : null}
          <FormActions onCancel={onClose} loading={create.isPending} submitLabel={t('tickets.create')} submitTestId="ticket-create" disabled={!form.subject.trim()} />
        </Stack>
      </form>
    </Modal>
  );
}
