// Settings → Macros (managers and admins): canned replies with English and Chinese text, {{variables}} and actions.
import { ActionIcon, Button, Group, Modal, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { FormActions } from '../../../components/form-actions';
import { formErrorsFrom } from '../../../lib/form-errors';
import { useDeleteMacro, useMacros, useSaveMacro, type Macro } from '../api/macros';
import { TICKET_PRIORITIES } from '../api/tickets';

const VARIABLES = '{{contact.displayName}} {{ticket.number}} {{ticket.subject}} {{agent.name}} {{company.name}}';

function MacroForm({ macro, onClose }: { macro: Partial<Macro>; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveMacro();
  const [m, setM] = useState({ name: macro.name ?? '', bodyEn: macro.bodyEn ?? '', bodyZh: macro.bodyZh ?? '', status: macro.actions?.status ?? null, priority: macro.actions?.priority ?? null, tags: (macro.actions?.addTags ?? []).join(', ') });
  const errors = save.error ? formErrorsFrom(save.error) : {};
  const submit = () => save.mutate({
    id: macro.id, name: m.name, bodyEn: m.bodyEn, bodyZh: m.bodyZh || null,
    actions: { ...(m.status && { status: m.status }), ...(m.priority && { priority: m.priority }), ...(m.tags.trim() && { addTags: m.tags.split(',').map((x) => x.trim()).filter(Boolean) }) },
  }, { onSuccess: onClose });
  return (
    <form onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <Stack gap="sm">
        <TextInput label={t('macros.name')} required value={m.name} onChange={(e) => setM({ ...m, name: e.currentTarget.value })} error={errors.name} data-testid="macro-name" />
        <Textarea label={t('macros.bodyEn')} required autosize minRows={3} value={m.bodyEn} onChange={(e) => setM({ ...m, bodyEn: e.currentTarget.value })} error={errors.bodyEn} data-testid="macro-body-en" />
        <Textarea label={t('macros.bodyZh')} autosize minRows={3} value={m.bodyZh} onChange={(e) => setM({ ...m, bodyZh: e.currentTarget.value })} data-testid="macro-body-zh" />
        <Text size="xs" c="dimmed">{t('macros.variables', { list: VARIABLES })}</Text>
        <Group grow>
          <Select label={t('macros.setStatus')} clearable value={m.status} onChange={(v) => setM({ ...m, status: v })} data={['open', 'pending', 'on_hold', 'solved'].map((s) => ({ value: s, label: t(`tickets.status.${s}`) }))} data-testid="macro-status" />
          <Select label={t('macros.setPriority')} clearable value={m.priority} onChange={(v) => setM({ ...m, priority: v })} data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priority.${p}`) }))} />
        </Group>
        <TextInput label={t('macros.addTags')} value={m.tags} onChange={(e) => setM({ ...m, tags: e.currentTarget.value })} placeholder="refund, vip" />
        {save.error && !Object.keys(errors).length ? <ErrorAlert error={save.error} /> : null}
        <FormActions onCancel={onClose} loading={save.isPending} submitTestId="macro-save" disabled={!m.name.trim() || !m.bodyEn.trim()} />
      </Stack>
    </form>
  );
}

export function MacrosSection() {
  const { t } = useTranslation();
  const macros = useMacros();
  const remove = useDeleteMacro();
  const [editing, setEditing] = useState<Partial<Macro> | null>(null);
  return (
    <Stack data-testid="macros-section">
      <Group justify="space-between">
        <Title order={3}>{t('macros.title')}</Title>
        <Button size="sm" leftSection={<IconPlus size={16} />} onClick={() => setEditing({})} data-testid="new-macro">{t('macros.new')}</Button>
      </Group>
      <Text size="sm" c="dimmed">{t('macros.hint')}</Text>
      {macros.error ? <ErrorAlert error={macros.error} /> : null}
      {(macros.data ?? []).map((m) => (
        <Paper key={m.id} withBorder p="sm" data-testid="macro-row">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Text fw={600} size="sm">{m.name}</Text>
              <Text size="xs" c="dimmed" lineClamp={2}>{m.bodyEn}</Text>
              {m.bodyZh && <Text size="xs" c="dimmed" lineClamp={2}>{m.bodyZh}</Text>}
            </div>
            <Group gap={4} wrap="nowrap">
              <ActionIcon variant="subtle" aria-label={t('macros.edit')} onClick={() => setEditing(m)}><IconPencil size={16} /></ActionIcon>
              <ActionIcon variant="subtle" color="red" aria-label={t('common.delete')} onClick={() => remove.mutate(m.id)}><IconTrash size={16} /></ActionIcon>
            </Group>
          </Group>
        </Paper>
      ))}
      {macros.data?.length === 0 && <Text size="sm" c="dimmed">{t('macros.empty')}</Text>}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.id ? t('macros.edit') : t('macros.new')} size="lg">
        {editing && <MacroForm macro={editing} onClose={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}
